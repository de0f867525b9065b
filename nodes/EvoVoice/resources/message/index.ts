import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceRouting } from '../../shared/routing';
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
			description: 'List messages, filtered by account, endpoint, customer, conversation or date',
			routing: evoVoiceRouting(messageGetAll),
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a session message',
			description: 'Send a text message into a session or to a phone number',
			routing: evoVoiceRouting(messageSend),
		},
		{
			name: 'Send and Wait for Response',
			value: 'sendAndWait',
			action: 'Send message and wait for response',
			description:
				'Text a question with a reply link and wait until it is approved or answered (or the limit passes)',
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
