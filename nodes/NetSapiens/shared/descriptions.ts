import type { INodeProperties } from 'n8n-workflow';
import { idLocator, returnAllOrLimit } from '../../shared/descriptions';

/** Domain of every operation; "~" means the key's or token's own domain. */
export const domainField: INodeProperties = {
	displayName: 'Domain',
	name: 'domain',
	type: 'string',
	default: '~',
	hint: '~ is the domain of the API key or login in the credential',
	description:
		'The NetSapiens domain; ~ means the domain of the API key or user you signed in with',
};

/** User of every user-level operation; "~" means the key's or token's own user. */
export const userField: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'string',
	default: '~',
	displayOptions: { hide: { scope: ['domain'] } },
	hint: '~ is the user of the API key or login in the credential',
	description:
		'The user (extension) to act for, or to read; ~ means the user of the API key or login',
};

/** A message session picked from the user's sessions or entered by ID. */
export function messageSessionLocator(
	show: Record<string, string[]>,
	options: { required: boolean; description: string },
): INodeProperties {
	const field = {
		displayName: 'Message Session',
		name: 'messagesession',
		searchListMethod: 'searchMessageSessions',
		placeholder: 'e.g. 173ff396f3580f30dfef32be9838e836',
		id: { regex: '^[A-Za-z0-9_]+$', errorMessage: 'Only letters, digits and _' },
	};
	return idLocator(field, show, options);
}

/**
 * Return All / Limit for listings. ns-api v2 list endpoints take `limit` (1–1000) and, in this API
 * version, no offset, so Return All asks for the documented maximum of 1,000 in one request.
 */
export function limitFields(show: Record<string, string[]>): INodeProperties[] {
	const [returnAll, limit] = returnAllOrLimit(show, MAX_LIMIT);
	// n8n's wording for Return All's description is fixed; what "all" means here goes in its hint.
	return [
		{ ...returnAll, hint: 'The API has no paging, so all means up to its maximum of 1,000' },
		limit,
	];
}

/** The API's largest `limit` (OpenAPI schema Limit: maximum 1000). */
export const MAX_LIMIT = 1000;

/** User or domain level for listings; the User field hides itself for "domain". */
export function scopeField(show: Record<string, string[]>, what: string): INodeProperties {
	return {
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Domain', value: 'domain', description: `The ${what} of the whole domain` },
			{ name: 'User', value: 'user', description: `The ${what} of one user` },
		],
		default: 'user',
	};
}
