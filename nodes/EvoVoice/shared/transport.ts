import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

/** A GET for dropdowns and list searches (the credential supplies auth and base URL). */
export async function evoVoiceGet(
	this: ILoadOptionsFunctions,
	url: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const options: IHttpRequestOptions = { method: 'GET', url, qs, json: true };
	return (await this.helpers.httpRequestWithAuthentication.call(this, 'evoVoiceApi', options)) as IDataObject;
}
