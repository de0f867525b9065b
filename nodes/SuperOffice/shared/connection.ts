import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';
import { trimTrailingSlashes, urlFieldText } from '../../shared/url';

/** The two credential types a SuperOffice node can use; the node's Authentication parameter holds one. */
export const API_CREDENTIAL = 'superOfficeMessagingApi';
export const OIDC_CREDENTIAL = 'superOfficeMessagingOAuth2Api';
export type SuperOfficeCredentialType = typeof API_CREDENTIAL | typeof OIDC_CREDENTIAL;

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

/** Credential fields both SuperOffice credentials share (online tenant and optional locale headers). */
export const environmentProperty: INodeProperties = {
	displayName: 'Environment',
	name: 'environment',
	type: 'options',
	options: [
		{ name: 'Development (Sod)', value: 'sod' },
		{ name: 'Production (Online)', value: 'online' },
		{ name: 'Stage (Qaonline)', value: 'qaonline' },
	],
	default: 'online',
	description:
		'The SuperOffice Online environment of your tenant: the first part of the address you sign in at (online.superoffice.com, qaonline.superoffice.com or sod.superoffice.com)',
};

export const tenantProperty: INodeProperties = {
	displayName: 'Tenant (Customer ID)',
	name: 'tenant',
	type: 'string',
	default: '',
	placeholder: 'Cust12345',
	description:
		'Your customer ID: the part after the host in the address bar once signed in to SuperOffice Online (https://online.superoffice.com/Cust12345/…)',
};

export const localeProperties: INodeProperties[] = [
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'en',
		description:
			'Sent as SO-Language: the ISO 639-1 code list values and multi-language texts are returned in. Leave empty for the user’s own language.',
	},
	{
		displayName: 'Culture',
		name: 'culture',
		type: 'string',
		default: '',
		placeholder: 'en',
		description: 'Sent as SO-Culture: number and date formatting culture (needs a language)',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'UTC',
		description: 'Sent as SO-TimeZone: the time-zone code date/time answers are converted to',
	},
];
