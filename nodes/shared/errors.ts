import type {
	IAuthenticateRuleResponseCode,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * How one provider says "this failed": the provider's own message (and any extra detail worth keeping,
 * such as iSlash's trace id) read from an answer body, plus whether a 2xx answer is a failure in disguise.
 */
export interface ProviderErrorFormat {
	/** Display name used in plain statements ("NetSapiens answered 502 with no message"). */
	provider: string;
	/** The provider's own error text in a body, when it sent one. */
	readMessage(body: unknown): string | undefined;
	/** Extra detail for the error's description (field errors, trace ids). */
	readDetail?(body: unknown): string | undefined;
	/** A 2xx answer that still reports a failure (iSlash's meta.code). Returns that failure's message. */
	failureIn2xx?(body: unknown): string | undefined;
}

/** A TLS handshake answered by a plain-http server (OpenSSL: "wrong version number"). */
const NOT_HTTPS =
	'the server did not answer over HTTPS; if it serves plain http, give its address with http://';

const TRANSPORT_STATEMENTS: Record<string, string> = {
	ECONNRESET: 'the connection was reset before an answer arrived',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	EPIPE: 'the connection was closed while sending',
	EPROTO: NOT_HTTPS,
	ERR_SSL_WRONG_VERSION_NUMBER: NOT_HTTPS,
};

/** Reads a string from the first of the given keys that holds a non-empty one. */
export function firstString(source: unknown, keys: string[]): string | undefined {
	if (!source || typeof source !== 'object') return undefined;
	for (const key of keys) {
		const value = (source as IDataObject)[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** Parses a JSON text body; anything else (HTML error pages, empty bodies) stays as it is. */
export function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return body;
		}
	}
	return body;
}

function describeRawBody(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		if (/^\s*</.test(body)) return 'The answer was an HTML page, not the API’s JSON.';
		return body.length > 300 ? `${body.slice(0, 300)}…` : body;
	}
	return undefined;
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const DAY_NAME = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/**
 * The forms RFC 9110 allows for Retry-After (§10.2.3: HTTP-date / delta-seconds; §5.6.7: IMF-fixdate and
 * the obsolete rfc850-date and asctime-date). Anything else (`-5`, `+5`, `1 2`, `5, 7`, `0.5`) is no
 * Retry-After at all: Date.parse would read several of them as long-past dates, i.e. "no wait".
 */
const DELTA_SECONDS = /^\d{1,10}$/;
const HTTP_DATES: Array<[RegExp, (text: string) => string]> = [
	[new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`), (text) => text],
	[new RegExp(`^${DAY_NAME}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`), (text) => text],
	// asctime carries no zone: it is GMT, and Date.parse would read it as local time.
	[new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`), (text) => `${text} GMT`],
];

/** Retry-After in seconds, from its RFC 9110 forms only; undefined when absent or in any other form. */
export function readRetryAfter(headers: IDataObject | undefined): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const text = String(raw).trim();
	if (DELTA_SECONDS.test(text)) return Number(text);
	const form = HTTP_DATES.find(([pattern]) => pattern.test(text));
	if (!form) return undefined;
	const date = Date.parse(form[1](text));
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, (date - Date.now()) / 1000);
}

/** Errors this module already produced: passed through as they are when they come back up. */
const mappedErrors = new WeakSet<object>();

function mapped<T extends NodeApiError | NodeOperationError>(error: T): T {
	mappedErrors.add(error);
	return error;
}

/**
 * Builds the NodeApiError for a provider answer. Only the status, the provider's text and the body go in:
 * never the request (its headers carry the credential).
 */
function answerApiError(
	node: INode,
	format: ProviderErrorFormat,
	statusCode: number,
	rawBody: unknown,
	{
		headers,
		failureMessage,
		itemIndex,
		description,
	}: {
		headers?: IDataObject;
		failureMessage?: string;
		itemIndex?: number;
		description?: string;
	} = {},
): NodeApiError {
	const body = parseBody(rawBody);
	const providerMessage = failureMessage ?? format.readMessage(body);
	const message =
		providerMessage ??
		`${format.provider} answered HTTP ${statusCode}${describeRawBody(body) === undefined ? ' with an empty body' : ''}`;
	const detail =
		description ??
		format.readDetail?.(body) ??
		(providerMessage ? undefined : describeRawBody(body));
	const retryAfter = statusCode === 429 ? readRetryAfter(headers) : undefined;
	const cause: JsonObject = { message, httpCode: String(statusCode) };
	if (body !== undefined && body !== '' && typeof body === 'object')
		cause.body = body as JsonObject;
	const error = new NodeApiError(node, cause, {
		message,
		description: detail ?? `HTTP ${statusCode} from ${format.provider}`,
		httpCode: String(statusCode),
		itemIndex,
	});
	if (retryAfter !== undefined) error.context.retryAfterSeconds = retryAfter;
	return mapped(withReadableStatus(error, statusCode));
}

/**
 * n8n's declarative engine passes a NodeApiError on as it is, but only when it is an instance of n8n's
 * own class; an error from another copy of n8n-workflow (a community package gets its own) is wrapped
 * again, with the HTTP code read from an axios-style `response.status` and "none" otherwise
 * (n8n-core `RoutingNode.runNode`, its catch). So the status is also readable there, and a
 * workflow's error handling sees the provider's code. Not enumerable: it never shows in outputs.
 */
