import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { netSapiensErrors } from '../nodes/NetSapiens/shared/errors';
import { redirectTarget, redirectTestRules } from '../nodes/shared/errors';
import { plainHttpNotice, trimTrailingSlashes, urlFieldText } from '../nodes/shared/url';
import {
	legacyTokenUrl,
	requestLegacyToken,
	v2TokenRouteMissing,
	type TokenAnswer,
} from '../nodes/NetSapiens/shared/legacyToken';

/** The API's base URL: the full override when given, else https://{server}/ns-api/v2. */
export function netSapiensBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = urlFieldText(credentials.baseUrl, 'Base URL Override', 'NetSapiens');
	if (override !== '') return trimTrailingSlashes(override);
	// A pasted URL ("https://host/ns-api/v2") still means its host.
	const server = urlFieldText(credentials.server, 'Server', 'NetSapiens').replace(
		/^https?:\/\//i,
		'',
	);
	const slash = server.indexOf('/');
	const host = slash === -1 ? server : server.slice(0, slash);
	if (host === '')
		throw new Error('NetSapiens credential: Server is empty; enter the API host or a base URL');
	return `https://${host}/ns-api/v2`;
}

const TOKEN_PATH = '/tokens';

/**
 * Token requests in flight, by credential identity. Items run concurrently and every request calls
 * preAuthentication while the stored token is empty or after a 401, so without this a 20-item run
 * would fetch 20 tokens. The entry is dropped once the request settles: it shares one request, it
 * does not cache a token (n8n stores the token in the credential).
 */
const tokenRequests = new Map<string, Promise<IDataObject>>();

export function credentialIdentity(
	credentials: ICredentialDataDecryptedObject,
	baseUrl = netSapiensBaseUrl(credentials),
): string {
	// Hashed so no secret is kept as a plain map key.
	return createHash('sha256')
		.update(
			JSON.stringify([
				baseUrl,
				credentials.clientId,
				credentials.clientSecret,
				credentials.username,
				credentials.password,
			]),
		)
		.digest('hex');
}

/** The documented body of the password-grant token request (POST /tokens). */
function passwordGrantBody(credentials: ICredentialDataDecryptedObject): IDataObject {
	return {
		grant_type: 'password',
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret,
		username: credentials.username,
		password: credentials.password,
	};
}

/** The password grant at the legacy endpoint, for a core without the v2 route (see legacyToken.ts). */
async function requestLegacyTokenOrExplain(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
): Promise<TokenAnswer> {
	try {
		return await requestLegacyToken(helper, passwordGrantBody(credentials), baseUrl);
	} catch (error) {
		// Rebuilt from the code alone: the transport error holds the request body, with the password.
		const code = (error as { code?: string }).code;
		throw new Error(
			`NetSapiens legacy token request failed${code ? ` (${code})` : ''}: no answer from ${legacyTokenUrl(baseUrl)}`,
		);
	}
}

