import type { INodeProperties } from 'n8n-workflow';
import { netSapiensRouting } from '../../shared/routing';
import { messageSessionDelete, messageSessionDeleteProperties } from './delete';
import {
	MESSAGE_SESSION_GET_REQUIREMENT,
	messageSessionGet,
	messageSessionGetProperties,
} from './get';
import { messageSessionGetAll, messageSessionGetAllProperties } from './getAll';
import { messageSessionLeave, messageSessionLeaveProperties } from './leave';
import { messageSessionRename, messageSessionRenameProperties } from './rename';
import { messageSessionStart, messageSessionStartProperties } from './start';
import {
	messageSessionUpdateParticipants,
	messageSessionUpdateParticipantsProperties,
} from './updateParticipants';

export const messageSessionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['messageSession'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a message session',
			routing: netSapiensRouting(messageSessionDelete),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a message session',
			routing: netSapiensRouting(messageSessionGet, {
				requirement: MESSAGE_SESSION_GET_REQUIREMENT,
			}),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many message sessions',
			description: 'List the sessions of a user or of a whole domain',
			routing: netSapiensRouting(messageSessionGetAll),
		},
		{
			name: 'Leave',
			value: 'leave',
			action: 'Leave a message session',
			routing: netSapiensRouting(messageSessionLeave),
		},
		{
			name: 'Rename',
			value: 'rename',
			action: 'Rename a message session',
			routing: netSapiensRouting(messageSessionRename),
		},
		{
			name: 'Start',
			value: 'start',
			action: 'Start a message session',
			description: 'Start a session with its first message (the API does not return its ID)',
			routing: netSapiensRouting(messageSessionStart),
		},
		{
			name: 'Update Participants',
			value: 'updateParticipants',
			action: 'Update the participants of a message session',
			routing: netSapiensRouting(messageSessionUpdateParticipants),
		},
	],
	default: 'get',
};

export const messageSessionDescription: INodeProperties[] = [
	messageSessionOperations,
	...messageSessionStartProperties,
	...messageSessionGetProperties,
	...messageSessionGetAllProperties,
	...messageSessionRenameProperties,
	...messageSessionUpdateParticipantsProperties,
	...messageSessionLeaveProperties,
	...messageSessionDeleteProperties,
];
