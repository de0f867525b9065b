import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationSpec } from '../../../shared/operation';
import { filtersCollection, idListOption, messagingFilterOptions } from '../../shared/descriptions';
import {
	evoVoicePaging,
	listItems,
	MESSAGING_QUERY_FILTERS,
	readQueryFilters,
} from '../../shared/routing';

const showForGetAll = { resource: ['message'], operation: ['getAll'] };

export const messageGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit(showForGetAll),
	filtersCollection(showForGetAll, [
		...messagingFilterOptions('messages'),
		idListOption('conversationIds', 'Conversation IDs', 'Only messages of these conversations'),
	]),
];

/** ListMessages: GET /messages with `accountIds`, `customerIds`, `endpointIds`, `conversationIds`, `afterDate`; paged. */
export const messageGetAll: OperationSpec = {
	method: 'GET',
	url: '/messages',
	build(request) {
		request.qs = readQueryFilters(this, [
			...MESSAGING_QUERY_FILTERS,
			{
				parameter: 'filters.conversationIds',
				label: 'Conversation IDs',
				query: 'conversationIds',
				kind: 'ids',
			},
		]);
	},
	rows: listItems,
	paging: evoVoicePaging,
};
