import { createHash } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { optionNamesSubtitle } from '../shared/descriptions';
import { toNodeError } from '../shared/errors';
import { authenticationProperty } from './shared/descriptions';
import { superOfficeErrors } from './shared/errors';
import { isSuperOfficeId } from './shared/parameters';
import { fetchNewMessages } from './shared/newMessages';
import {
	answerOnly,
	forgetDeliveryState,
	keepUnseen,
	startExecution,
	withDeliveryState,
} from '../shared/webhookDelivery';
import { newWebhookSecret } from '../shared/webhookSecrets';
import { isValidSignature } from './shared/signature';
import { superOfficeRequest } from './shared/transport';
import { httpsTargetUrl } from './shared/webhookTarget';

const CHAT_EVENTS = ['chatsession.created', 'chatsession.changed', 'chatsession.message'] as const;

/**
 * Static data of one registration: SuperOffice's webhook ID and the secret it signs deliveries with,
 * random and made at activation. Nothing in the credential is used for it: the credential's secret
 * material changes while the workflow stays active (a Bearer token expires hourly, a ticket or an OAuth2
 * token is renewed) and n8n runs `create()` only on activation, so every delivery would then be refused. The
 * handled events and each session's last message are kept by withDeliveryState; `lastMessageIds` is where
 * earlier versions kept the latter.
 */
interface Registration extends IDataObject {
	webhookId?: number;
	secret?: string;
	lastMessageIds?: IDataObject;
}

/**
 * How old a signed Timestamp may be. SuperOffice sends a payload up to 3 times in a cycle, 1 s and 4 s
 * apart, then puts it at the back of its queue, 9 attempts in all; after a failed cycle the event is sent
 * again with a new EventId (webhook-docs/notification.mdx, "Error Handling for Webhooks";
 * webhook-docs/index.mdx: "9 consecutive delivery failures across 3 retry cycles of 3 attempts each"). How
 * long the queue takes is not documented: an hour leaves room for a busy queue and for clocks that differ,
 * while a captured delivery cannot be replayed once its event ID has left the trigger's memory.
 */
const TIMESTAMP_TOLERANCE_MS = 60 * 60 * 1000;

function selectedEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(events) ? events.map(String) : [];
	const unknown = list.filter((event) => !(CHAT_EVENTS as readonly string[]).includes(event));
	if (list.length === 0 || unknown.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Events: choose one or more of ${CHAT_EVENTS.join(', ')}`,
		);
	}
	return list;
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

function forget(ctx: IHookFunctions, registration: Registration): void {
	delete registration.webhookId;
	delete registration.secret;
	delete registration.lastMessageIds;
	forgetDeliveryState(ctx);
}

async function deleteRegistration(this: IHookFunctions, webhookId: number): Promise<void> {
	try {
		await superOfficeRequest.call(this, 'DELETE', `/api/v1/Webhook/${webhookId}`);
	} catch (error) {
		if (!isNotFound(error)) throw toNodeError(this.getNode(), superOfficeErrors, error);
	}
}

/** The signed body as JSON, or undefined when it is not a JSON object. */
function signedPayload(raw: Buffer): IDataObject | undefined {
	try {
		const value = JSON.parse(raw.toString('utf8')) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

const SIGNED_HEADERS: Array<[header: string, field: string]> = [
	['x-superoffice-event', 'Event'],
	['x-superoffice-eventid', 'EventId'],
];

/** Why the unsigned headers contradict the signed body, if they do; an absent header is no contradiction. */
function disagreement(signed: IDataObject, headers: IDataObject): string | undefined {
	for (const [header, field] of SIGNED_HEADERS) {
		const value = headers[header];
		if (value !== undefined && String(value) !== String(signed[field] ?? '')) {
			return `${header} does not match the signed ${field}`;
		}
	}
	return undefined;
}

/** A signed Timestamp outside the tolerance (or unreadable) refuses the delivery; offset-less means UTC. */
function staleness(timestamp: unknown, now: number): string | undefined {
	if (typeof timestamp !== 'string') return 'The signed body has no Timestamp';
	const text = timestamp.trim();
	const time = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`);
	if (!Number.isFinite(time)) return `The signed Timestamp "${text}" is not a date`;
	if (Math.abs(now - time) > TIMESTAMP_TOLERANCE_MS) {
		return `The signed Timestamp ${text} is more than an hour away from now: a replayed or delayed delivery`;
	}
	return undefined;
}

