import type { INodeProperties } from 'n8n-workflow';
import { listRows, singlePage, type OperationSpec } from '../../../shared/operation';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { scopeField } from '../../shared/descriptions';
import { scopePath } from '../../shared/parameters';

const showForGetAll = { resource: ['smsNumber'], operation: ['getAll'] };

export const smsNumberGetAllProperties: INodeProperties[] = [
	scopeField(showForGetAll, 'SMS numbers'),
	...returnAllOrLimit(showForGetAll),
];

/**
 * GET /domains/{domain}/users/{user}/smsnumbers or GET /domains/{domain}/smsnumbers. These two
 * endpoints take no limit or paging parameter in the API: every number comes back at once and Limit
 * keeps the first ones.
 */
export const smsNumberGetAll: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = `${scopePath(this)}/smsnumbers`;
	},
	rows: (body) => listRows(body),
	paging: singlePage,
};
