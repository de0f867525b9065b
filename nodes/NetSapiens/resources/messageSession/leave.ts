import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { messageSessionLocator } from '../../shared/descriptions';
import { sessionPath } from '../../shared/parameters';

export const messageSessionLeaveProperties: INodeProperties[] = [
	messageSessionLocator(
		{ resource: ['messageSession'], operation: ['leave'] },
		{ required: true, description: 'The chat session to leave' },
	),
];

/** PUT /domains/{domain}/users/{user}/messagesessions/{messagesession}/leave, no body. */
export const messageSessionLeave: OperationSpec = {
	method: 'PUT',
	build(request) {
		request.url = `${sessionPath(this)}/leave`;
		delete request.body;
	},
};
