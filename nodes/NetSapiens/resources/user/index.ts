import type { INodeProperties } from 'n8n-workflow';
import { netSapiensRouting } from '../../shared/routing';
import { userGet, userGetProperties } from './get';

export const userOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['user'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a user',
			description: 'Get one user of a domain: name, email, caller ID, time zone and settings',
			routing: netSapiensRouting(userGet),
		},
	],
	default: 'get',
};

export const userDescription: INodeProperties[] = [userOperations, ...userGetProperties];