async function requestToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
): Promise<IDataObject> {
	let response: { statusCode: number; body: unknown; headers?: IDataObject };
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}${TOKEN_PATH}`,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: passwordGrantBody(credentials),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A followed 307/308 would re-post the client secret and password to wherever it points.
			disableFollowRedirect: true,
		})) as { statusCode: number; body: unknown; headers?: IDataObject };
	} catch (error) {
		// Rebuilt from the code alone: the transport error holds the request body, with the password.
		const code = (error as { code?: string }).code;
		throw new Error(
			`NetSapiens token request failed${code ? ` (${code})` : ''}: no answer from ${baseUrl}`,
		);
	}
	if (v2TokenRouteMissing(response)) {
		response = await requestLegacyTokenOrExplain(helper, credentials, baseUrl);
	}
	if (response.statusCode >= 300 && response.statusCode < 400) {
		throw new Error(
			`NetSapiens answered the token request with a redirect to ${redirectTarget(response.headers) ?? '(no Location)'} — check the Server or Base URL Override`,
		);
	}
	if (response.statusCode >= 400) {
		const message = netSapiensErrors.readMessage(response.body);
		throw new Error(
			`NetSapiens refused the token request (HTTP ${response.statusCode})${message ? `: ${message}` : ''}`,
		);
	}
	const token = (response.body as IDataObject | undefined)?.access_token;
	if (typeof token !== 'string' || token === '') {
		throw new Error('NetSapiens answered the token request without an access_token');
	}
	return { accessToken: token, tokenIdentity: credentialIdentity(credentials, baseUrl) };
}

/** The stored token, if it was issued for the credential's current server, client and login. */
function currentToken(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = credentials.accessToken;
	if (typeof token !== 'string' || token === '') return undefined;
	return credentials.tokenIdentity ===
		credentialIdentity(credentials, netSapiensBaseUrl(credentials))
		? token
		: undefined;
}

export class NetSapiensMessagingApi implements ICredentialType {
	name = 'netSapiensMessagingApi';

	displayName = 'NetSapiens Messaging API';

	icon: Icon = {
		light: 'file:../nodes/NetSapiens/netSapiens.svg',
		dark: 'file:../nodes/NetSapiens/netSapiens.dark.svg',
	};

	documentationUrl = 'https://github.com/session-messaging/n8n-nodes-session-messaging#netsapiens';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'string',
			default: '',
			placeholder: 'api.example-pbx.com',
			hint: 'Fill in Server, or Base URL Override when your host serves the API elsewhere',
			description:
				'Host name of your NetSapiens API server (the host of your PBX portal, e.g. a Crexendo cloud host). The API is at https://{server}/ns-api/v2.',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.example-pbx.com/ns-api/v2',
			description:
				'Full API base URL, for hosts that serve ns-api v2 elsewhere; when set, Server is ignored',
		},
		plainHttpNotice('baseUrl'),
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'apiKey' },
				{ name: 'Username and Password', value: 'password' },
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['apiKey'] } },
			description:
				'A 60-character ns-api v2 key (nsu_, nsd_, nsr_ or nss_ prefix), created in the portal',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
			description:
				'ns-api v2 issues tokens to an API client for a login: its password grant sends the client ID and secret along with the username and password',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: '1000@example',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
			description: 'The portal login, often user@domain',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			// Filled by preAuthentication; n8n empties nothing itself but calls it again after a 401.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// Which server, client and login the stored token belongs to: after any of them is edited the
			// old token is not sent (the API answers 401 and n8n fetches one for the new login).
			displayName: 'Token Identity',
			name: 'tokenIdentity',
			type: 'hidden',
			default: '',
		},
	];

	/** Password grant: one token for every item and run until the API answers 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		// API keys need no token; an output without accessToken makes n8n store nothing.
		if (credentials.authentication !== 'password') return {};
		const baseUrl = netSapiensBaseUrl(credentials);
		const identity = credentialIdentity(credentials, baseUrl);
		let pending = tokenRequests.get(identity);
		if (!pending) {
			pending = requestToken(this, credentials, baseUrl).finally(() =>
				tokenRequests.delete(identity),
			);
			tokenRequests.set(identity, pending);
		}
		return await pending;
	}

	/**
	 * Bearer auth and the base URL in plain JS (CONTRIBUTING.md › Why: per-item expressions). The token
	 * request itself carries no Authorization header.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const bearer =
			credentials.authentication === 'password' ? currentToken(credentials) : credentials.apiKey;
		if (requestOptions.url !== TOKEN_PATH && typeof bearer === 'string' && bearer !== '') {
			requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${bearer}` };
		}
		if (!requestOptions.baseURL && !/^https?:\/\//i.test(requestOptions.url)) {
			requestOptions.baseURL = netSapiensBaseUrl(credentials);
		}
		return requestOptions;
	}

	/**
	 * API key: GET /apikeys/~, the key's own scope. Username and password: the token request
	 * (preAuthentication) is the test, then GET /version, which needs nothing more, proves the host answers.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '={{ $credentials.authentication === "password" ? "/version" : "/apikeys/~" }}',
			disableFollowRedirect: true, // see failedAnswer (nodes/shared/errors.ts)
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'NetSapiens refused the API key (HTTP 401)' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'NetSapiens refused this API key access (HTTP 403): check that it is enabled and not limited to other models',
				},
			},
			...redirectTestRules('NetSapiens'),
		],
	};
}
