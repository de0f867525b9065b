import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { toNodeError, type ProviderErrorFormat } from '../errors';
import type { OperationSpec, RequestOptions } from '../operation';
import { errorItem } from '../pairing';
import { providerRequest, type ProviderCall } from '../providerRequest';
import { dateTimeOf, fieldError, readChoice, readMessageText } from '../validation';
import { approvalPage, freeTextPage, PAGE_CSP, recordedPage, type ApprovalChoices } from './pages';

export {
	recipientFieldsFor,
	sendAndWaitProperties,
	sendAndWaitWebhooks,
	withDeclarativeRequestOptions,
} from './description';

/** What one provider contributes to Send and Wait for Response; everything else is shared. */
export interface SendAndWaitProvider {
	/** The provider's Send: its `build` checks the recipient fields and writes the documented request. */
	send: OperationSpec;
	/** The Send's text field: the Send reads the question plus the reply link through it. */
	textParameter: string;
	/** Values of Send fields this operation does not show (what a plain text message is). */
	fixedParameters?: IDataObject;
	/**
	 * A field's value as this operation uses it, given what the node holds (NetSapiens: the session ID of a
	 * new session is derived, so the resumed item can name it).
	 */
	parameterValue?(ctx: ParameterContext, name: string, value: unknown): unknown;
	/** Sends the built request with the node's credential; throws the provider's error. */
	transmit(ctx: IExecuteFunctions, request: RequestOptions): Promise<unknown>;
	format: ProviderErrorFormat;
	/** What identifies the conversation, from the built request, for the resumed item. */
	conversation(request: RequestOptions): IDataObject;
	/** Offered: the Reply response type. */
	reply?: ReplyWaitProvider;
}

/**
 * What a provider that can post a conversation's next message to a URL of n8n's choosing contributes to the
 * Reply response type: a subscription per wait whose post-url is the signed resume URL.
 */
export interface ReplyWaitProvider {
	/** Subscribes `postUrl` to the incoming messages of the conversation `request` sends to, until `expires`. */
	subscribe(
		ctx: IExecuteFunctions,
		request: RequestOptions,
		postUrl: string,
		expires: Date,
	): Promise<void>;
	/** Deletes this wait's subscriptions: those whose post-url `postsHere` accepts. */
	unsubscribe(
		ctx: IExecuteFunctions | IWebhookFunctions,
		postsHere: (postUrl: string) => boolean,
	): Promise<void>;
	/** The awaited reply in a delivery as `{text, from, messageId, sessionId, receivedAt}`, or undefined. */
	replyIn(
		ctx: IWebhookFunctions,
		body: unknown,
		conversation: IDataObject,
	): Promise<IDataObject | undefined>;
}

/** The contexts the node's fields are read in: the send (first item) and the answer (webhook). */
export type ParameterContext = IExecuteFunctions | IWebhookFunctions;

type ResponseType = 'approval' | 'freeText' | 'reply';

interface ResponseSettings {
	message: string;
	responseType: ResponseType;
	choices: ApprovalChoices;
	linkText: string;
	submitLabel: string;
}

/**
 * The node's fields as the per-item readers expect them, for the first item: n8n's own send-and-wait nodes
 * send one message built from item 0, and the answer's webhook evaluates the same fields against the same
 * input (WebhookContext takes the waiting node's input as its connection data).
 */
function firstItem(
	ctx: ParameterContext,
	provider?: SendAndWaitProvider,
	text?: string,
): IExecuteSingleFunctions {
	const read = (name: string, fallback?: unknown, options?: IDataObject): unknown =>
		'getInputData' in ctx
			? ctx.getNodeParameter(name, 0, fallback, options)
			: ctx.getNodeParameter(name, fallback, options);
	const single = Object.create(ctx) as IExecuteSingleFunctions;
	return Object.assign(single, {
		getItemIndex: () => 0,
		getNodeParameter(name: string, fallback?: unknown, options?: IDataObject) {
			if (provider && text !== undefined && name === provider.textParameter) return text;
			if (provider?.fixedParameters && name in provider.fixedParameters)
				return provider.fixedParameters[name];
			const value = read(name, fallback, options);
			return provider?.parameterValue ? provider.parameterValue(ctx, name, value) : value;
		},
	});
}

