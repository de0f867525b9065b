import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationSpec } from '../../../shared/operation';
import {
	filtersCollection,
	idListFilter,
	messagingFilters,
	type QueryFilter,
} from '../../shared/descriptions';
import { readQueryFilters } from '../../shared/parameters';
import { evoVoicePaging, listItems } from '../../shared/answers';

const showForGetAll = { resource: ['message'], operation: ['getAll'] };

/** In the order they go on the query string. */
const messageFilters: QueryFilter[] = [
	...messagingFilters('messages'),
	idListFilter('conversationIds', 'Conversation IDs', 'Only messages of these conversations'),
];

export const messageGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit(showForGetAll),
	filtersCollection(showForGetAll, messageFilters),
];

/** ListMessages: GET /messages with `accountIds`, `customerIds`, `endpointIds`, `conversationIds`, `afterDate`; paged. */
export const messageGetAll: OperationSpec = {
	method: 'GET',
	url: '/messages',
	build(request) {
		request.qs = readQueryFilters(this, 'filters', messageFilters);
	},
	rows: listItems,
	paging: evoVoicePaging,
};
