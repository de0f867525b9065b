import { NetSapiensApi, passwordGrantBody } from '../../../credentials/NetSapiensApi.credentials';
import { CREDENTIAL_TEST, credentialTestOf } from '../../shared/credentialTest';
import { netSapiensErrors } from './errors';

/** API key: GET /apikeys/~ (the key's own scope). Password: the token request itself. */
export const netSapiensCredentialTest = {
	[CREDENTIAL_TEST]: credentialTestOf({
		errors: netSapiensErrors,
		credential: new NetSapiensApi(),
		request: (credentials) =>
			credentials.authentication === 'password'
				? { method: 'POST', url: '/tokens', body: passwordGrantBody(credentials) }
				: { method: 'GET', url: '/apikeys/~' },
	}),
};
