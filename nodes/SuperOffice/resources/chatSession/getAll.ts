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
				placeholder: "whenRequested after '2026-01-01'",
				description:
					'OData $filter over the ChatSession archive’s columns, in SuperOffice’s archive syntax (e.g. "chatTopic/name begins \'Support\'"; the status column holds a ChatSessionStatus: Invalid, PreChatForm, Faq, OfflineForm, InQueue, CustomerLast, UserLast, Finished, Deleted, Closed, RequestPosted, ClosedFromQueue)',
			},
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'whenRequested desc',
				description:
					'OData $orderBy: comma-separated columns of the ChatSession archive, each with an optional asc or desc',
			},
			{
				displayName: 'Select',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'chatSessionId,status,whenRequested,chatTopic/name',
				description:
					'OData $select: comma-separated columns of the ChatSession archive to return. Empty returns the archive’s default columns.',
			},
		],
	},
];

/** The largest $top asked for per page (SuperOffice documents no maximum; its own examples use 1000). */
const PAGE_SIZE = 500;

/**
 * GET ChatSession ("Calls the Archive service using the "ChatSession" archive", SuperOffice's REST Swagger): the
 * hints name that archive's columns (SuperOffice docs, archive provider reference "ChatSession") and its
 * ChatSessionStatus values (the Swagger's ChatSessionEntity.Status). The archive as an OData list, `{"odata.metadata", "odata.nextLink",
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
