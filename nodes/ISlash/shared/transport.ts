import type { IDataObject, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';
import { UnexpectedAnswerError } from '../../shared/operation';
import { providerRequest } from '../../shared/providerRequest';
import { iSlashErrors } from './errors';
import { CREDENTIAL_TYPE, sessionKeyForListing } from './session';

/** An authenticated call for list searches, with the node's (or the credential's) session key. */
export async function iSlashListingRequest(
	ctx: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	url: string,
	sessionIn: 'qs' | 'body',
): Promise<IDataObject> {
	const session = await sessionKeyForListing(ctx);
	const where = sessionIn === 'qs' ? { qs: { session } } : { body: { session } };
	return (await providerRequest(ctx, iSlashErrors, {
		credentialType: CREDENTIAL_TYPE,
		method,
		url,
		...where,
	})) as IDataObject;
}

/**
 * `data[key]` of an iSlash answer as a list of objects (`null` there is an empty list). An answer without
 * that list is not read as "no rows": it throws, saying what was expected.
 */
export function dataList(body: unknown, key: string): IDataObject[] {
	const data = body && typeof body === 'object' ? (body as IDataObject).data : undefined;
	const list =
		data && typeof data === 'object' && !Array.isArray(data)
			? (data as IDataObject)[key]
			: undefined;
	if (list === null) return [];
	if (!Array.isArray(list)) {
		throw new UnexpectedAnswerError(
			`iSlash answered without the list of ${key} it documents (data.${key})`,
		);
	}
	return list as IDataObject[];
}
