import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import nock from 'nock';
import { NetSapiensMessagingApi } from '../../../credentials/NetSapiensMessagingApi.credentials';
import { NetSapiens } from '../../../nodes/NetSapiens/NetSapiens.node';
import {
	buildAdditionalData,
	credentialsHelperFor,
	nodeTypesFor,
	runNode,
	type RunOptions,
} from '../../harness/engine';

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

/** Runs the NetSapiens node with an API-key credential unless a credentials helper is given. */
export async function runNetSapiens(options: Omit<RunOptions, 'nodeType'>) {
	return await runNode({
		nodeType: new NetSapiens(),
		credentialTypes: [new NetSapiensMessagingApi()],
		credentials: options.credentialsHelper
			? undefined
			: { netSapiensMessagingApi: apiKeyCredentials },
		...options,
	});
}

/** A resource-locator value typed by ID. */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}

/** The message session the Message Session operations address, and its path for the token's own user. */
export const SESSION = 'c3529b7ce79a86018d006462fa70fcea';
export const SESSION_PATH = `/domains/~/users/~/messagesessions/${SESSION}`;

/** A message session as ns-api v2 answers it. */
export const session = (id: string) => ({
	user: '2500',
	domain: 'portal',
	'messagesession-id': id,
	'messagesession-remote': '1123@portal,1004@portal',
	'messagesession-name': 'Team',
});

/** A nock scope on the API that expects the API key's Bearer header. */
export function api() {
	return nock(BASE, { reqheaders: { authorization: BEARER } });
}

/** Matches a request that carries no body at all. */
export const noBody = (body: unknown) =>
	body === undefined ||
	body === '' ||
	(typeof body === 'object' && body !== null && Object.keys(body).length === 0);

/** The context n8n builds when the editor opens a resource locator's list. */
export function loadOptions(parameters: INodeParameters) {
	const { nodeTypes, typeName } = nodeTypesFor(new NetSapiens());
	const node = {
		id: 'n1',
		name: 'NetSapiens',
		type: typeName,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
		credentials: { netSapiensMessagingApi: { id: 'c1', name: 'NetSapiens' } },
	};
	const workflow = new Workflow({
		id: 'w',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const helper = credentialsHelperFor([new NetSapiensMessagingApi()], {
		netSapiensMessagingApi: apiKeyCredentials,
	});
	const additionalData = buildAdditionalData(workflow, 'load-options', helper, {
		currentNodeParameters: parameters,
	});
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.fromNumber');
}
