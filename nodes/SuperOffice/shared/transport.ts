import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';
import { answerApiError, failureToNodeError } from '../../shared/errors';
import { superOfficeErrors } from './errors';
import { connect, credentialTypeOf, statusErrorHandling } from './request';

type SuperOfficeContext = IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

/**
 * One authenticated SuperOffice call outside the per-item engine (webhook registration, deliveries,
 * list searches). Failures become NodeApiErrors carrying SuperOffice's own message.
 */
export async function superOfficeApiRequest(
	this: SuperOfficeContext,
	method: IHttpRequestMethods,
	path: string,
	{ qs, body }: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	const node = this.getNode();
	const type = credentialTypeOf(this.getNodeParameter('authentication', 'superOfficeApi'));
	const options: IHttpRequestOptions = {
		method,
		url: path,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: statusErrorHandling(type),
		...(qs ? { qs } : {}),
		...(body ? { body } : {}),
	};
	connect(node, await this.getCredentials(type), options);
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, type, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw failureToNodeError(node, superOfficeErrors, error);
	}
	if (response.statusCode >= 400) {
		throw answerApiError(node, superOfficeErrors, response.statusCode, response.body, { headers: response.headers });
	}
	return response.body;
}
