import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { ProviderErrorFormat } from './errors';
import { failedAnswer, toNodeError, parseBody } from './errors';

/** The contexts that call a provider outside the declarative engine. */
export type RequestContext =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

export interface ProviderCall {
	credentialType: string;
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * n8n renews a credential's token (preAuthentication, OAuth2) and tries once more only when the request
	 * throws on a 401, so such calls let n8n throw that one status (the request was not processed, so nothing
	 * is sent twice); a 401 that persists is mapped like any other answer.
	 */
	renewsTokenOn401?: boolean;
	/** Provider specifics added to the request before it leaves (SuperOffice's base URL and headers). */
	prepare?(options: IHttpRequestOptions): void;
}

/**
 * One authenticated call outside the declarative engine (list searches, trigger set-up, polling, webhook
 * deliveries, Send and Wait), for every provider: the credential type authenticates it, an error status or a 2xx that
 * reports a failure becomes a NodeApiError with the provider's own message and HTTP status, a transport
 * failure says what happened — built from the answer only, never from the request (it holds the credential).
 * Returns the answer body, parsed.
 */
export async function providerRequest(
	ctx: RequestContext,
	format: ProviderErrorFormat,
	call: ProviderCall,
): Promise<unknown> {
	const node = ctx.getNode();
	const options: IHttpRequestOptions = {
		method: call.method,
		url: call.url,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		// See failedAnswer: a redirect is refused, never followed.
		disableFollowRedirect: true,
		ignoreHttpStatusErrors: call.renewsTokenOn401 ? { ignore: true, except: [401] } : true,
		...(call.qs ? { qs: call.qs } : {}),
		...(call.body ? { body: call.body } : {}),
	};
	call.prepare?.(options);
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			call.credentialType,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw toNodeError(node, format, error);
	}
	const failure = failedAnswer(node, format, response);
	if (failure) throw failure;
	const body = parseBody(response.body);
	return body;
}

/** The HTTP status a provider answered with, from an error providerRequest (or the engine) threw. */
export function answeredStatus(error: unknown): number | undefined {
	const status = Number((error as { httpCode?: unknown } | undefined)?.httpCode);
	return Number.isInteger(status) && status > 0 ? status : undefined;
}
