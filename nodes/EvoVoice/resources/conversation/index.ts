import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceOperation } from '../../shared/routing';
import { conversationGetMany, conversationGetManyProperties } from './getMany';

export const conversationOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['conversation'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many conversations',
			description: 'List SMS conversations, each with its most recent message',
			routing: evoVoiceOperation(conversationGetMany),
		},
	],
	default: 'getMany',
};

export const conversationDescription: INodeProperties[] = [conversationOperations, ...conversationGetManyProperties];
