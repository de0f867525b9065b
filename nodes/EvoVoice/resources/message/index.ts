import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceOperation } from '../../shared/routing';
import { messageSend, messageSendProperties } from './send';

export const messageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Send',
			value: 'send',
			action: 'Send a message',
			description: 'Send a text message into a session or to a phone number',
			routing: evoVoiceOperation(messageSend),
		},
	],
	default: 'send',
};

export const messageDescription: INodeProperties[] = [messageOperations, ...messageSendProperties];
