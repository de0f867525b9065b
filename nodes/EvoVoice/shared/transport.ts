import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { nodeErrorContext, parseBody, providerApiError, toNodeError } from '../../shared/errors';
import { evoVoiceErrors } from './errors';

/**
 * An authenticated GET outside the declarative engine (list searches, dropdowns, the polling trigger):
 * the credential supplies Basic auth and the base URL; a failure becomes a NodeApiError carrying
 * ServiceStack's own message and the HTTP status, never the request (its headers hold the password).
 */
export async function evoVoiceGet(
	this: ILoadOptionsFunctions | IPollFunctions,
	url: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		qs,
		headers: { Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	const errorContext = nodeErrorContext(this);
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'evoVoiceApi',
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw toNodeError(errorContext, evoVoiceErrors, error);
	}
	if (response.statusCode >= 400) {
		throw providerApiError(errorContext, evoVoiceErrors, response.statusCode, response.body, response.headers);
	}
	const body = parseBody(response.body);
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

/** Comma-joins a list for a ServiceStack query string (`accountIds=a,b`), as the vendor's CLI sends it. */
export function joinIds(ids: string[]): string | undefined {
	return ids.length > 0 ? ids.join(',') : undefined;
}
