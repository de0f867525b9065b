import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationSpec } from '../../../shared/operation';
import {
	accountIdsFilter,
	filtersCollection,
	idListFilter,
	textFilter,
	type QueryFilter,
} from '../../shared/descriptions';
import { readQueryFilters } from '../../shared/parameters';
import { evoVoicePaging, listItems } from '../../shared/answers';

const showForGetAll = { resource: ['session'], operation: ['getAll'] };

/** In the order they go on the query string. */
const sessionFilters: QueryFilter[] = [
	accountIdsFilter,
	{
		kind: 'boolean',
		property: {
			displayName: 'Search Archive',
			name: 'searchArchive',
			type: 'boolean',
			default: false,
			description:
				'Whether to search archived sessions instead of live ones (sessions are archived after about 15 days)',
		},
	},
	{
		kind: 'date',
		property: {
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only sessions from this day on (sent as YYYY-MM-DD)',
		},
	},
	{
		kind: 'date',
		property: {
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only sessions up to this day (sent as YYYY-MM-DD)',
		},
	},
	idListFilter('customerIds', 'Customer IDs', 'Only sessions of these customers'),
	idListFilter('endpointIds', 'Endpoint IDs', 'Only sessions of these endpoints'),
	textFilter('from', 'From Contains', 'Only sessions whose "from" contains this text'),
	textFilter('to', 'To Contains', 'Only sessions whose "to" contains this text'),
	textFilter('log', 'Log Contains', 'Only sessions whose log contains this text'),
	textFilter('parentSessionId', 'Parent Session ID', 'Only child sessions of this session'),
];

export const sessionGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit(showForGetAll),
	filtersCollection(showForGetAll, sessionFilters),
];

/**
 * ListSessions: GET /sessions with `accountIds`, `searchArchive`, `startDate`/`endDate` (YYYY-MM-DD),
 * `customerIds`, `endpointIds`, `from`, `to`, `log`, `parentSessionId`; paged.
 */
export const sessionGetAll: OperationSpec = {
	method: 'GET',
	url: '/sessions',
	build(request) {
		request.qs = readQueryFilters(this, 'filters', sessionFilters);
	},
	rows: listItems,
	paging: evoVoicePaging,
};