function withReadableStatus(error: NodeApiError, statusCode: number): NodeApiError {
	Object.defineProperty(error, 'isAxiosError', { value: true, enumerable: false });
	Object.defineProperty(error, 'response', { value: { status: statusCode }, enumerable: false });
	return error;
}

/** Redirect statuses: the package never follows one (see failedAnswer). */
function isRedirect(status: number): boolean {
	return status >= 300 && status < 400;
}

/** Where a redirect pointed, as the answer said it (capped, so a long Location cannot flood the error). */
export function redirectTarget(headers: IDataObject | undefined): string | undefined {
	const location = headers?.location ?? headers?.Location;
	if (typeof location !== 'string' || location.trim() === '') return undefined;
	const text = location.trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Credential-test rules for the redirect statuses: the test request is sent with
 * `disableFollowRedirect`, and n8n's tester then shows the rule's message instead of "Found".
 */
export function redirectTestRules(provider: string): IAuthenticateRuleResponseCode[] {
	return [301, 302, 303, 307, 308].map((value) => ({
		type: 'responseCode',
		properties: {
			value,
			message: `${provider} answered a redirect (HTTP ${value}); requests never follow one — check the Base URL`,
		},
	}));
}

/**
 * The one failure check of every answer, for both request paths (the engine's postReceive and
 * providerRequest): a status of 400 or more, a 2xx that reports a failure (`failureIn2xx`), or a
 * redirect. Requests are sent with `disableFollowRedirect`, because n8n's HTTP layer would otherwise
 * follow a 3xx and, by default, re-add the Authorization header on a cross-origin hop, keep custom
 * headers (X-USER-TOKEN, SO-AppToken) and re-post the body on a 307/308 (@n8n/backend-network,
 * `getBeforeRedirectFn`, `sendCredentialsOnCrossOriginRedirect`). A redirect the package did not follow
 * is a failure naming where it pointed, never a silent success. Returns undefined for a good answer.
 */
export function failedAnswer(
	node: INode,
	format: ProviderErrorFormat,
	response: { statusCode: number; body: unknown; headers?: IDataObject },
	itemIndex?: number,
): NodeApiError | undefined {
	const { statusCode: status, headers } = response;
	if (isRedirect(status)) {
		const target = redirectTarget(headers);
		const message = target
			? `${format.provider} answered a redirect to ${target} — check the Base URL`
			: `${format.provider} answered a redirect (HTTP ${status}) without a Location — check the Base URL`;
		return answerApiError(node, format, status, response.body, {
			headers,
			failureMessage: message,
			itemIndex,
			description: `HTTP ${status}. Requests never follow a redirect: the credential would be sent along to the other address.`,
		});
	}
	if (status >= 400)
		return answerApiError(node, format, status, response.body, { headers, itemIndex });
	const body = parseBody(response.body);
	const failure = format.failureIn2xx?.(body);
	if (failure !== undefined) {
		return answerApiError(node, format, status, body, {
			headers,
			failureMessage: failure,
			itemIndex,
		});
	}
	return undefined;
}

/**
 * postReceive hook: throws the provider's own error for a failed answer (requests are sent with
 * ignoreHttpStatusErrors so n8n's generic "Bad request" message never replaces it).
 */
export function checkProviderResponse(format: ProviderErrorFormat) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const failure = failedAnswer(this.getNode(), format, response, this.getItemIndex());
		if (failure) throw failure;
		return items;
	};
}

interface TransportLikeError {
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: unknown;
	response?: { status?: number; data?: unknown; headers?: IDataObject };
	context?: IDataObject;
}

function findTransport(error: unknown): TransportLikeError | undefined {
	// n8n wraps axios errors in NodeApiError (error.cause); walk a few levels down.
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const candidate = current as TransportLikeError;
		if (candidate.response || (candidate.code && TRANSPORT_STATEMENTS[candidate.code])) {
			return candidate;
		}
		current = candidate.cause;
	}
	return undefined;
}

/**
 * Turns anything thrown into a clean n8n error: our own errors pass through, transport failures
 * (timeouts, resets) and n8n-wrapped HTTP errors are rebuilt from their status and body only, so no
 * request configuration (and so no credential) rides along in the error. `itemIndex` is the item the
 * error belongs to; code that runs outside an item (webhook lifecycle methods, deliveries, list searches)
 * leaves it out.
 */
export function toNodeError(
	node: INode,
	format: ProviderErrorFormat,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex = itemIndex;
		return mapped(error);
	}
	if (error instanceof NodeApiError && mappedErrors.has(error)) {
		return error;
	}
	const transport = findTransport(error);
	if (transport?.response?.status) {
		return answerApiError(node, format, transport.response.status, transport.response.data, {
			headers: transport.response.headers,
			itemIndex,
		});
	}
	const code = transport?.code;
	const statement = code ? TRANSPORT_STATEMENTS[code] : undefined;
	const message = statement
		? `No answer from ${format.provider}: ${statement}`
		: `The request to ${format.provider} failed: ${errorMessage(error)}`;
	return mapped(
		new NodeApiError(
			node,
			{ message, code: code ?? 'UNKNOWN' },
			{
				message,
				description: code
					? `Network error ${code}. The message may or may not have been processed, so it is not sent again.`
					: undefined,
				httpCode: 'none',
				itemIndex,
			},
		),
	);
}

function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message;
	return typeof error === 'string' ? error : 'unknown error';
}
