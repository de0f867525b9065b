import type { IDataObject } from 'n8n-workflow';
import { EvoVoiceApi } from '../../../credentials/EvoVoiceApi.credentials';
import { CREDENTIAL_TEST, credentialTestOf } from '../../shared/credentialTest';
import { evoVoiceErrors } from './errors';

/**
 * GET /auth/status answers the login's user info. ServiceStack's metadata calls it "the current
 * authenticated status or null", so an answer saying `isAuthenticated: false` fails the test too.
 */
export const evoVoiceCredentialTest = {
	[CREDENTIAL_TEST]: credentialTestOf({
		errors: evoVoiceErrors,
		credential: new EvoVoiceApi(),
		request: () => ({
			method: 'GET',
			url: '/auth/status',
			headers: { Accept: 'application/json' },
		}),
		refusal: (body) =>
			(body as IDataObject | undefined)?.isAuthenticated === false
				? 'EvoVoice did not sign this user in: check the user name and password'
				: undefined,
	}),
};
