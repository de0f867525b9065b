import type { IDataObject, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { providerRequest } from '../../shared/providerRequest';
import { evoVoiceErrors } from './errors';

/** An authenticated GET outside the declarative engine (list searches, dropdowns, the polling trigger). */
export async function evoVoiceGet(
	this: ILoadOptionsFunctions | IPollFunctions,
	url: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const body = await providerRequest(this, evoVoiceErrors, {
		credentialType: 'evoVoiceMessagingApi',
		method: 'GET',
		url,
		qs,
	});
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}
