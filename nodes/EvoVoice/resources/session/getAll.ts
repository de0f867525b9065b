import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationSpec } from '../../../shared/operation';
import { accountIdsOption, filtersCollection, idListOption } from '../../shared/descriptions';
import { evoVoicePaging, listItems, readQueryFilters } from '../../shared/routing';

const showForGetAll = { resource: ['session'], operation: ['getAll'] };

export const sessionGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit(showForGetAll),
	filtersCollection(showForGetAll, [
		accountIdsOption,
		idListOption('customerIds', 'Customer IDs', 'Only sessions of these customers'),
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only sessions up to this day (sent as YYYY-MM-DD)',
		},
		idListOption('endpointIds', 'Endpoint IDs', 'Only sessions of these endpoints'),
		{
			displayName: 'From Contains',
			name: 'from',
			type: 'string',
			default: '',
			description: 'Only sessions whose "from" contains this text',
		},
		{
			displayName: 'Log Contains',
			name: 'log',
			type: 'string',
			default: '',
			description: 'Only sessions whose log contains this text',
		},
		{
			displayName: 'Parent Session ID',
			name: 'parentSessionId',
			type: 'string',
			default: '',
			description: 'Only child sessions of this session',
		},
		{
			displayName: 'Search Archive',
			name: 'searchArchive',
			type: 'boolean',
			default: false,
			description:
				'Whether to search archived sessions instead of live ones (sessions are archived after about 15 days)',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only sessions from this day on (sent as YYYY-MM-DD)',
		},
		{
			displayName: 'To Contains',
			name: 'to',
			type: 'string',
			default: '',
			description: 'Only sessions whose "to" contains this text',
		},
	]),
];

/**
 * ListSessions: GET /sessions with `accountIds`, `searchArchive`, `startDate`/`endDate` (YYYY-MM-DD),
 * `customerIds`, `endpointIds`, `from`, `to`, `log`, `parentSessionId`; paged.
 */
export const sessionGetAll: OperationSpec = {
	method: 'GET',
	url: '/sessions',
	build(request) {
		request.qs = readQueryFilters(this, [
			{
				parameter: 'filters.accountIds',
				label: 'Account Names or IDs',
				query: 'accountIds',
				kind: 'ids',
			},
			{
				parameter: 'filters.searchArchive',
				label: 'Search Archive',
				query: 'searchArchive',
				kind: 'boolean',
			},
			{ parameter: 'filters.startDate', label: 'Start Date', query: 'startDate', kind: 'date' },
			{ parameter: 'filters.endDate', label: 'End Date', query: 'endDate', kind: 'date' },
			{
				parameter: 'filters.customerIds',
				label: 'Customer IDs',
				query: 'customerIds',
				kind: 'ids',
			},
			{
				parameter: 'filters.endpointIds',
				label: 'Endpoint IDs',
				query: 'endpointIds',
				kind: 'ids',
			},
			{ parameter: 'filters.from', label: 'From Contains', query: 'from', kind: 'text' },
			{ parameter: 'filters.to', label: 'To Contains', query: 'to', kind: 'text' },
			{ parameter: 'filters.log', label: 'Log Contains', query: 'log', kind: 'text' },
			{
				parameter: 'filters.parentSessionId',
				label: 'Parent Session ID',
				query: 'parentSessionId',
				kind: 'text',
			},
		]);
	},
	rows: listItems,
	paging: evoVoicePaging,
};