function readSettings(
	ctx: IExecuteSingleFunctions,
	provider: SendAndWaitProvider,
	onPage = false,
): ResponseSettings {
	const responseType = readChoice<ResponseType>(
		ctx,
		'responseType',
		'Response Type',
		provider.reply ? ['approval', 'freeText', 'reply'] : ['approval', 'freeText'],
	);
	const approval = ctx.getNodeParameter('approvalOptions.values', {}) as IDataObject;
	const options = ctx.getNodeParameter('responseOptions', {}) as IDataObject;
	const label = (value: unknown, fallback: string) =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return {
		message: onPage
			? pageMessage(ctx)
			: readMessageText(ctx, 'message', 'Message', { required: true }),
		responseType,
		choices: {
			approveLabel: label(approval.approveLabel, 'Approve'),
			disapproveLabel:
				approval.approvalType === 'double' ? label(approval.disapproveLabel, 'Decline') : undefined,
		},
		linkText: label(options.linkText, 'Answer here:'),
		submitLabel: label(options.submitLabel, 'Send'),
	};
}

/**
 * The question as the page shows it. The "Human review" tool's own message is written for its execution
 * (`$tool.name`, `$tool.parameters`), which the answer's webhook may not be able to evaluate: the page then
 * shows its buttons without the question rather than failing.
 */
function pageMessage(ctx: IExecuteSingleFunctions): string {
	try {
		return readMessageText(ctx, 'message', 'Message');
	} catch {
		return '';
	}
}

const MILLISECONDS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** When to stop waiting: the Limit Wait Time fields (n8n's `configureWaitTillDate`, at the root). */
function readWaitTill(ctx: IExecuteSingleFunctions): Date {
	if (ctx.getNodeParameter('limitWaitTime', true) !== true) return WAIT_INDEFINITELY;
	const limitType = readChoice(ctx, 'limitType', 'Limit Type', [
		'afterTimeInterval',
		'atSpecifiedTime',
	]);
	if (limitType === 'atSpecifiedTime') {
		const until = dateTimeOf(ctx, ctx.getNodeParameter('maxDateAndTime', ''), 'Max Date and Time');
		if (!until) throw fieldError(ctx, 'Max Date and Time', 'is required but empty');
		return until.toJSDate();
	}
	const unit = readChoice(ctx, 'resumeUnit', 'Unit', ['minutes', 'hours', 'days']);
	const amount = Number(ctx.getNodeParameter('resumeAmount', 24));
	if (!Number.isFinite(amount) || amount < 0) throw fieldError(ctx, 'Amount', 'must be 0 or more');
	return new Date(Date.now() + amount * MILLISECONDS[unit]);
}

/** The message that goes out: the question as written, then the reply link on its own line. */
export function messageWithLink(
	settings: Pick<ResponseSettings, 'message' | 'linkText'>,
	link: string,
) {
	return `${settings.message}\n\n${settings.linkText} ${link}`;
}

async function buildRequest(
	provider: SendAndWaitProvider,
	ctx: IExecuteSingleFunctions,
): Promise<RequestOptions> {
	const request: RequestOptions = {
		method: provider.send.method,
		url: provider.send.url ?? '',
		headers: {},
	};
	await provider.send.build?.call(ctx, request);
	return request;
}

/**
 * The Send and Wait for Response operation (a `customOperations` entry, which n8n-core runs instead of the
 * routing for this one operation): one message from the first item, with a signed link to the answer page,
 * then the execution waits. Its input passes through; what comes out is decided by the webhook (an answer)
 * or by the wait's limit (n8n resumes with the node disabled: the input without `data`).
 */
export function sendAndWaitOperation(provider: SendAndWaitProvider) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		try {
			const item = firstItem(this);
			const settings = readSettings(item, provider);
			const waitTill = readWaitTill(item);
			// n8n 1.x checks the link's signature only when asked to (gone in 2.x, where it always does).
			(this as { setSignatureValidationRequired?: () => void }).setSignatureValidationRequired?.();
			const resumeUrl = this.getSignedResumeUrl();
			if (settings.responseType === 'reply' && provider.reply) {
				await sendAwaitingReply(this, provider, provider.reply, settings.message, {
					resumeUrl,
					waitTill,
				});
			} else {
				const text = messageWithLink(settings, resumeUrl);
				const request = await buildRequest(provider, firstItem(this, provider, text));
				await provider.transmit(this, request);
			}
			await this.putExecutionToWait(waitTill);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), provider.format, error, 0);
			if (this.continueOnFail()) return [[errorItem(nodeError, 0)]];
			throw nodeError;
		}
		return [items];
	};
}

