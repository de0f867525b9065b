import type { IDataObject } from 'n8n-workflow';
import { ISlashApi } from '../../../credentials/ISlashApi.credentials';
import { CREDENTIAL_TEST, credentialTestOf } from '../../shared/credentialTest';
import { iSlashErrors } from './errors';

/**
 * No iSlash call proves a token alone: the cheapest one that needs token, host and session key together
 * is the channel's sticker list, and only an answer that holds it passes.
 */
export const iSlashCredentialTest = {
	[CREDENTIAL_TEST]: credentialTestOf({
		errors: iSlashErrors,
		credential: new ISlashApi(),
		request: (credentials) => ({
			method: 'GET',
			url: '/sticker',
			qs: { session: String(credentials.defaultSession ?? '') },
		}),
		refusal: (body) =>
			Array.isArray(((body as IDataObject | undefined)?.data as IDataObject | undefined)?.stickers)
				? undefined
				: 'iSlash did not answer with the channel’s sticker list: check the API host, the user token and the session key',
	}),
};
