import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { labelAttach } from './attach';
import { labelDetach } from './detach';
import { labelProperties } from './fields';

export const labelOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['label'] } },
	options: [
		{
			name: 'Attach',
			value: 'attach',
			action: 'Attach a label to a contact',
			description: "Add a label to a contact's chat",
			routing: iSlashRouting(labelAttach),
		},
		{
			name: 'Detach',
			value: 'detach',
			action: 'Detach a label from a contact',
			description: "Remove a label from a contact's chat",
			routing: iSlashRouting(labelDetach),
		},
	],
	default: 'attach',
};

export const labelDescription: INodeProperties[] = [labelOperations, ...labelProperties];
