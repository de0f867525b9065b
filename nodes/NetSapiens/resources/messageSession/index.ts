import type { INodeProperties } from 'n8n-workflow';
import { netSapiensOperation } from '../../shared/routing';
import { sessionDelete, sessionDeleteProperties } from './delete';
import { sessionGet, sessionGetProperties } from './get';
import { sessionGetAll, sessionGetAllProperties } from './getAll';
import { sessionLeave, sessionLeaveProperties } from './leave';
import { sessionRename, sessionRenameProperties } from './rename';
import { sessionStart, sessionStartProperties } from './start';
import {
	sessionUpdateParticipants,
	sessionUpdateParticipantsProperties,
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
			routing: netSapiensOperation(sessionDelete),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a message session',
			routing: netSapiensOperation(sessionGet),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many message sessions',
			description: 'List the sessions of a user or of a whole domain',
			routing: netSapiensOperation(sessionGetAll),
		},
		{
			name: 'Leave',
			value: 'leave',
			action: 'Leave a message session',
			routing: netSapiensOperation(sessionLeave),
		},
		{
			name: 'Rename',
			value: 'rename',
			action: 'Rename a message session',
			routing: netSapiensOperation(sessionRename),
		},
		{
			name: 'Start',
			value: 'start',
			action: 'Start a message session',
			description: 'Start a session with its first message (the API does not return its ID)',
			routing: netSapiensOperation(sessionStart),
		},
		{
			name: 'Update Participants',
			value: 'updateParticipants',
			action: 'Update the participants of a message session',
			routing: netSapiensOperation(sessionUpdateParticipants),
		},
	],
	default: 'get',
};

export const messageSessionFields: INodeProperties[] = [
	...sessionStartProperties,
	...sessionGetProperties,
	...sessionGetAllProperties,
	...sessionRenameProperties,
	...sessionUpdateParticipantsProperties,
	...sessionLeaveProperties,
	...sessionDeleteProperties,
];
