import type { IDataObject, IExecuteSingleFunctions, INodePropertyRouting } from 'n8n-workflow';
import {
	listRows,
	operationRouting,
	type OperationSpec,
	type Paging,
} from '../../shared/operation';
import { readDateTime, readText, readTextList } from '../../shared/validation';
import { joinIds } from './transport';
import { evoVoiceErrors } from './errors';

/** Routing of an EvoVoice operation: shared flow control and ServiceStack error mapping. */
export function evoVoiceRouting(spec: OperationSpec): INodePropertyRouting {
	return operationRouting(spec, evoVoiceErrors);
}

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

/** A filter of a Get Many query: the node parameter, its label, and how it goes on the query string. */
export interface QueryFilter {
	parameter: string;
	label: string;
	query: string;
	kind: 'ids' | 'text' | 'boolean' | 'dateTime' | 'date';
}

/** Query side of `messagingFilterOptions` (the Filters collection of Message and Conversation Get Many). */
export const MESSAGING_QUERY_FILTERS: QueryFilter[] = [
	{
		parameter: 'filters.accountIds',
		label: 'Account Names or IDs',
		query: 'accountIds',
		kind: 'ids',
	},
	{ parameter: 'filters.customerIds', label: 'Customer IDs', query: 'customerIds', kind: 'ids' },
	{ parameter: 'filters.endpointIds', label: 'Endpoint IDs', query: 'endpointIds', kind: 'ids' },
	{ parameter: 'filters.afterDate', label: 'After', query: 'afterDate', kind: 'dateTime' },
];

/**
 * Reads the filters the user set and writes them on the query string: ID lists comma-joined, dates as
 * ISO 8601 in UTC (`date`: YYYY-MM-DD in the workflow's time zone), empty ones left out.
 */
export function readQueryFilters(
	ctx: IExecuteSingleFunctions,
	filters: QueryFilter[],
): IDataObject {
	const qs: IDataObject = {};
	for (const filter of filters) {
		let value: string | boolean | undefined;
		if (filter.kind === 'ids') {
			value = joinIds(readTextList(ctx, filter.parameter, filter.label));
		} else if (filter.kind === 'boolean') {
			const raw = ctx.getNodeParameter(filter.parameter, '') as unknown;
			value = typeof raw === 'boolean' ? raw : undefined;
		} else if (filter.kind === 'text') {
			value = readText(ctx, filter.parameter, filter.label) || undefined;
		} else {
			const date = readDateTime(ctx, filter.parameter, filter.label);
			value =
				filter.kind === 'date'
					? (date?.toISODate() ?? undefined)
					: (date?.toUTC().toISO() ?? undefined);
		}
		if (value !== undefined) qs[filter.query] = value;
	}
	return qs;
}
