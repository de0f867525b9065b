import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { UnexpectedAnswerError } from '../../shared/operation';
import { iSlashErrors } from './errors';
import { CREDENTIAL_TYPE, sessionKeyForListing } from './session';

/**
 * An authenticated call for list searches, with the node's (or the credential's) session key. A
 * non-OK meta.code is thrown with iSlash's own message, as the node's operations do.
 */
export async function iSlashListingRequest(
	ctx: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	url: string,
	sessionIn: 'qs' | 'body',
): Promise<IDataObject> {
	const session = await sessionKeyForListing(ctx);
	const options: IHttpRequestOptions = {
		method,
		url,
		json: true,
		...(sessionIn === 'qs' ? { qs: { session } } : { body: { session } }),
	};
	const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as IDataObject;
	const failure = iSlashErrors.failureIn2xx?.(answer);
	if (failure !== undefined) {
		throw new NodeApiError(ctx.getNode(), answer as JsonObject, {
			message: failure,
			description: iSlashErrors.readDetail?.(answer),
		});
	}
	return answer;
}

/**
 * `data[key]` of an iSlash answer as a list of objects (`null` there is an empty list). An answer without
 * that list is not read as "no rows": it throws, saying what was expected.
 */
export function dataList(body: unknown, key: string): IDataObject[] {
	const data = body && typeof body === 'object' ? (body as IDataObject).data : undefined;
	const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject)[key] : undefined;
	if (list === null) return [];
	if (!Array.isArray(list)) {
		throw new UnexpectedAnswerError(`iSlash answered without the list of ${key} it documents (data.${key})`);
	}
	return list as IDataObject[];
}