const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Chat Session Changed',
			value: 'chatsession.changed',
			description: 'A session changed state (e.g. picked up, closed)',
		},
		{
			name: 'Chat Session Created',
			value: 'chatsession.created',
			description: 'A customer started a new session',
		},
		{
			name: 'Chat Session Message',
			value: 'chatsession.message',
			description: 'A message was added to a session, by anyone',
		},
	],
	default: ['chatsession.message'],
};

export class SuperOfficeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SuperOffice Trigger',
		name: 'superOfficeTrigger',
		icon: { light: 'file:superOffice.svg', dark: 'file:superOffice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionNamesSubtitle(eventsProperty),
		// n8n's node panel lists a node and its trigger as one entry under the trigger's description
		// (generateMergedNodesAndActions in the editor's useActionsGeneration.ts), so it speaks for both.
		description:
			'Send and read SuperOffice CRM web chat messages and sessions, and start workflows on chat events',
		defaults: { name: 'SuperOffice Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'superOfficeMessagingApi',
				required: true,
				displayOptions: { show: { authentication: ['superOfficeMessagingApi'] } },
			},
			{
				name: 'superOfficeMessagingOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['superOfficeMessagingOAuth2Api'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			authenticationProperty,
			eventsProperty,
			{
				displayName: 'Fetch Message Text',
				name: 'fetchMessages',
				type: 'boolean',
				default: true,
				displayOptions: { show: { events: ['chatsession.message'] } },
				description:
					'Whether to fetch the new message(s) of a chatsession.message event (the event itself carries only the session ID), giving one item per message',
			},
			{
				displayName: 'Customer Messages Only',
				name: 'customerMessagesOnly',
				type: 'boolean',
				default: true,
				displayOptions: { show: { events: ['chatsession.message'], fetchMessages: [true] } },
				description:
					'Whether to keep only messages written by the customer (type ToUser). The event also fires for agents’ and bots’ own messages, so a reply bot needs this to not answer itself.',
			},
		],
	};

	webhookMethods = {
		default: {
			/** Registered and still pointing here, for the same events and active. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				// A registration made by an earlier version has no stored secret: create() replaces it.
				if (!registration.webhookId || !registration.secret) return false;
				let hook: IDataObject;
				try {
					hook = (await superOfficeRequest.call(
						this,
						'GET',
						`/api/v1/Webhook/${registration.webhookId}`,
					)) as IDataObject;
				} catch (error) {
					if (!isNotFound(error)) throw toNodeError(this.getNode(), superOfficeErrors, error);
					forget(this, registration);
					return false;
				}
				const events = Array.isArray(hook.Events) ? hook.Events.map(String).sort() : [];
				return (
					hook.TargetUrl === this.getNodeWebhookUrl('default') &&
					(hook.State === 'Active' || hook.State === 1) &&
					events.join() === [...selectedEvents(this)].sort().join()
				);
			},

			/** POST /api/v1/Webhook with a new random secret; SuperOffice pings the URL before answering. */
			async create(this: IHookFunctions): Promise<boolean> {
				const targetUrl = httpsTargetUrl(this);
				const registration = this.getWorkflowStaticData('node') as Registration;
				const events = selectedEvents(this);
				// A registration this workflow made earlier (stopped, or for another URL) is replaced, not left behind.
				if (registration.webhookId) await deleteRegistration.call(this, registration.webhookId);
				forget(this, registration);
				const secret = newWebhookSecret();
				const workflow = this.getWorkflow();
				const answer = (await superOfficeRequest.call(this, 'POST', '/api/v1/Webhook', {
					body: {
						Name: `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`.slice(0, 200),
						Events: events,
						TargetUrl: targetUrl,
						Secret: secret,
						State: 'Active',
						Type: 'webhook',
					},
				})) as IDataObject;
				const webhookId = Number(answer?.WebhookId);
				if (!Number.isInteger(webhookId) || webhookId < 1) {
					throw new NodeOperationError(
						this.getNode(),
						'SuperOffice did not answer with the new webhook’s ID (WebhookId)',
					);
				}
				registration.webhookId = webhookId;
				registration.secret = secret;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (registration.webhookId) {
					try {
						await deleteRegistration.call(this, registration.webhookId);
					} catch (error) {
						// Reported, not hidden; the ID stays so a later deactivation can try again.
						this.logger.warn(
							`SuperOffice webhook ${registration.webhookId} could not be deleted: ${(error as Error).message}`,
						);
						return false;
					}
				}
				forget(this, registration);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const headers = this.getHeaderData() as IDataObject;
		const body = this.getBodyData() as IDataObject;

		// SuperOffice's registration ping must get 200 (it arrives before SuperOffice stores the webhook); it starts nothing.
		if (
			String(headers['x-hook-test']).toLowerCase() === 'true' ||
			body.Event === 'test' ||
			headers['x-superoffice-event'] === 'test'
		) {
			return answerOnly(this, 200, 'OK');
		}

		if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		const signature = headers['x-superoffice-signature'];
		const { secret } = this.getWorkflowStaticData('node') as Registration;
		if (
			typeof signature !== 'string' ||
			typeof secret !== 'string' ||
			!Buffer.isBuffer(req.rawBody) ||
			!isValidSignature(secret, req.rawBody, signature)
		) {
			return answerOnly(this, 401, 'Invalid or missing X-SuperOffice-Signature');
		}

		// Only the signed bytes count: n8n's parsed body depends on the unsigned Content-Type header, and
		// the X-SuperOffice-* headers are not signed.
		// Signed, so from SuperOffice itself: a body that is no subscribed event is acknowledged, not refused.
		const signed = signedPayload(req.rawBody) ?? {};
		const mismatch = disagreement(signed, headers);
		if (mismatch) return answerOnly(this, 400, mismatch);
		const event = String(signed.Event ?? '');
		if (!selectedEvents(this).includes(event)) return answerOnly(this, 200, 'Event not subscribed');
		const stale = staleness(signed.Timestamp, Date.now());
		if (stale) return answerOnly(this, 400, stale);
		const fetchMessages =
			event === 'chatsession.message' && (this.getNodeParameter('fetchMessages', true) as boolean);
		const chatSessionId = String(signed.PrimaryKey ?? '');
		if (fetchMessages && !isSuperOfficeId(chatSessionId)) {
			throw new NodeOperationError(
				this.getNode(),
				`The chatsession.message event has no chat session ID (PrimaryKey: "${chatSessionId}")`,
			);
		}
		// Without an EventId the signed bytes themselves identify the delivery.
		const eventId =
			typeof signed.EventId === 'string' && signed.EventId !== ''
				? signed.EventId
				: `sha256:${createHash('sha256').update(req.rawBody).digest('base64url')}`;
		const legacyCursors = ((this.getWorkflowStaticData('node') as Registration).lastMessageIds ??
			{}) as Record<string, number>;

		return await withDeliveryState(this, async (state) => {
			// A redelivered event (same signed EventId) was handled already.
			if (keepUnseen(state, [eventId], (id) => `event:${id}`).length === 0) {
				return answerOnly(this, 200, 'Event already handled');
			}
			if (!fetchMessages) return startExecution(this, this.helpers.returnJsonArray(signed), 'OK');

			if (
				state.cursors[chatSessionId] === undefined &&
				typeof legacyCursors[chatSessionId] === 'number'
			) {
				state.cursors[chatSessionId] = legacyCursors[chatSessionId];
			}
			let messages = await fetchNewMessages.call(this, Number(chatSessionId), state.cursors);
			if (this.getNodeParameter('customerMessagesOnly', true) as boolean) {
				messages = messages.filter((message) => message.Type === 'ToUser');
			}
			if (messages.length === 0) return answerOnly(this, 200, 'No new customer message');
			return startExecution(
				this,
				messages.map((message) => ({ json: { ...message, event: signed } })),
				'OK',
			);
		});
	}
}
