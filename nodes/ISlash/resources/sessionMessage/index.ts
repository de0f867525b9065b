import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { sessionMessageSend, sessionMessageSendProperties } from './send';

export const sessionMessageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['sessionMessage'] } },
	options: [
		{
			name: 'Send',
			value: 'send',
			action: 'Send a session message',
			description: "Send text, a file or a sticker inside the contact's 24-hour window",
			routing: iSlashRouting(sessionMessageSend),
		},
	],
	default: 'send',
};

export const sessionMessageDescription: INodeProperties[] = [
	sessionMessageOperations,
	...sessionMessageSendProperties,
];
