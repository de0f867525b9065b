import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	API_CREDENTIAL,
	localeHeaders,
	OIDC_CREDENTIAL,
	superOfficeBaseUrl,
	type SuperOfficeCredentialType,
} from './connection';

/** The credential type the node's Authentication parameter selects. */
export function credentialTypeOf(value: unknown): SuperOfficeCredentialType {
	return value === OIDC_CREDENTIAL ? OIDC_CREDENTIAL : API_CREDENTIAL;
}

/**
 * Which failed answers reach our own error mapping (ignored as HTTP errors) and which are thrown. Only
 * with OAuth2 is a 401 thrown: n8n then refreshes the token and tries once more (the request was not
 * processed, so nothing is sent twice). n8n would also re-send a 401 for the other credential, which
 * cannot get better by itself, so there it is read as SuperOffice's answer straight away.
 */
export function statusErrorHandling(
	type: SuperOfficeCredentialType,
): IHttpRequestOptions['ignoreHttpStatusErrors'] {
	return type === OIDC_CREDENTIAL ? { ignore: true, except: [401] } : true;
}

/**
 * Makes a request absolute and adds the locale headers. The OAuth2 credential has no authenticate
 * function that could set the base URL, so every request is given the tenant's address here, from
 * the credential the node uses (plain JS, no per-item expression).
 */
export function connect(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	request: { url?: string; headers?: IDataObject },
): void {
	const baseUrl = superOfficeBaseUrl(credentials);
	if (!baseUrl) {
		throw new NodeOperationError(node, 'The SuperOffice credential has no usable address', {
			description:
				'Open the credential and enter the tenant (Cust12345), or a full API URL starting with https://',
		});
	}
	const path = request.url ?? '';
	if (!/^https?:\/\//i.test(path)) request.url = `${baseUrl}${path}`;
	request.headers = { ...request.headers, ...localeHeaders(credentials) };
}
