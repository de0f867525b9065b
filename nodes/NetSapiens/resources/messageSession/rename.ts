import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { readText } from '../../../shared/validation';
import { messageSessionLocator } from '../../shared/descriptions';
import { sessionPath } from '../../shared/parameters';

const showForRename = { resource: ['messageSession'], operation: ['rename'] };

export const messageSessionRenameProperties: INodeProperties[] = [
	messageSessionLocator(showForRename, {
		required: true,
		description: 'The chat session to rename (group MMS sessions cannot be named)',
	}),
	{
		displayName: 'Name',
		name: 'sessionName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: showForRename },
		description: 'The new name of the session',
	},
];

/** PUT /domains/{domain}/users/{user}/messagesessions/{messagesession} {"session-name": …} */
export const messageSessionRename: OperationSpec = {
	method: 'PUT',
	build(request) {
		const name = readText(this, 'sessionName', 'Name', { required: true });
		request.url = sessionPath(this);
		request.body = { 'session-name': name };
	},
};
