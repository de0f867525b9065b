import type { INodeProperties } from 'n8n-workflow';
import { superOfficeRouting } from '../../shared/routing';
import { chatMessageGetAll, chatMessageGetAllProperties } from './getAll';
import { chatMessageSend, chatMessageSendProperties } from './send';

export const chatMessageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chatMessage'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chat messages',
			description: 'Get the messages of a chat session, optionally only those after a message',
			routing: superOfficeRouting(chatMessageGetAll),
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a session message',
			description: 'Add a message to a chat session',
			routing: superOfficeRouting(chatMessageSend),
		},
	],
	default: 'send',
};

export const chatMessageDescription: INodeProperties[] = [
	chatMessageOperations,
	...chatMessageSendProperties,
	...chatMessageGetAllProperties,
];
