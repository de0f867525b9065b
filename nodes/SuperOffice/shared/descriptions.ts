import type { INodeProperties } from 'n8n-workflow';
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

/** A resource locator for a SuperOffice record: picked from a list search, or given by its ID. */
function idLocator(
	field: { displayName: string; name: string; searchListMethod: string; placeholder: string; noun: string },
	show: Record<string, string[]>,
	description: string,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		displayOptions: { show },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
				validation: [
					{ type: 'regex', properties: { regex: '^[1-9][0-9]*$', errorMessage: `A ${field.noun} ID is a whole number from 1 up` } },
				],
			},
		],
	};
}

/** A chat session picked from the current user's sessions, or given by ID. */
export function chatSessionLocator(show: Record<string, string[]>, description: string): INodeProperties {
	const field = { displayName: 'Chat Session', name: 'chatSessionId', searchListMethod: 'searchChatSessions', placeholder: 'e.g. 178105', noun: 'chat session' };
	return idLocator(field, show, description);
}

/** A chat topic picked from the topics the current user is a member of, or given by ID. */
export function chatTopicLocator(show: Record<string, string[]>): INodeProperties {
	const field = { displayName: 'Chat Topic', name: 'chatTopicId', searchListMethod: 'searchChatTopics', placeholder: 'e.g. 3', noun: 'chat topic' };
	return idLocator(field, show, 'The chat topic (channel) the session belongs to');
}
