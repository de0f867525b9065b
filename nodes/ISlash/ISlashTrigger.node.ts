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
import {
	answerOnly,
	contentKey,
	keepUnseen,
	rawBodyOf,
	startExecution,
	UNKEYABLE,
	withDeliveryState,
} from '../shared/webhookDelivery';
import { secretsMatch } from '../shared/webhookSecrets';
import { parseDelivery, type ISlashEvent } from './shared/webhook';
import { webhookSecretProblem } from './shared/webhookSecret';

/** The Webhook Secret of the node's iSlash credential. */
async function readSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials('iSlashMessagingApi');
	const value = credentials.webhookSecret;
	return typeof value === 'string' ? value.trim() : '';
}

/** The delivery's JSON: n8n's parsed body, or the raw bytes when iSlash sent another content type. */
function deliveryBody(ctx: IWebhookFunctions): unknown {
	const parsed: unknown = ctx.getBodyData();
	if (parsed && typeof parsed === 'object' && Object.keys(parsed).length > 0) return parsed;
	const raw = ctx.getRequestObject().rawBody;
	if (!raw || raw.length === 0) return parsed;
	try {
		return JSON.parse(raw.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

/** A message by its ID; a status by its message, status and time (one message gets several); else by content. */
function eventKey(
	event: ISlashEvent,
	delivery: { raw?: Buffer; index: number },
): string | undefined {
	if (event.messageId === null) {
		const key = contentKey(event.raw, delivery);
		return key === undefined ? undefined : `${event.event}:${key}`;
	}
	if (event.event === 'message') return `message:${event.channel}:${event.messageId}`;
	return `status:${event.channel}:${event.messageId}:${event.type}:${event.timestamp ?? ''}`;
}

const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Incoming Messages',
			value: 'messages',
			description: 'Messages customers send on WhatsApp or Facebook',
		},
		{
			name: 'Status Updates',
			value: 'statuses',
			description: 'Sent, delivered, read and failed updates of outgoing messages',
		},
	],
	default: ['messages', 'statuses'],
};

export class ISlashTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iSlash Trigger',
		name: 'iSlashTrigger',
		icon: { light: 'file:iSlash.svg', dark: 'file:iSlash.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionNamesSubtitle(eventsProperty),
		// n8n's node panel lists a node and its trigger as one entry under the trigger's description
		// (generateMergedNodesAndActions in the editor's useActionsGeneration.ts), so it speaks for both.
		description:
			'Send WhatsApp and Facebook Messenger messages with the iSlash CRM, and start workflows on incoming messages and status updates',
		defaults: { name: 'iSlash Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iSlashMessagingApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"iSlash has no API to register webhooks. Copy this node's Production URL (Webhook URLs, above), add <code>?secret=</code> followed by the Webhook Secret of the iSlash credential — e.g. <code>https://your-n8n/webhook/…/webhook?secret=…</code> — and paste it into iSlash's webhook settings. Deliveries without the secret are refused with 401.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty,
		],
	};

	/**
	 * iSlash has no webhook-registration API: its webhook URL is pasted by hand into iSlash's settings.
	 * So these register and remove nothing. `checkExists` says "not registered" so that `create` runs on
	 * every activation and refuses a missing or weak secret before the URL goes live.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const problem = webhookSecretProblem(await readSecret(this));
				if (problem) {
					throw new NodeOperationError(
						this.getNode(),
						`Webhook Secret (iSlash credential): ${problem}`,
						{
							description:
								'It is what keeps strangers from starting this workflow through its URL.',
						},
					);
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// Nothing was registered. iSlash keeps posting to the URL until it is removed from its settings;
				// the deactivated URL then simply answers 404.
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const expected = await readSecret(this);
		const given = this.getQueryData() as IDataObject;
		if (
			webhookSecretProblem(expected) !== undefined ||
			typeof given.secret !== 'string' ||
			!secretsMatch(given.secret, expected)
		) {
			return answerOnly(this, 401, {
				error: 'Unauthorized: the webhook URL is missing its secret or it is wrong',
			});
		}

		const delivery = parseDelivery(deliveryBody(this));
		if ('malformed' in delivery)
			return answerOnly(this, 400, { error: `Not an iSlash delivery: ${delivery.malformed}` });

		const wanted = new Set(this.getNodeParameter('events', []) as string[]);
		const events = delivery.events.filter((event) =>
			wanted.has(event.event === 'message' ? 'messages' : 'statuses'),
		);
		const raw = await rawBodyOf(this);
		const keyed = events.map((event, index) => ({ event, key: eventKey(event, { raw, index }) }));
		if (keyed.some(({ key }) => key === undefined))
			return answerOnly(this, 400, { error: UNKEYABLE });
		return await withDeliveryState(this, async (state) => {
			// A delivery sent again (e.g. after a timeout) carries the same message IDs: only unseen events start the workflow.
			const fresh = keepUnseen(state, keyed, ({ key }) => String(key)).map(({ event }) => event);
			if (fresh.length === 0) return answerOnly(this, 200, { received: true });
			return startExecution(
				this,
				fresh.map((json) => ({ json })),
			);
		});
	}
}
