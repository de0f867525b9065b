import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { filtersCollection, messagingFilters } from '../../shared/descriptions';
import { readQueryFilters } from '../../shared/parameters';

const showForGetAll = { resource: ['conversation'], operation: ['getAll'] };

const conversationFilters = messagingFilters('conversations');

export const conversationGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit(showForGetAll),
	filtersCollection(showForGetAll, conversationFilters),
];

/**
 * ListConversations: GET /conversations with `accountIds`, `endpointIds`, `customerIds`, `afterDate` →
 * `{conversations: [{id, endpointId, otherAddress, mostRecentMessage}]}`. The API does not page this
 * list (it is not a ListRequest), so Limit is applied to the one answer.
 */
export const conversationGetAll: OperationSpec = {
	method: 'GET',
	url: '/conversations',
	build(request) {
		request.qs = readQueryFilters(this, 'filters', conversationFilters);
	},
	rows: (body) => listRows(body, 'conversations'),
	finish(items) {
		if (this.getNodeParameter('returnAll', false) as boolean) return items;
		return items.slice(0, Math.max(1, Number(this.getNodeParameter('limit', 50)) || 50));
	},
};
