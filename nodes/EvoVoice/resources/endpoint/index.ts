import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceOperation } from '../../shared/routing';
import { endpointGetMany, endpointGetManyProperties } from './getMany';

export const endpointOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['endpoint'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many endpoints',
			description: 'List endpoints (phone numbers, users, teams…); needs a Manager or Customer role',
			routing: evoVoiceOperation(endpointGetMany),
		},
	],
	default: 'getMany',
};

export const endpointDescription: INodeProperties[] = [endpointOperations, ...endpointGetManyProperties];
