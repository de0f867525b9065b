import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { messageSessionLocator } from '../../shared/descriptions';
import { sessionPath } from '../../shared/parameters';

export const messageSessionDeleteProperties: INodeProperties[] = [
	messageSessionLocator(
		{ resource: ['messageSession'], operation: ['delete'] },
		{ required: true, description: 'The session to delete' },
	),
];

/** DELETE /domains/{domain}/users/{user}/messagesessions/{messagesession} */
export const messageSessionDelete: OperationSpec = {
	method: 'DELETE',
	build(request) {
		request.url = sessionPath(this);
	},
};
