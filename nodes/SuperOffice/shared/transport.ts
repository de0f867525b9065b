import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { providerRequest } from '../../shared/providerRequest';
import { superOfficeErrors } from './errors';
import { OIDC_CREDENTIAL } from './connection';
import { connect, credentialTypeOf } from './request';

/**
 * One authenticated SuperOffice call outside the per-item engine (webhook registration, deliveries, list
 * searches), with the credential the node's Authentication picks; the tenant's address and locale headers
 * come from that credential (connect). Only OAuth2 tokens are renewed on a 401 (see statusErrorHandling).
 */
export async function superOfficeApiRequest(
	this: IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	{ qs, body }: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	const node = this.getNode();
	const type = credentialTypeOf(this.getNodeParameter('authentication', 'superOfficeMessagingApi'));
	const credentials = await this.getCredentials(type);
	return await providerRequest(this, superOfficeErrors, {
		credentialType: type,
		method,
		url: path,
		qs,
		body,
		renewsTokenOn401: type === OIDC_CREDENTIAL,
		prepare: (options) => connect(node, credentials, options),
	});
}
