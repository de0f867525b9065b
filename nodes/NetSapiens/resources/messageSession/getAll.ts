import type { INodeProperties } from 'n8n-workflow';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { limitFields, scopeField } from '../../shared/descriptions';
import { limitOnly } from '../../shared/answers';
import { scopePath } from '../../shared/parameters';

const showForGetAll = { resource: ['messageSession'], operation: ['getAll'] };

export const messageSessionGetAllProperties: INodeProperties[] = [
	scopeField(showForGetAll, 'sessions'),
	...limitFields(showForGetAll),
];

/** GET /domains/{domain}/users/{user}/messagesessions?limit= or GET /domains/{domain}/messagesessions?limit= */
export const messageSessionGetAll: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = `${scopePath(this)}/messagesessions`;
	},
	rows: (body) => listRows(body),
	paging: limitOnly,
};
