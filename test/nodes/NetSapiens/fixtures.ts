import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { NetSapiensApi } from '../../../credentials/NetSapiensApi.credentials';
import { NetSapiens } from '../../../nodes/NetSapiens/NetSapiens.node';
import { runNode, type RunOptions } from '../../harness/engine';

export const HOST = 'https://pbx.test';
export const BASE = `${HOST}/ns-api/v2`;
export const API_KEY = 'nsd_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV';
export const BEARER = `Bearer ${API_KEY}`;

export const apiKeyCredentials: ICredentialDataDecryptedObject = {
	server: 'pbx.test',
	authentication: 'apiKey',
	apiKey: API_KEY,
};

export const PASSWORD = 'pbx-user-password-42';
export const CLIENT_SECRET = 'client-secret-9876';

export const passwordCredentials: ICredentialDataDecryptedObject = {
	server: 'pbx.test',
	authentication: 'password',
	clientId: 'n8n-client',
	clientSecret: CLIENT_SECRET,
	username: '1000@example',
	password: PASSWORD,
};

/** The password-grant body the credential must send to POST /tokens. */
export const TOKEN_REQUEST = {
	grant_type: 'password',
	client_id: 'n8n-client',
	client_secret: CLIENT_SECRET,
	username: '1000@example',
	password: PASSWORD,
};

export function tokenAnswer(token: string) {
	return {
		access_token: token,
		expires_in: 3600,
		token_type: 'Bearer',
		refresh_token: 'refresh-xyz',
		domain: 'example',
		user: '1000',
		scope: 'Basic User',
	};
}

export const ACCEPTED = { code: 202, message: 'Accepted' };

/** Runs the NetSapiens node with an API-key credential unless told otherwise. */
export async function runNetSapiens(
	parameters: INodeParameters,
	options: Omit<RunOptions, 'nodeType' | 'parameters'> = {},
) {
	return await runNode({
		nodeType: new NetSapiens(),
		credentialTypes: [new NetSapiensApi()],
		credentials: options.credentialsHelper ? undefined : { netSapiensApi: apiKeyCredentials },
		parameters,
		...options,
	});
}

/** A resource-locator value typed by ID. */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}
