import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { parseBody } from '../../shared/errors';
import { netSapiensErrors } from './errors';

type Context = IHookFunctions | ILoadOptionsFunctions;

/**
 * An authenticated request for list searches and the trigger's subscription calls (the credential
 * adds the Bearer token and base URL; a 401 makes n8n fetch a new token and retry once). Failures are
 * rebuilt from the status and the provider's message only, so no request detail (the token) rides along.
 */
export async function netSapiensRequest(
	this: Context,
	method: IHttpRequestMethods,
	url: string,
	{ body, qs }: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method,
		url,
		qs,
		body,
		json: true,
		headers: { Accept: 'application/json' },
	};
	try {
		return await this.helpers.httpRequestWithAuthentication.call(this, 'netSapiensApi', options);
	} catch (error) {
		throw cleanError(this, error);
	}
}

interface HttpFailure {
	httpCode?: string | null;
	message?: string;
	cause?: unknown;
	response?: { status?: number; data?: unknown };
}

/** The HTTP status and body of a failed request, wherever n8n's wrapping put them. */
export function failureOf(error: unknown): { status?: number; body?: unknown; message?: string } {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const candidate = current as HttpFailure;
		if (candidate.response?.status) return { status: candidate.response.status, body: candidate.response.data };
		current = candidate.cause;
	}
	const top = error as HttpFailure;
	const status = Number(top?.httpCode);
	return { status: Number.isFinite(status) && status > 0 ? status : undefined, message: top?.message };
}

function cleanError(ctx: Context, error: unknown): NodeApiError {
	const { status, body, message: fallback } = failureOf(error);
	const providerMessage = netSapiensErrors.readMessage(parseBody(body));
	const message =
		providerMessage ?? (status ? `NetSapiens answered HTTP ${status}` : `The request to NetSapiens failed: ${fallback ?? 'no answer'}`);
	const cause: JsonObject = { message, httpCode: status ? String(status) : 'none' };
	return new NodeApiError(ctx.getNode(), cause, {
		message,
		httpCode: status ? String(status) : undefined,
		description: status ? `HTTP ${status} from NetSapiens` : undefined,
	});
}
