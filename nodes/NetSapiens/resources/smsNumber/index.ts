import type { INodeProperties } from 'n8n-workflow';
import { netSapiensRouting } from '../../shared/routing';
import { smsNumberGetAll, smsNumberGetAllProperties } from './getAll';

export const smsNumberOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['smsNumber'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many SMS numbers',
			description: 'List the SMS numbers of a user or a domain',
			routing: netSapiensRouting(smsNumberGetAll),
		},
	],
	default: 'getAll',
};

export const smsNumberDescription: INodeProperties[] = [
	smsNumberOperations,
	...smsNumberGetAllProperties,
];
