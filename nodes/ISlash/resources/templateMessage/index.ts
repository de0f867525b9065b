import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { templateMessageProperties } from './fields';
import { templateMessageSchedule } from './schedule';
import { templateMessageSend } from './send';

export const templateMessageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['templateMessage'] } },
	options: [
		{
			name: 'Schedule',
			value: 'schedule',
			action: 'Schedule a template message',
			description: 'Have iSlash send an approved template message at a given time',
			routing: iSlashRouting(templateMessageSchedule),
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a template message',
			description: 'Send an approved template message (works outside the 24-hour window)',
			routing: iSlashRouting(templateMessageSend),
		},
	],
	default: 'send',
};

export const templateMessageDescription: INodeProperties[] = [
	templateMessageOperations,
	...templateMessageProperties,
];
