import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceRouting } from '../../shared/routing';
import { endpointGetAll, endpointGetAllProperties } from './getAll';

export const endpointOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['endpoint'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many endpoints',
			description:
				'List endpoints (phone numbers, users, teams…); needs a Manager or Customer role',
			routing: evoVoiceRouting(endpointGetAll),
		},
	],
	default: 'getAll',
};

export const endpointDescription: INodeProperties[] = [
	endpointOperations,
	...endpointGetAllProperties,
];
