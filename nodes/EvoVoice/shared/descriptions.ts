import type { INodeProperties } from 'n8n-workflow';

/** The accounts the login reaches, loaded from GET /auth/status (`accountIds` / `accountNames`). */
export const accountIdsOption: INodeProperties = {
	displayName: 'Account Names or IDs',
	name: 'accountIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getAccounts' },
	default: [],
	description:
		'Only these accounts (one login can reach several). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** A comma-separated list of IDs (a plain User login cannot list endpoints or customers, so IDs are typed). */
export function idListOption(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. 5e3c2a…, 61a0f4…',
		description: `${description}, comma-separated`,
	};
}

/**
 * One filter of a query, declared once: its field, and how the field's value goes on the query string
 * (under the field's name; see readQueryFilters). The collection's options and the query are both made
 * from the same list.
 */
export interface QueryFilter {
	kind: 'ids' | 'text' | 'boolean' | 'dateTime' | 'date';
	property: INodeProperties;
}

/** A filter of comma-separated IDs (see idListOption). */
export function idListFilter(name: string, displayName: string, description: string): QueryFilter {
	return { kind: 'ids', property: idListOption(name, displayName, description) };
}

/** The accounts filter (accountIdsOption), sent comma-joined. */
export const accountIdsFilter: QueryFilter = { kind: 'ids', property: accountIdsOption };

/** A filter of free text (sent as typed, left out when empty). */
export function textFilter(
	name: string,
	displayName: string,
	description: string,
	placeholder?: string,
): QueryFilter {
	return {
		kind: 'text',
		property: {
			displayName,
			name,
			type: 'string',
			default: '',
			...(placeholder ? { placeholder } : {}),
			description,
		},
	};
}

/** The collection (Filters, or another name such as Options) that holds a query's filters. */
export function filtersCollection(
	show: Record<string, string[]>,
	filters: QueryFilter[],
	{
		name = 'filters',
		displayName = 'Filters',
		placeholder = 'Add Filter',
	}: { name?: string; displayName?: string; placeholder?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		displayOptions: { show },
		// n8n lists a collection's options in the order given and its style guide wants them alphabetical
		options: filters
			.map((filter) => filter.property)
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The filters ListMessages and ListConversations share: accounts, customers, endpoints and a start date. */
export function messagingFilters(subject: 'messages' | 'conversations'): QueryFilter[] {
	return [
		accountIdsFilter,
		idListFilter('customerIds', 'Customer IDs', `Only ${subject} of these customers`),
		idListFilter(
			'endpointIds',
			'Endpoint IDs',
			`Only ${subject} of these endpoints (phone numbers)`,
		),
		{
			kind: 'dateTime',
			property: {
				displayName: 'After',
				name: 'afterDate',
				type: 'dateTime',
				default: '',
				description: `Only ${subject} after this date and time`,
			},
		},
	];
}
