import type { INodeProperties } from 'n8n-workflow';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { limitFields, messageSessionLocator } from '../../shared/descriptions';
import { limitOnly } from '../../shared/answers';
import { sessionPath } from '../../shared/parameters';

const showForGetAll = { resource: ['message'], operation: ['getAll'] };

export const messageGetAllProperties: INodeProperties[] = [
	messageSessionLocator(showForGetAll, {
		required: true,
		description: 'The session whose messages to read',
	}),
	...limitFields(showForGetAll),
];

/** GET /domains/{domain}/users/{user}/messagesessions/{messagesession}/messages?limit= */
export const messageGetAll: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = `${sessionPath(this)}/messages`;
	},
	rows: (body) => listRows(body),
	paging: limitOnly,
};
