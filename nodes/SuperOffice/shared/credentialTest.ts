import { SuperOfficeApi } from '../../../credentials/SuperOfficeApi.credentials';
import { CREDENTIAL_TEST, credentialTestOf } from '../../shared/credentialTest';
import { superOfficeErrors } from './errors';

/** GET /api/v1/User/currentPrincipal: who the credential signs in as. */
export const superOfficeCredentialTest = {
	[CREDENTIAL_TEST]: credentialTestOf({
		errors: superOfficeErrors,
		credential: new SuperOfficeApi(),
		request: () => ({ method: 'GET', url: '/api/v1/User/currentPrincipal' }),
	}),
};
