import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesFilter } from '../../shared/listSearch';
import { dataList } from '../shared/answers';
import { iSlashRequest } from '../shared/transport';

/** The channel's stickers (GET /sticker?session=), filtered by name or ID. */
export async function searchStickers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await iSlashRequest.call(this, 'GET', '/sticker');
	const results = dataList(answer, 'stickers')
		.map((sticker) => ({
			name: `${String(sticker.name ?? 'Sticker')} (${String(sticker.id)})`,
			value: String(sticker.id),
		}))
		.filter((result) => matchesFilter(filter, result.name));
	return { results };
}
