import type { INodeProperties } from 'n8n-workflow';
import { superOfficeRouting } from '../../shared/routing';
import { chatMessageGetAll, chatMessageGetAllProperties } from './getAll';
import { chatMessageSend, chatMessageSendProperties } from './send';
import { chatMessageSendAndWaitProperties } from './sendAndWait';

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
		{
			name: 'Send and Wait for Response',
			value: 'sendAndWait',
			action: 'Send message and wait for response',
			description:
				'Post a question with a reply link to a chat session and wait until it is approved or answered (or the limit passes)',
		},
	],
	default: 'send',
};

export const chatMessageDescription: INodeProperties[] = [
	chatMessageOperations,
	...chatMessageSendProperties,
	...chatMessageSendAndWaitProperties,
	...chatMessageGetAllProperties,
];
