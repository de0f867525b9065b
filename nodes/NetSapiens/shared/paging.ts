import type { Paging } from '../../shared/operation';
import { MAX_LIMIT } from './descriptions';

/** One request with `limit`: the list endpoints have no offset to page further with. */
export const limitOnly: Paging = {
	maxPageSize: MAX_LIMIT,
	setPage(request, page, size) {
		if (page > 0) return false;
		request.qs = { ...request.qs, limit: size };
		return true;
	},
};
