import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { contactGetAll, contactGetAllProperties } from './getAll';

export const contactOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many contacts by label',
			description: 'List the contacts that carry given labels',
			routing: iSlashRouting(contactGetAll),
		},
	],
	default: 'getAll',
};

export const contactDescription: INodeProperties[] = [
	contactOperations,
	...contactGetAllProperties,
];
