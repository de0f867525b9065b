import type { IDataObject, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';
import { providerRequest } from '../../shared/providerRequest';
import { iSlashErrors } from './errors';
import { CREDENTIAL_TYPE, sessionKeyForListing } from './session';

/**
 * An authenticated request outside the declarative engine (list searches), with the node's (or the
 * credential's) session key: in the query of a GET, in the body of any other method.
 */
export async function iSlashRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	url: string,
	{ qs, body }: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const session = await sessionKeyForListing(this);
	const where =
		method === 'GET' ? { qs: { ...qs, session }, body } : { qs, body: { ...body, session } };
	return (await providerRequest(this, iSlashErrors, {
		credentialType: CREDENTIAL_TYPE,
		method,
		url,
		...where,
	})) as IDataObject;
}
