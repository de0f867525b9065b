import type { INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../shared/descriptions';
import { API_CREDENTIAL, OIDC_CREDENTIAL } from './transport';

/** Chooses between the two credentials; its values are the credential type names. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token, Ticket or Password', value: API_CREDENTIAL },
		{ name: 'OAuth2', value: OIDC_CREDENTIAL },
	],
	default: API_CREDENTIAL,
};

/** A SuperOffice record's picker: SuperOffice IDs are whole numbers from 1 up. */
function superOfficeIdLocator(
	field: {
		displayName: string;
		name: string;
		searchListMethod: string;
		placeholder: string;
		noun: string;
	},
	show: Record<string, string[]>,
	description: string,
): INodeProperties {
	const { noun, ...rest } = field;
	const id = { regex: '^[1-9][0-9]*$', errorMessage: `A ${noun} ID is a whole number from 1 up` };
	return idLocator({ ...rest, id }, show, { required: true, description });
}

/** A chat session picked from the current user's sessions, or given by ID. */
export function chatSessionLocator(
	show: Record<string, string[]>,
	description: string,
): INodeProperties {
	const field = {
		displayName: 'Chat Session',
		name: 'chatSessionId',
		searchListMethod: 'searchChatSessions',
		placeholder: 'e.g. 178105',
		noun: 'chat session',
	};
	return superOfficeIdLocator(field, show, description);
}

/** A chat topic picked from the topics the current user is a member of, or given by ID. */
export function chatTopicLocator(show: Record<string, string[]>): INodeProperties {
	const field = {
		displayName: 'Chat Topic',
		name: 'chatTopicId',
		searchListMethod: 'searchChatTopics',
		placeholder: 'e.g. 3',
		noun: 'chat topic',
	};
	return superOfficeIdLocator(field, show, 'The chat topic (channel) the session belongs to');
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
