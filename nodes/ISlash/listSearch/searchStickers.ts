import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesFilter } from '../../shared/listSearch';
import { dataList, iSlashListingRequest } from '../shared/transport';

/** The channel's stickers (GET /sticker?session=), filtered by name or ID. */
export async function searchStickers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await iSlashListingRequest(this, 'GET', '/sticker', 'qs');
	const results = dataList(answer, 'stickers')
		.map((sticker) => ({
			name: `${String(sticker.name ?? 'Sticker')} (${String(sticker.id)})`,
			value: String(sticker.id),
		}))
		.filter((result) => matchesFilter(filter, result.name));
	return { results };
}
