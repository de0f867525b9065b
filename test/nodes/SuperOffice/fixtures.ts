import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';
import { SuperOfficeApi } from '../../../credentials/SuperOfficeApi.credentials';
import { SuperOfficeOAuth2Api } from '../../../credentials/SuperOfficeOAuth2Api.credentials';
import { SuperOffice } from '../../../nodes/SuperOffice/SuperOffice.node';
import { runNode, type RunOptions } from '../../harness/engine';

export const HOST = 'https://sod.superoffice.com';
export const TENANT = 'Cust12345';
export const BASE = `${HOST}/${TENANT}`;

export const ACCESS_TOKEN = '8A:Cust12345.access-token-abc123';
export const TICKET = '7T:system-user-ticket-xyz789';
export const APP_TOKEN = 'app-token-f2398a3a7wer3759d4b220';
export const USER = 'agent';
export const PASSWORD = 'so-secret-password-123';
export const OAUTH_ACCESS_TOKEN = 'oauth-access-token-4711';

const online = { connection: 'online', environment: 'sod', tenant: TENANT };

export const bearerCredentials = { superOfficeApi: { ...online, authType: 'bearer', accessToken: ACCESS_TOKEN } };
export const ticketCredentials = {
	superOfficeApi: { ...online, authType: 'soTicket', ticketSecret: TICKET, appToken: APP_TOKEN, language: 'en', culture: 'nb', timeZone: 'UTC' },
};
export const basicCredentials = {
	superOfficeApi: { connection: 'custom', baseUrl: 'https://crm.example.com/SuperOffice/api/v1/', authType: 'basic', username: USER, password: PASSWORD },
};

/**
 * The OAuth2 credential as n8n stores it after the consent: its own fields plus the token data. The
 * oAuth2Api parent's fields n8n-core reads (clientId, clientSecret, accessTokenUrl, authentication)
 * are given here, where n8n's server would fill them from the parent type and resolve `$self`.
 */
export function oAuth2Credentials(extra: ICredentialDataDecryptedObject = {}) {
	return {
		superOfficeOAuth2Api: {
			environment: 'sod',
			tenant: TENANT,
			clientId: 'client-id-1',
			clientSecret: 'client-secret-1',
			accessTokenUrl: `${HOST}/login/common/oauth/tokens`,
			grantType: 'authorizationCode',
			authentication: 'body',
			oauthTokenData: { access_token: OAUTH_ACCESS_TOKEN, token_type: 'Bearer', refresh_token: 'refresh-1', expires_in: 3600 },
			...extra,
		},
	};
}

export const BEARER = `Bearer ${ACCESS_TOKEN}`;
export const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

export const credentialTypes: ICredentialType[] = [new SuperOfficeApi(), new SuperOfficeOAuth2Api()];

/** Runs the SuperOffice node; the Bearer-token credential unless others are given. */
export async function runSuperOffice(options: Omit<RunOptions, 'nodeType'>) {
	const oauth = options.credentials && 'superOfficeOAuth2Api' in options.credentials;
	return await runNode({
		nodeType: new SuperOffice(),
		credentialTypes,
		credentials: bearerCredentials,
		...options,
		parameters: { authentication: oauth ? 'superOfficeOAuth2Api' : 'superOfficeApi', ...options.parameters },
	});
}

/** A resource-locator value given by ID, as an expression from a trigger would give it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });
