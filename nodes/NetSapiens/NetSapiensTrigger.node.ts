import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { optionNamesSubtitle } from '../shared/descriptions';
import { listRows } from '../shared/operation';
import {
	answerOnly,
	contentKey,
	keepUnseen,
	rawBodyOf,
	startExecution,
	UNKEYABLE,
	withDeliveryState,
} from '../shared/webhookDelivery';
import { newWebhookSecret, redactingSecrets, secretsMatch } from '../shared/webhookSecrets';
import { answeredStatus } from '../shared/providerRequest';
import { failureToNodeError } from '../shared/errors';
import { netSapiensErrors } from './shared/errors';
import { keepInbound, watchedUser, type WatchedUser } from './shared/inboundMessage';
import { netSapiensRequest } from './shared/transport';

/** Subscription models this trigger offers (OpenAPI v45 Subscription.model). */
const EVENTS = ['message', 'messagesession'] as const;

/**
 * Subscriptions are made at `/subscriptions` and `/subscriptions/{id}`: a core 44.4.10 serves only these (its
 * OpenAPI has no `/domains/{domain}/subscriptions`), and docs v45.0 mark them "released" where the domain
 * routes are "testing". Which domain and user a subscription filters for is in its body.
 */
const SUBSCRIPTIONS = '/subscriptions';

/**
 * "If left blank it will set the expires time to the expires time of the timed token used, if using a APIkey
 * it will be 20 years from the creation date" (subscription-expires-datetime): a login's subscription would
 * end with its one-hour token, so it is extended to what an API key gets.
 */
const SUBSCRIPTION_YEARS = 20;

/** A subscription expiring sooner than this was set to a token's expiry: it is extended. */
const EXTEND_BELOW_DAYS = 365;

/** `YYYY-MM-DD HH:MM:SS`, the format of subscription-expires-datetime (UTC). */
export function farExpiry(now = new Date()): string {
	const expires = new Date(now);
	expires.setUTCFullYear(expires.getUTCFullYear() + SUBSCRIPTION_YEARS);
	return expires.toISOString().slice(0, 19).replace('T', ' ');
}

/** Whether a subscription's `subscription-expires-datetime` is missing or within EXTEND_BELOW_DAYS. */
function expiresSoon(expires: unknown, now = Date.now()): boolean {
	const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(String(expires ?? '').trim());
	if (!match) return true;
	const at = Date.parse(`${match[1]}T${match[2]}Z`);
	return !Number.isFinite(at) || at - now < EXTEND_BELOW_DAYS * 24 * 3600_000;
}

/**
 * The concrete domain and user the subscription filters for (`~` resolved once, from the login or GET
 * /apikeys/~): the body's `domain` defaults to "*", "only valid with Super User scope", and its `user`
 * documents only "*" and names, not `~`.
 */
