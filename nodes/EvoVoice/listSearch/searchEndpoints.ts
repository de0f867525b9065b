import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { evoVoiceRequest } from '../shared/transport';

const PAGE_SIZE = 100;

/**
 * Phone-number endpoints of the accounts the login reaches (ListEndpoints needs a Manager, Customer or
 * System Administrator role; other logins type the ID). ServiceStack's `page` is 0-based.
 */
export async function searchEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 0;
	const search = filter?.trim();
	// A search that looks like a number filters by number, anything else by name.
	const filterQuery = search
		? { [/^[+\d\s()-]+$/.test(search) ? 'phoneNumberFilter' : 'nameFilter']: search }
		: {};
	const answer = await evoVoiceRequest.call(this, 'GET', '/endpoints', {
		qs: {
			type: 'PhoneNumber',
			...filterQuery,
			page,
			countPerPage: PAGE_SIZE,
		},
	});
	const items = (Array.isArray(answer.items) ? answer.items : []) as IDataObject[];
	return {
		results: items.map((endpoint) => ({
			name: String(endpoint.displayName ?? endpoint.phoneNumber ?? endpoint.id),
			value: String(endpoint.id),
		})),
		paginationToken:
			answer.hasMorePages === true || items.length === PAGE_SIZE ? String(page + 1) : undefined,
	};
}
