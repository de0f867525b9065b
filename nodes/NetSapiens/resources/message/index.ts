import type { INodeProperties } from 'n8n-workflow';
import { netSapiensRouting } from '../../shared/routing';
import { messageGetAll, messageGetAllProperties } from './getAll';
import { messageSend, messageSendProperties } from './send';
import { messageSendAndWaitProperties } from './sendAndWait';

export const messageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many messages',
			description: 'Read the messages of a session',
			routing: netSapiensRouting(messageGetAll),
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a session message',
			description: 'Send a chat, SMS or MMS in a session, or in a new one',
			routing: netSapiensRouting(messageSend),
		},
		{
			name: 'Send and Wait for Response',
			value: 'sendAndWait',
			action: 'Send message and wait for response',
			description:
				'Send a chat or SMS question with a reply link and wait until it is approved or answered (or the limit passes)',
		},
	],
	default: 'send',
};

export const messageDescription: INodeProperties[] = [
	messageOperations,
	...messageSendProperties,
	...messageSendAndWaitProperties,
	...messageGetAllProperties,
];
