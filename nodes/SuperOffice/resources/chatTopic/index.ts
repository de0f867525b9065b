import type { INodeProperties } from 'n8n-workflow';
import { superOfficeRouting } from '../../shared/routing';
import { chatTopicGetAll, chatTopicGetAllProperties } from './getAll';

export const chatTopicOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chatTopic'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chat topics',
			description: 'List the chat topics the signed-in user is a member of',
			routing: superOfficeRouting(chatTopicGetAll),
		},
	],
	default: 'getAll',
};

export const chatTopicDescription: INodeProperties[] = [
	chatTopicOperations,
	...chatTopicGetAllProperties,
];