/** A reply subscription outlives its wait by this much (n8n resumes a timed-out wait within about a minute). */
const REPLY_EXPIRY_MARGIN_MS = MILLISECONDS.hours;

/**
 * A wait without a limit still gets a subscription that ends (an API key's would last 20 years by default):
 * a reply after this many days no longer reaches the execution.
 */
export const UNLIMITED_REPLY_DAYS = 30;

/** When the subscription of a wait until `waitTill` expires. */
export function replyExpiry(waitTill: Date, now = Date.now()): Date {
	if (waitTill.getTime() >= WAIT_INDEFINITELY.getTime())
		return new Date(now + UNLIMITED_REPLY_DAYS * MILLISECONDS.days);
	return new Date(waitTill.getTime() + REPLY_EXPIRY_MARGIN_MS);
}

/**
 * Reply: the question goes out as written, after a subscription that posts the conversation's messages to the
 * signed resume URL (subscribe, send, wait: the order that keeps a reply from arriving before the execution
 * waits short). Field errors are raised before the subscription is made; a failed send deletes it.
 */
async function sendAwaitingReply(
	ctx: IExecuteFunctions,
	provider: SendAndWaitProvider,
	reply: ReplyWaitProvider,
	message: string,
	{ resumeUrl, waitTill }: { resumeUrl: string; waitTill: Date },
): Promise<void> {
	const request = await buildRequest(provider, firstItem(ctx, provider, message));
	await reply.subscribe(ctx, request, resumeUrl, replyExpiry(waitTill));
	try {
		await provider.transmit(ctx, request);
	} catch (error) {
		try {
			await reply.unsubscribe(ctx, (postUrl) => postUrl === resumeUrl);
		} catch (cleanup) {
			// The send's error is the one to show; the subscription lapses at its expiry.
			ctx.logger.warn(`Reply subscription not deleted: ${(cleanup as Error).message}`);
		}
		throw toNodeError(ctx.getNode(), provider.format, error, 0);
	}
}

/** Whether a post-url is this execution's resume URL for this node: `…/<execution ID>/<node ID>`. */
function postsToThisWait(ctx: IWebhookFunctions): (postUrl: string) => boolean {
	const ending = `/${ctx.getExecutionId()}/${ctx.getNode().id}`;
	return (postUrl) => {
		try {
			return new URL(postUrl).pathname.endsWith(ending);
		} catch {
			return false;
		}
	};
}

/**
 * A delivery to a Reply wait. The awaited reply resumes the execution with `{...conversation, data: {text,
 * from, messageId, sessionId, receivedAt}}` and the wait's subscription is deleted; anything else (a GET, a
 * body that is not a message, another conversation, the node's own message) is answered 200 and the
 * execution keeps waiting: the provider counts another status as a failed delivery and posts it again.
 */
async function resumeOnReply(
	ctx: IWebhookFunctions,
	provider: SendAndWaitProvider,
	reply: ReplyWaitProvider,
	settings: ResponseSettings,
): Promise<IWebhookResponseData> {
	const res = ctx.getResponseObject();
	const answer = (resumed: boolean): IWebhookResponseData => {
		res.status(200);
		res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.setHeader('Cache-Control', 'no-store');
		res.end(JSON.stringify({ resumed }));
		return { noWebhookResponse: true };
	};
	if (ctx.getRequestObject().method !== 'POST') return answer(false);
	const conversation = await conversationOf(provider, ctx, settings);
	const data = await reply.replyIn(ctx, ctx.getBodyData(), conversation);
	if (!data) return answer(false);
	try {
		await reply.unsubscribe(ctx, postsToThisWait(ctx));
	} catch (error) {
		// The reply is what matters; the subscription lapses at its expiry.
		ctx.logger.warn(`Reply subscription not deleted: ${(error as Error).message}`);
	}
	return { ...answer(true), workflowData: [[{ json: { ...conversation, data } }]] };
}

