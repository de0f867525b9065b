import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceRouting } from '../../shared/routing';
import { conversationGetAll, conversationGetAllProperties } from './getAll';

export const conversationOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['conversation'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many conversations',
			description: 'List SMS conversations, each with its most recent message',
			routing: evoVoiceRouting(conversationGetAll),
		},
	],
	default: 'getAll',
};

export const conversationDescription: INodeProperties[] = [
	conversationOperations,
	...conversationGetAllProperties,
];
