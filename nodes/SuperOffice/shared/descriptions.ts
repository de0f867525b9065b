import type { INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../shared/descriptions';
import { API_CREDENTIAL, OIDC_CREDENTIAL } from './connection';

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