type Answer = { approved: boolean } | { text: string } | { refusal: string };

function readAnswer(settings: ResponseSettings, body: unknown): Answer {
	const fields = body && typeof body === 'object' ? (body as IDataObject) : {};
	if (settings.responseType === 'freeText') {
		const text = fields.text;
		if (typeof text !== 'string' || text.trim() === '')
			return { refusal: 'Please type an answer first.' };
		return { text };
	}
	const approved = fields.approved;
	if (approved === true || approved === 'true') return { approved: true };
	if (
		(approved === false || approved === 'false') &&
		settings.choices.disapproveLabel !== undefined
	)
		return { approved: false };
	return { refusal: 'Please choose one of the buttons.' };
}

function questionPage(settings: ResponseSettings, refusal?: string): string {
	return settings.responseType === 'freeText'
		? freeTextPage(settings.message, settings.submitLabel, refusal)
		: approvalPage(settings.message, settings.choices, refusal);
}

/**
 * Serves the reply link. A GET only shows the question page (link previews must never answer); a POST
 * of an offered answer resumes the execution with `{...conversation, data: {approved | text,
 * respondedAt}}` (n8n's own send-and-wait shape); any other POST shows the page again with what is
 * missing and keeps waiting. Pages are written here with their headers: headers passed through n8n's
 * response options would lose the CSP.
 */
export function sendAndWaitWebhook(provider: SendAndWaitProvider) {
	return async function (this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const answerWith = (status: number, html: string): IWebhookResponseData => {
			res.status(status);
			res.setHeader('Content-Type', 'text/html; charset=utf-8');
			res.setHeader('Cache-Control', 'no-store');
			res.setHeader('Content-Security-Policy', PAGE_CSP);
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.setHeader('Referrer-Policy', 'no-referrer');
			res.end(html);
			return { noWebhookResponse: true };
		};
		const settings = readSettings(firstItem(this), provider, true);
		if (settings.responseType === 'reply' && provider.reply)
			return await resumeOnReply(this, provider, provider.reply, settings);
		if (this.getRequestObject().method !== 'POST') return answerWith(200, questionPage(settings));
		const answer = readAnswer(settings, this.getBodyData());
		if ('refusal' in answer) return answerWith(400, questionPage(settings, answer.refusal));
		const json: IDataObject = {
			...(await conversationOf(provider, this, settings)),
			data: { ...answer, respondedAt: new Date().toISOString() },
		};
		return { ...answerWith(200, recordedPage()), workflowData: [[{ json }]] };
	};
}

/** The recipient fields, read as the send read them; without them (a field that no longer resolves) none. */
async function conversationOf(
	provider: SendAndWaitProvider,
	ctx: IWebhookFunctions,
	settings: ResponseSettings,
): Promise<IDataObject> {
	try {
		return provider.conversation(
			await buildRequest(provider, firstItem(ctx, provider, settings.message)),
		);
	} catch {
		return {};
	}
}

/**
 * n8n's `webhook-lifecycle-complete` rule wants these on a node with webhooks. The Send and Wait webhooks
 * are restart webhooks, which n8n never registers on activation: there is nothing to check, create or delete.
 */
export const sendAndWaitWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};

/**
 * Sends a request a Send's `build` wrote (its url, query, body and headers, a multipart form included)
 * through `providerRequest`: the credential authenticates it, the provider's error keeps its own message.
 */
export async function transmitBuilt(
	ctx: IExecuteFunctions,
	format: ProviderErrorFormat,
	request: RequestOptions,
	call: Pick<ProviderCall, 'credentialType' | 'renewsTokenOn401' | 'prepare'>,
): Promise<unknown> {
	return await providerRequest(ctx, format, {
		...call,
		method: request.method ?? 'POST',
		url: request.url ?? '',
		qs: request.qs,
		prepare(options) {
			if (request.body !== undefined) options.body = request.body as IHttpRequestOptions['body'];
			options.headers = { ...options.headers, ...request.headers };
			call.prepare?.(options);
		},
	});
}
