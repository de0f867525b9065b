import type { IDataObject } from 'n8n-workflow';
import { listRows, type Paging } from '../../shared/operation';

/**
 * ServiceStack `ListRequest<T>` paging. EvoVoice's metadata pages (e.g.
 * https://evovoice.io/json/metadata?op=ListMessages) describe `Page` only as "The page of data to retrieve",
 * without its base; the 0 base comes from the vendor's CLI alone (Evo-Technologies/evo-voice-cli: "Page
 * number (0-based, default 0)"), and agrees with the pages' C# DTO, whose `int Page` is 0 when a request
 * leaves it out. `countPerPage` defaults to 25. The largest page EvoVoice serves is not
 * documented; 100 keeps each answer small.
 */
export const evoVoicePaging: Paging = {
	maxPageSize: 100,
	setPage(request, page, size) {
		request.qs = { ...(request.qs ?? {}), page, countPerPage: size };
		return true;
	},
};

/** Rows of a ServiceStack `ListResponse<T>`: `{items, totalCount, totalPages, hasMorePages}`. */
export function listItems(body: unknown): IDataObject[] {
	return listRows(body, 'items');
}
