import type { INodeProperties } from 'n8n-workflow';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { messageSessionLocator } from '../../shared/descriptions';
import { sessionPath } from '../../shared/paths';

export const messageSessionGetProperties: INodeProperties[] = [
	messageSessionLocator(
		{ resource: ['messageSession'], operation: ['get'] },
		{ required: true, description: 'The session to read' },
	),
];

/** GET /domains/{domain}/users/{user}/messagesessions/{messagesession} (answered as a one-row list). */
export const messageSessionGet: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = sessionPath(this);
	},
	rows: (body) => listRows(body),
};
