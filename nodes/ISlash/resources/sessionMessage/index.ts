import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { sessionMessageSend, sessionMessageSendProperties } from './send';
import { sessionMessageSendAndWaitProperties } from './sendAndWait';

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
		{
			name: 'Send and Wait for Response',
			value: 'sendAndWait',
			action: 'Send message and wait for response',
			description:
				'Send a question with a reply link inside the 24-hour window and wait until it is approved or answered (or the limit passes)',
		},
	],
	default: 'send',
};

export const sessionMessageDescription: INodeProperties[] = [
	sessionMessageOperations,
	...sessionMessageSendProperties,
	...sessionMessageSendAndWaitProperties,
];
