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

const showForGetAll = { resource: ['endpoint'], operation: ['getAll'] };

/**
 * ListEndpoints takes `Type` ("EndpointTypes?", "Filter by type": https://evovoice.io/json/metadata?op=ListEndpoints),
 * but no public EvoVoice page lists EndpointTypes' values, and the vendor's CLI (Evo-Technologies/evo-voice-cli)
 * contradicts itself on them (FaxNumber and Assistant in one place, Fax and AssistantBot in another). Only
 * PhoneNumber is named alike everywhere, so Type is free text with PhoneNumber as its suggestion.
 *
 * The filters are in the order they go on the query string.
 */
const endpointFilters: QueryFilter[] = [
	accountIdsFilter,
	idListFilter('customerIds', 'Customer IDs', 'Only endpoints of these customers'),
	idListFilter('flowIds', 'Flow IDs', 'Only endpoints using these flows'),
	idListFilter('tagIds', 'Tag IDs', 'Only endpoints carrying all of these tags'),
	textFilter('nameFilter', 'Name Contains', 'Only endpoints whose name matches this text'),
	textFilter(
		'phoneNumberFilter',
		'Phone Number Contains',
		'Only endpoints whose phone number matches this text',
	),
	textFilter(
		'type',
		'Type',
		'Only endpoints of this EvoVoice endpoint type, e.g. PhoneNumber (the type of phone number endpoints)',
		'PhoneNumber',
	),
];

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
	filtersCollection(showForGetAll, endpointFilters),
];

/**
 * ListEndpoints (roles SystemAdministrator, Manager or Customer): GET /endpoints with `accountIds`,
 * `customerIds`, `flowIds`, `tagIds`, `nameFilter`, `phoneNumberFilter`, `type`; paged.
 */
export const endpointGetAll: OperationSpec = {
	method: 'GET',
	url: '/endpoints',
	build(request) {
		request.qs = readQueryFilters(this, 'filters', endpointFilters);
	},
	rows: listItems,
	paging: evoVoicePaging,
};
