import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { providerRequest, type RequestContext } from '../../shared/providerRequest';
import { netSapiensErrors } from './errors';

/**
 * An authenticated request for list searches and the trigger's subscription calls. The credential adds the
 * Bearer token and base URL; a 401 makes n8n fetch a new token (password grant) and try once more.
 */
export async function netSapiensRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	url: string,
	{ body, qs }: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<unknown> {
	return await providerRequest(this, netSapiensErrors, {
		credentialType: 'netSapiensMessagingApi',
		method,
		url,
		qs,
		body,
		renewsTokenOn401: true,
	});
}
