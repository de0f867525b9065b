import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationSpec, Paging } from '../../../shared/operation';
import { fieldError, readText } from '../../../shared/validation';
import { readSessionKey } from '../../shared/session';
import { dataList } from '../../shared/answers';

const showForGetAll = { resource: ['contact'], operation: ['getAll'] };

export const contactGetAllProperties: INodeProperties[] = [
	{
		displayName: 'Label IDs',
		name: 'labelIds',
		type: 'string',
		required: true,
		default: 'all',
		placeholder: 'e.g. 2,3',
		displayOptions: { show: showForGetAll },
		description:
			'Contacts with any of these label IDs (comma-separated), or "all" for contacts with any label',
	},
	...returnAllOrLimit(showForGetAll),
];

/**
 * Page numbers start at 1. iSlash documents no largest page, only the default of 30, so every page
 * asks for 30: a page size that changed between pages would shift page-number offsets.
 */
const PAGE_SIZE = 30;
const contactPaging: Paging = {
	maxPageSize: PAGE_SIZE,
	setPage(request, page) {
		request.qs = { ...request.qs, page: page + 1, per_page: PAGE_SIZE };
		return true;
	},
};

/** Get Customers By Label IDs: POST /chat-label/customers?session&label_id&page&per_page → data.contacts. */
export const contactGetAll: OperationSpec = {
	method: 'POST',
	url: '/chat-label/customers',
	async build(request) {
		const raw = readText(this, 'labelIds', 'Label IDs', { required: true });
		const ids = raw
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '');
		const labelId = ids.length === 1 && ids[0].toLowerCase() === 'all' ? 'all' : ids.join(',');
		if (labelId !== 'all' && !ids.every((id) => /^\d+$/.test(id))) {
			throw fieldError(
				this,
				'Label IDs',
				`"${raw}" is neither "all" nor label IDs separated by commas`,
				'e.g. 2,3',
			);
		}
		request.qs = { ...request.qs, session: await readSessionKey(this), label_id: labelId };
	},
	rows: (body) => dataList(body, 'contacts'),
	paging: contactPaging,
};
