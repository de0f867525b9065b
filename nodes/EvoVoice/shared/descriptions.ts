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

/** The Filters collection of a Get Many operation. */
export function filtersCollection(
	show: Record<string, string[]>,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		// n8n lists a collection's options in the order given and its style guide wants them alphabetical
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The filters ListMessages and ListConversations share: accounts, customers, endpoints and a start date. */
export function messagingFilterOptions(subject: 'messages' | 'conversations'): INodeProperties[] {
	return [
		accountIdsOption,
		{
			displayName: 'After',
			name: 'afterDate',
			type: 'dateTime',
			default: '',
			description: `Only ${subject} after this date and time`,
		},
		idListOption('customerIds', 'Customer IDs', `Only ${subject} of these customers`),
		idListOption(
			'endpointIds',
			'Endpoint IDs',
			`Only ${subject} of these endpoints (phone numbers)`,
		),
	];
}
