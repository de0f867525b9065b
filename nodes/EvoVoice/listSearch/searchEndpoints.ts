import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { evoVoiceGet } from '../shared/transport';

/** Phone-number endpoints of the accounts the login reaches (ListEndpoints needs a Manager role). */
export async function searchEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const answer = await evoVoiceGet.call(this, '/endpoints', {
		type: 'PhoneNumber',
		...(filter ? { nameFilter: filter } : {}),
		page,
		countPerPage: 100,
	});
	const items = (Array.isArray(answer.items) ? answer.items : []) as IDataObject[];
	return {
		results: items.map((endpoint) => ({
			name: String(endpoint.displayName ?? endpoint.phoneNumber ?? endpoint.id),
			value: String(endpoint.id),
		})),
		paginationToken: answer.hasMorePages ? String(page + 1) : undefined,
	};
}
