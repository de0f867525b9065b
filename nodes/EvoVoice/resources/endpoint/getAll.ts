import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationSpec } from '../../../shared/operation';
import { accountIdsOption, filtersCollection, idListOption } from '../../shared/descriptions';
import { evoVoicePaging, listItems, readQueryFilters } from '../../shared/routing';

const showForGetAll = { resource: ['endpoint'], operation: ['getAll'] };

/**
 * ListEndpoints takes `Type` ("EndpointTypes?", "Filter by type": https://evovoice.io/json/metadata?op=ListEndpoints),
 * but no public EvoVoice page lists EndpointTypes' values, and the vendor's CLI (Evo-Technologies/evo-voice-cli)
 * contradicts itself on them (FaxNumber and Assistant in one place, Fax and AssistantBot in another). Only
 * PhoneNumber is named alike everywhere, so Type is free text with PhoneNumber as its suggestion.
 */
export const endpointGetAllProperties: INodeProperties[] = [
	{
		displayName:
			'Listing endpoints needs a Manager, Customer or System Administrator role in EvoVoice',
		name: 'roleNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showForGetAll },
	},
	...returnAllOrLimit(showForGetAll),
	filtersCollection(showForGetAll, [
		accountIdsOption,
		idListOption('customerIds', 'Customer IDs', 'Only endpoints of these customers'),
		idListOption('flowIds', 'Flow IDs', 'Only endpoints using these flows'),
		{
			displayName: 'Name Contains',
			name: 'nameFilter',
			type: 'string',
			default: '',
			description: 'Only endpoints whose name matches this text',
		},
		{
			displayName: 'Phone Number Contains',
			name: 'phoneNumberFilter',
			type: 'string',
			default: '',
			description: 'Only endpoints whose phone number matches this text',
		},
		idListOption('tagIds', 'Tag IDs', 'Only endpoints carrying all of these tags'),
		{
			displayName: 'Type',
			name: 'type',
			type: 'string',
			default: '',
			placeholder: 'PhoneNumber',
			description:
				'Only endpoints of this EvoVoice endpoint type, e.g. PhoneNumber (the type of phone number endpoints)',
		},
	]),
];

/**
 * ListEndpoints (roles SystemAdministrator, Manager or Customer): GET /endpoints with `accountIds`,
 * `customerIds`, `flowIds`, `tagIds`, `nameFilter`, `phoneNumberFilter`, `type`; paged.
 */
export const endpointGetAll: OperationSpec = {
	method: 'GET',
	url: '/endpoints',
	build(request) {
		const qs = readQueryFilters(this, [
			{
				parameter: 'filters.accountIds',
				label: 'Account Names or IDs',
				query: 'accountIds',
				kind: 'ids',
			},
			{
				parameter: 'filters.customerIds',
				label: 'Customer IDs',
				query: 'customerIds',
				kind: 'ids',
			},
			{ parameter: 'filters.flowIds', label: 'Flow IDs', query: 'flowIds', kind: 'ids' },
			{ parameter: 'filters.tagIds', label: 'Tag IDs', query: 'tagIds', kind: 'ids' },
			{
				parameter: 'filters.nameFilter',
				label: 'Name Contains',
				query: 'nameFilter',
				kind: 'text',
			},
			{
				parameter: 'filters.phoneNumberFilter',
				label: 'Phone Number Contains',
				query: 'phoneNumberFilter',
				kind: 'text',
			},
			{ parameter: 'filters.type', label: 'Type', query: 'type', kind: 'text' },
		]);
		request.qs = qs;
	},
	rows: listItems,
	paging: evoVoicePaging,
};
