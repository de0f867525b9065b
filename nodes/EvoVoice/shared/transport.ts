import type {
	IDataObject,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { providerRequest } from '../../shared/providerRequest';
import { evoVoiceErrors } from './errors';

/** An authenticated request outside the declarative engine (list searches, dropdowns, the polling trigger). */
export async function evoVoiceRequest(
	this: ILoadOptionsFunctions | IPollFunctions,
	method: IHttpRequestMethods,
	url: string,
	{ qs = {}, body }: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const answer = await providerRequest(this, evoVoiceErrors, {
		credentialType: 'evoVoiceMessagingApi',
		method,
		url,
		qs,
		body,
	});
	return answer && typeof answer === 'object' && !Array.isArray(answer)
		? (answer as IDataObject)
		: {};
}
