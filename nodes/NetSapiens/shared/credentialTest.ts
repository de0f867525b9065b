import { NetSapiensApi, passwordGrantBody } from '../../../credentials/NetSapiensApi.credentials';
import { CREDENTIAL_TEST, credentialTestOf } from '../../shared/credentialTest';
import { netSapiensErrors } from './errors';

const credential = new NetSapiensApi();

/** API key: GET /apikeys/~ (the key's own scope). Password: the token request itself. */
export const netSapiensCredentialTest = {
	[CREDENTIAL_TEST]: credentialTestOf({
		errors: netSapiensErrors,
		request: (credentials) =>
			credentials.authentication === 'password'
				? { method: 'POST', url: '/tokens', body: passwordGrantBody(credentials) }
				: { method: 'GET', url: '/apikeys/~' },
		authenticate: async (credentials, request) => await credential.authenticate(credentials, request),
	}),
};
