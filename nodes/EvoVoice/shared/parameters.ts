import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { readDateTime, readText, readTextList } from '../../shared/validation';
import type { QueryFilter } from './descriptions';

/** Comma-joins a list for a ServiceStack query string (`accountIds=a,b`), as the vendor's CLI sends it. */
export function joinIds(ids: string[]): string | undefined {
	return ids.length > 0 ? ids.join(',') : undefined;
}

/**
 * Reads the filters the user set in `collection` and writes them on the query string under their field's
 * name: ID lists comma-joined, dates as ISO 8601 in UTC (`date`: YYYY-MM-DD in the workflow's time zone),
 * empty ones left out. Errors name the field by its display name.
 */
export function readQueryFilters(
	ctx: IExecuteSingleFunctions,
	collection: string,
	filters: QueryFilter[],
): IDataObject {
	const qs: IDataObject = {};
	for (const { kind, property } of filters) {
		const parameter = `${collection}.${property.name}`;
		const label = property.displayName;
		let value: string | boolean | undefined;
		if (kind === 'ids') {
			value = joinIds(readTextList(ctx, parameter, label));
		} else if (kind === 'boolean') {
			const raw = ctx.getNodeParameter(parameter, '') as unknown;
			value = typeof raw === 'boolean' ? raw : undefined;
		} else if (kind === 'text') {
			value = readText(ctx, parameter, label) || undefined;
		} else {
			const date = readDateTime(ctx, parameter, label);
			value =
				kind === 'date' ? (date?.toISODate() ?? undefined) : (date?.toUTC().toISO() ?? undefined);
		}
		if (value !== undefined) qs[property.name] = value;
	}
	return qs;
}
