import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { checkText } from '../../../shared/validation';

const showForGetAll = { resource: ['chatSession'], operation: ['getAll'] };

export const chatSessionGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit(showForGetAll, 10000),
	{
		displayName: 'Options',
		name: 'odata',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForGetAll },
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "status eq 'Active'",
				description:
					'OData $filter restricting the sessions, in SuperOffice’s archive syntax (e.g. "customerName begins \'A\'")',
			},
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'whenRequested desc',
				description: 'OData $orderBy: comma-separated columns, each with an optional asc or desc',
			},
			{
				displayName: 'Select',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'customerName,status,whenRequested',
				description:
					'OData $select: comma-separated columns to return. Empty returns the archive’s default columns.',
			},
		],
	},
];

/** The largest $top asked for per page (SuperOffice documents no maximum; its own examples use 1000). */
const PAGE_SIZE = 500;

/**
 * GET ChatSession: the "ChatSession" archive as an OData list, `{"odata.metadata", "odata.nextLink",
 * "value": [rows]}`, paged with $top/$skip.
 */
export const chatSessionGetAll: OperationSpec = {
	method: 'GET',
	url: '/api/v1/ChatSession',
	build(request) {
		const odata = this.getNodeParameter('odata', {}) as IDataObject;
		const qs: IDataObject = { ...request.qs };
		const filter = checkText(this, odata.filter, 'Options › Filter');
		const orderBy = checkText(this, odata.orderBy, 'Options › Order By');
		const select = checkText(this, odata.select, 'Options › Select');
		if (filter) qs.$filter = filter;
		if (orderBy) qs.$orderBy = orderBy;
		if (select) qs.$select = select;
		request.qs = qs;
	},
	rows: (body) => listRows(body, 'value'),
	paging: {
		maxPageSize: PAGE_SIZE,
		setPage(request, page, size) {
			// Every page before this one was full (a short page ends the walk), so the offset is page × PAGE_SIZE.
			request.qs = { ...request.qs, $top: size, $skip: page * PAGE_SIZE };
			return true;
		},
	},
};
