import type { INodeProperties } from 'n8n-workflow';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { limitFields, messageSessionLocator } from '../../shared/descriptions';
import { limitOnly } from '../../shared/paging';
import { sessionPath } from '../../shared/paths';

const showForGetMany = { resource: ['message'], operation: ['getAll'] };

export const messageGetManyProperties: INodeProperties[] = [
	messageSessionLocator(showForGetMany, { required: true, description: 'The session whose messages to read' }),
	...limitFields(showForGetMany),
];

/** GET /domains/{domain}/users/{user}/messagesessions/{messagesession}/messages?limit= */
export const messageGetMany: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = `${sessionPath(this)}/messages`;
	},
	rows: (body) => listRows(body),
	paging: limitOnly,
};