async function subscriptionOwner(ctx: IHookFunctions): Promise<WatchedUser> {
	const owner = await watchedUser(ctx);
	for (const [label, value] of [
		['Domain', owner.domain],
		['User', owner.user],
	]) {
		if (value === '' || value === '~') {
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}: ~ could not be resolved from the credential`,
				{ description: `Enter the ${label.toLowerCase()} itself` },
			);
		}
	}
	return owner;
}

/**
 * The subscription's ID and the secret in the URL it posts to. The secret is random and made at
 * activation: derived from the credential, it would change when the user edits the API key or password
 * while NetSapiens keeps posting with the old one (n8n runs `create()` only on activation).
 */
interface TriggerState extends IDataObject {
	subscriptionId?: string;
	secret?: string;
}

function state(ctx: IHookFunctions | IWebhookFunctions): TriggerState {
	return ctx.getWorkflowStaticData('node') as TriggerState;
}

/** The URL NetSapiens posts to: the workflow's webhook URL with this node's secret in the query. */
function postUrl(ctx: IHookFunctions, secret: string): string {
	const url = new URL(ctx.getNodeWebhookUrl('default') as string);
	url.searchParams.set('secret', secret);
	return url.toString();
}

/** Whether a subscription posts to this node's webhook URL, whatever secret it carries. */
function postsHere(ctx: IHookFunctions, subscription: IDataObject): boolean {
	try {
		const url = new URL(String(subscription['post-url']));
		const mine = new URL(ctx.getNodeWebhookUrl('default') as string);
		return url.origin === mine.origin && url.pathname === mine.pathname;
	} catch {
		return false;
	}
}

async function listSubscriptions(ctx: IHookFunctions): Promise<IDataObject[]> {
	return listRows(await netSapiensRequest.call(ctx, 'GET', SUBSCRIPTIONS));
}

/**
 * DELETE /subscriptions/{id}. Docs v45.0 require `subscription_id` in the body and `domain` "when requests are
 * submitted as scopes lower than Super User"; core 44.4.10 documents no body, and the path names the same ID.
 */
async function deleteSubscription(ctx: IHookFunctions, id: string, domain: string): Promise<void> {
	try {
		await netSapiensRequest.call(ctx, 'DELETE', `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`, {
			body: { subscription_id: id, domain },
		});
	} catch (error) {
		// Already gone (expired or removed in the portal): nothing left to delete.
		if (answeredStatus(error) !== 404)
			throw failureToNodeError(ctx.getNode(), netSapiensErrors, error);
	}
}

/** A delivery body: a JSON array of objects, or one object. Anything else is malformed. */
function deliveredObjects(body: unknown): IDataObject[] | undefined {
	let value = body;
	if (typeof value === 'string' || Buffer.isBuffer(value)) {
		try {
			value = JSON.parse(value.toString()) as unknown;
		} catch {
			return undefined;
		}
	}
	const isObject = (entry: unknown) =>
		!!entry && typeof entry === 'object' && !Array.isArray(entry);
	if (Array.isArray(value)) return value.every(isObject) ? (value as IDataObject[]) : undefined;
	return isObject(value) ? [value as IDataObject] : undefined;
}

/** What identifies one event: a message by its session and ID, anything else by its content. */
function deliveryKey(
	model: string,
	object: IDataObject,
	delivery: { raw?: Buffer; index: number },
): string | undefined {
	const id = object.id;
	if (
		model === 'message' &&
		(typeof id === 'string' || typeof id === 'number') &&
		String(id) !== ''
	) {
		return `message:${String(object['messagesession-id'] ?? '')}:${String(id)}`;
	}
	const key = contentKey(object, delivery);
	return key === undefined ? undefined : `${model}:${key}`;
}

const eventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Message Received',
			value: 'message',
			description:
				'A message arrives (model message); with Inbound Messages Only off, sent ones too',
		},
		{
			name: 'Message Session Updated',
			value: 'messagesession',
			description: 'A message session changes (model messagesession)',
		},
	],
	default: 'message',
};

export class NetSapiensTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSapiens Trigger',
		name: 'netSapiensTrigger',
		icon: { light: 'file:netSapiens.svg', dark: 'file:netSapiens.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionNamesSubtitle(eventProperty),
		// n8n's node panel lists a node and its trigger as one entry under the trigger's description
		// (generateMergedNodesAndActions in the editor's useActionsGeneration.ts), so it speaks for both.
		description:
			'Send and read chat, SMS and MMS messages on a NetSapiens PBX, and start workflows on its message events',
		defaults: { name: 'NetSapiens Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netSapiensMessagingApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			eventProperty,
			{
				displayName: 'Domain',
				name: 'domain',
				type: 'string',
				default: '~',
				description:
					'The domain whose events to receive; ~ means the domain of the API key or login',
			},
			{
				displayName: 'User',
				name: 'user',
				type: 'string',
				default: '~',
				description:
					'The user (extension) whose events to receive. ~ is the user of the API key or login and works with any key; * is every user of the domain and needs an Office Manager (nsd_) key or one of a higher scope; or give an extension, e.g. 1001.',
			},
			{
				displayName: 'Inbound Messages Only',
				name: 'inboundOnly',
				type: 'boolean',
				default: true,
				displayOptions: { show: { event: ['message'] } },
				description:
					'Whether to keep only messages received from others, dropping the ones your users send: direction "orig" is inbound and "term" outbound; a message without a direction (every chat) is inbound unless its sender is the watched user, or with User * any user of the domain',
			},
		],
	};

	webhookMethods = {
		default: {
			/** Reuses the subscription that posts to this node's URL with its stored secret, if NetSapiens still has it. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = state(this);
				if (!data.secret) return false;
				const secret = data.secret;
				return await redactingSecrets([secret], async () => {
					const url = postUrl(this, secret);
					const model = this.getNodeParameter('event') as string;
					const subscriptions = await listSubscriptions(this);
					const existing = subscriptions.find((s) => s['post-url'] === url && s.model === model);
					if (!existing) return false;
					data.subscriptionId = String(existing.id);
					return true;
				});
			},

			/**
			 * Deletes the subscriptions an earlier activation of this node left (the known one, and any posting
			 * to this node's URL with another secret, which would keep posting), then subscribes anew.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const model = this.getNodeParameter('event') as string;
				if (!(EVENTS as readonly string[]).includes(model)) return false;
				const owner = await subscriptionOwner(this);
				const data = state(this);
				const secret = newWebhookSecret();
				return await redactingSecrets([secret, data.secret ?? ''], async () => {
					const older = new Set(
						(await listSubscriptions(this))
							.filter((subscription) => postsHere(this, subscription))
							.map((subscription) => String(subscription.id)),
					);
					if (data.subscriptionId) older.add(data.subscriptionId);
					for (const id of older) await deleteSubscription(this, id, owner.domain);
					delete data.subscriptionId;
					delete data.secret;
					// subscription-expires-datetime is not sent: core 44.4.10 documents it on update only
					const answer = (await netSapiensRequest.call(this, 'POST', SUBSCRIPTIONS, {
						body: {
							model,
							'post-url': postUrl(this, secret),
							domain: owner.domain,
							user: owner.user,
						},
					})) as IDataObject | undefined;
					if (!answer?.id) return false;
					const id = String(answer.id);
					data.subscriptionId = id;
					data.secret = secret;
					if (expiresSoon(answer['subscription-expires-datetime'])) {
						await netSapiensRequest.call(
							this,
							'PUT',
							`${SUBSCRIPTIONS}/${encodeURIComponent(id)}`,
							{
								body: { 'subscription-expires-datetime': farExpiry() },
							},
						);
					}
					return true;
				});
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = state(this);
				try {
					await redactingSecrets([data.secret ?? ''], async () => {
						const ids = new Set(data.subscriptionId ? [data.subscriptionId] : []);
						if (ids.size === 0) {
							// No hint in static data: find this node's subscriptions by the URL they post to.
							for (const subscription of await listSubscriptions(this)) {
								if (postsHere(this, subscription)) ids.add(String(subscription.id));
							}
						}
						if (ids.size === 0) return;
						const { domain } = await subscriptionOwner(this);
						for (const id of ids) await deleteSubscription(this, id, domain);
					});
				} catch (error) {
					// Reported, not hidden; the ID and secret stay so a later deactivation can try again.
					this.logger.warn(
						`NetSapiens subscription could not be deleted: ${(error as Error).message}`,
					);
					return false;
				}
				delete data.subscriptionId;
				delete data.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (!secretsMatch((this.getQueryData() as IDataObject).secret, state(this).secret ?? '')) {
			return answerOnly(this, 401, { message: 'Unauthorized' });
		}
		const objects = deliveredObjects(this.getBodyData());
		if (!objects)
			return answerOnly(this, 400, { message: 'Expected a JSON object or an array of objects' });
		const model = this.getNodeParameter('event') as string;
		const inboundOnly =
			model === 'message' && (this.getNodeParameter('inboundOnly', true) as boolean);
		const raw = await rawBodyOf(this);
		const keyed = objects.map((object, index) => ({
			object,
			key: deliveryKey(model, object, { raw, index }),
		}));
		if (keyed.some(({ key }) => key === undefined)) {
			return answerOnly(this, 400, { message: UNKEYABLE });
		}
		return await withDeliveryState(this, async (state) => {
			// NetSapiens counts any answer above 302 as a failed delivery and sends it again: an object seen before is not new.
			const fresh = keepUnseen(state, keyed, ({ key }) => String(key)).map(({ object }) => object);
			const kept = inboundOnly ? await keepInbound(this, fresh) : fresh;
			const summary = { received: objects.length, new: fresh.length, kept: kept.length };
			if (kept.length === 0) return answerOnly(this, 200, summary);
			return startExecution(this, this.helpers.returnJsonArray(kept), summary);
		});
	}
}
