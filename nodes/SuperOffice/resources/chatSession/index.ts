import type { INodeProperties } from 'n8n-workflow';
import { superOfficeRouting } from '../../shared/routing';
import { chatSessionCreate, chatSessionCreateProperties } from './create';
import { chatSessionGet, chatSessionGetProperties } from './get';
import { chatSessionGetAll, chatSessionGetAllProperties } from './getAll';
import {
	chatSessionGetAllForCurrentUser,
	chatSessionGetAllForCurrentUserProperties,
} from './getAllForCurrentUser';
import { chatSessionTransfer, chatSessionTransferProperties } from './transfer';

export const chatSessionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chatSession'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a chat session',
			description: 'Start a new chat session in a chat topic',
			routing: superOfficeRouting(chatSessionCreate),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a chat session',
			description: 'Get one chat session by ID',
			routing: superOfficeRouting(chatSessionGet),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chat sessions',
			description: 'List chat sessions with OData filter, order and columns',
			routing: superOfficeRouting(chatSessionGetAll),
		},
		{
			name: 'Get Many for Current User',
			value: 'getAllForCurrentUser',
			action: 'Get chat sessions of the current user',
			description: 'List the chat sessions of the topics the signed-in user is a member of',
			routing: superOfficeRouting(chatSessionGetAllForCurrentUser),
		},
		{
			name: 'Transfer',
			value: 'transfer',
			action: 'Transfer a chat session',
			description: 'Hand a chat session over to another user',
			routing: superOfficeRouting(chatSessionTransfer),
		},
	],
	default: 'get',
};

export const chatSessionDescription: INodeProperties[] = [
	chatSessionOperations,
	...chatSessionGetProperties,
	...chatSessionGetAllProperties,
	...chatSessionGetAllForCurrentUserProperties,
	...chatSessionCreateProperties,
	...chatSessionTransferProperties,
];
