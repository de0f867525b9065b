import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { templateGetAll, templateGetAllProperties } from './getAll';

export const templateOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many templates',
			description: "List the channel's message templates with their status and components",
			routing: iSlashRouting(templateGetAll),
		},
	],
	default: 'getAll',
};

export const templateDescription: INodeProperties[] = [
	templateOperations,
	...templateGetAllProperties,
];
