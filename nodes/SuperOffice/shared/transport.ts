import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { providerRequest } from '../../shared/providerRequest';
import { trimTrailingSlashes, urlFieldText } from '../../shared/url';
import { superOfficeErrors } from './errors';
/** The two credential types a SuperOffice node can use; the node's Authentication parameter holds one. */
export const API_CREDENTIAL = 'superOfficeMessagingApi';
export const OIDC_CREDENTIAL = 'superOfficeMessagingOAuth2Api';
type SuperOfficeCredentialType = typeof API_CREDENTIAL | typeof OIDC_CREDENTIAL;

const ENVIRONMENTS = ['sod', 'qaonline', 'online'] as const;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The tenant's API root (what `/api/v1/…` paths are appended to), or undefined when the credential
 * does not say enough to build one. Online: `https://{env}.superoffice.com/{tenant}`; an exact URL
 * (onsite, or an online tenant served from a numbered host such as sod2) wins when given. A pasted
 * `/api` or `/api/v1` suffix is dropped so paths are never doubled.
 */
export function superOfficeBaseUrl(
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const exact =
		credentials.connection === 'custom'
			? urlFieldText(credentials.baseUrl, 'API URL', 'SuperOffice')
			: urlFieldText(credentials.apiUrl, 'API URL', 'SuperOffice');
	if (credentials.connection === 'custom' || exact !== '') {
		if (!/^https?:\/\/[^/\s]+/i.test(exact)) return undefined;
		return trimTrailingSlashes(exact).replace(/\/api(\/v1)?$/i, '');
	}
	const environment = text(credentials.environment);
	const tenant = text(credentials.tenant);
	if (
		!(ENVIRONMENTS as readonly string[]).includes(environment) ||
		!/^[A-Za-z0-9_-]+$/.test(tenant)
	)
		return undefined;
	return `https://${environment}.superoffice.com/${tenant}`;
}

/** The optional SO-Language / SO-Culture / SO-TimeZone headers the credential asks for. */
export function localeHeaders(credentials: ICredentialDataDecryptedObject): IDataObject {
	const headers: IDataObject = {};
	const language = text(credentials.language);
	const culture = text(credentials.culture);
	const timeZone = text(credentials.timeZone);
	if (language) headers['SO-Language'] = language;
	if (culture) headers['SO-Culture'] = culture;
	if (timeZone) headers['SO-TimeZone'] = timeZone;
	return headers;
}

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

/**
 * One authenticated SuperOffice call outside the per-item engine (webhook registration, deliveries, list
 * searches), with the credential the node's Authentication picks; the tenant's address and locale headers
 * come from that credential (connect). Only OAuth2 tokens are renewed on a 401 (see statusErrorHandling).
 */
export async function superOfficeRequest(
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
