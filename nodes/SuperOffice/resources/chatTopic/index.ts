import type { INodeProperties } from 'n8n-workflow';
import { superOfficeOperation } from '../../shared/routing';
import { chatTopicGetMany, chatTopicGetManyProperties } from './getMany';

export const chatTopicOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chatTopic'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many chat topics',
			description: 'List the chat topics the signed-in user is a member of',
			routing: superOfficeOperation(chatTopicGetMany),
		},
	],
	default: 'getMany',
};

export const chatTopicDescription: INodeProperties[] = [chatTopicOperations, ...chatTopicGetManyProperties];
