import { createHmac } from 'crypto';
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialType, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { SuperOfficeMessagingApi } from '../../../credentials/SuperOfficeMessagingApi.credentials';
import { SuperOfficeMessagingOAuth2Api } from '../../../credentials/SuperOfficeMessagingOAuth2Api.credentials';
import { SuperOffice } from '../../../nodes/SuperOffice/SuperOffice.node';
import {
	buildAdditionalData,
	credentialsHelperFor,
	nodeTypesFor,
	runNode,
	type RunOptions,
} from '../../harness/engine';

export const HOST = 'https://sod.superoffice.com';

/** X-SuperOffice-Signature as SuperOffice computes it: base64(HMAC-SHA256(secret, raw body bytes)). */
export const superOfficeSignature = (raw: string, secret: string) =>
	createHmac('sha256', secret).update(Buffer.from(raw)).digest('base64');
export const TENANT = 'Cust12345';
export const BASE = `${HOST}/${TENANT}`;

export const ACCESS_TOKEN = '8A:Cust12345.access-token-abc123';
export const TICKET = '7T:system-user-ticket-xyz789';
export const APP_TOKEN = 'app-token-f2398a3a7wer3759d4b220';
export const USER = 'agent';
export const PASSWORD = 'so-secret-password-123';
export const OAUTH_ACCESS_TOKEN = 'oauth-access-token-4711';

const online = { connection: 'online', environment: 'sod', tenant: TENANT };

export const bearerCredentials = {
	superOfficeMessagingApi: { ...online, authType: 'bearer', accessToken: ACCESS_TOKEN },
};
export const ticketCredentials = {
	superOfficeMessagingApi: {
		...online,
		authType: 'soTicket',
		ticketSecret: TICKET,
		appToken: APP_TOKEN,
		language: 'en',
		culture: 'nb',
		timeZone: 'UTC',
	},
};
export const basicCredentials = {
	superOfficeMessagingApi: {
		connection: 'custom',
		baseUrl: 'https://crm.example.com/SuperOffice/api/v1/',
		authType: 'basic',
		username: USER,
		password: PASSWORD,
	},
};

/**
 * The OAuth2 credential as n8n stores it after the consent: its own fields plus the token data. The
 * oAuth2Api parent's fields n8n-core reads (clientId, clientSecret, accessTokenUrl, authentication)
 * are given here, where n8n's server would fill them from the parent type and resolve `$self`.
 */
export function oAuth2Credentials(extra: ICredentialDataDecryptedObject = {}) {
	return {
		superOfficeMessagingOAuth2Api: {
			environment: 'sod',
			tenant: TENANT,
			clientId: 'client-id-1',
			clientSecret: 'client-secret-1',
			accessTokenUrl: `${HOST}/login/common/oauth/tokens`,
			grantType: 'authorizationCode',
			authentication: 'body',
			oauthTokenData: {
				access_token: OAUTH_ACCESS_TOKEN,
				token_type: 'Bearer',
				refresh_token: 'refresh-1',
				expires_in: 3600,
			},
			...extra,
		},
	};
}

export const BEARER = `Bearer ${ACCESS_TOKEN}`;
export const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

export const credentialTypes: ICredentialType[] = [
	new SuperOfficeMessagingApi(),
	new SuperOfficeMessagingOAuth2Api(),
];

/** Runs the SuperOffice node; the Bearer-token credential unless others are given. */
export async function runSuperOffice(options: Omit<RunOptions, 'nodeType'>) {
	const oauth = options.credentials && 'superOfficeMessagingOAuth2Api' in options.credentials;
	return await runNode({
		nodeType: new SuperOffice(),
		credentialTypes,
		credentials: bearerCredentials,
		...options,
		parameters: {
			authentication: oauth ? 'superOfficeMessagingOAuth2Api' : 'superOfficeMessagingApi',
			...options.parameters,
		},
	});
}

/** A resource-locator value given by ID, as an expression from a trigger would give it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });

/** SuperOffice's answer to GET /api/v1/User/currentPrincipal, the credential test's request. */
export const principal = { Associate: 'AGENT', AssociateId: 5, Database: 'Cust12345' };

/** A chat session as SuperOffice answers it. */
export const session = (id: number) => ({
	ChatSessionId: id,
	TopicId: 3,
	CustomerName: 'Ada Lovelace',
	CustomerEmail: 'ada@example.com',
	Status: 'Active',
	FirstMessage: 'Hi',
	LastMessage: 'Thanks',
	WhenRequested: '2026-11-22T09:00:00Z',
});

/** Matches a request that carries no body at all. */
export const isEmpty = (body: unknown) =>
	body === '' ||
	body === undefined ||
	(typeof body === 'object' && body !== null && Object.keys(body).length === 0);

/** The context n8n's editor gives a list search: the node with its saved parameters and credential. */
export function loadOptionsContext(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	authentication: string,
) {
	const nodeType = new SuperOffice();
	const { nodeTypes, typeName } = nodeTypesFor(nodeType);
	const node: INode = {
		id: 'so',
		name: 'SuperOffice',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication, resource: 'chatMessage', operation: 'send' },
		credentials: Object.fromEntries(
			Object.keys(credentials).map((type) => [type, { id: `${type}-id`, name: type }]),
		),
	};
	const workflow = new Workflow({
		id: 'w',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const helper = credentialsHelperFor(credentialTypes, credentials);
	return new LoadOptionsContext(
		workflow,
		node,
		buildAdditionalData(workflow, 'load-options', helper),
		'parameters.chatSessionId',
	);
}
