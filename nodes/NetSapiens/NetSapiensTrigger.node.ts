import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { optionNamesSubtitle } from '../shared/descriptions';
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
import { keepInbound, watchedUser, type WatchedUser } from './shared/inboundMessage';
import {
	checkOwner,
	createSubscription,
	deleteSubscription,
	deliveredObjects,
	listSubscriptions,
} from './shared/subscriptions';

/** Subscription models this trigger offers (OpenAPI v45 Subscription.model). */
const EVENTS = ['message', 'messagesession'] as const;

/** The concrete domain and user of the trigger's Domain and User fields (`~` resolved once). */
async function subscriptionOwner(ctx: IHookFunctions): Promise<WatchedUser> {
	return checkOwner(ctx.getNode(), await watchedUser(ctx));
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
					const id = await createSubscription(this, {
						model,
						postUrl: postUrl(this, secret),
						owner,
					});
					if (!id) return false;
					data.subscriptionId = id;
					data.secret = secret;
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
