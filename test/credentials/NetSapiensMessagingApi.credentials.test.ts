import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import {
	credentialIdentity,
	NetSapiensMessagingApi,
} from '../../credentials/NetSapiensMessagingApi.credentials';
import { NetSapiens } from '../../nodes/NetSapiens/NetSapiens.node';
import { NetSapiensTrigger } from '../../nodes/NetSapiens/NetSapiensTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { credentialsHelperFor } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';
import {
	ACCEPTED,
	API_KEY,
	apiKeyCredentials,
	BASE,
	CLIENT_SECRET,
	PASSWORD,
	passwordCredentials,
	runNetSapiens,
	SESSION,
	TOKEN_REQUEST,
	tokenAnswer,
} from '../nodes/NetSapiens/fixtures';
import { takeRecorded } from '../conformance/recorder';
import { checkRequest } from '../conformance/specs';

const network = guardNetwork();

const SMS_NUMBERS = '/domains/~/users/~/smsnumbers';
const twentyItems = Array.from({ length: 20 }, (_, i) => ({ json: { i } }));
const listNumbers = { resource: 'smsNumber', operation: 'getAll', returnAll: true };

function passwordHelper(extra: Record<string, string> = {}) {
	return credentialsHelperFor([new NetSapiensMessagingApi()], {
		netSapiensMessagingApi: { ...passwordCredentials, ...extra },
	});
}

/** A token endpoint that counts the requests it answers. */
function tokenEndpoint(token: string, times = 1) {
	const calls = { count: 0 };
	const scope = nock(BASE, { badheaders: ['authorization'] })
		.post('/tokens', TOKEN_REQUEST)
		.times(times)
		.reply(200, () => {
			calls.count++;
			return tokenAnswer(token);
		});
	return { scope, calls };
}

describe('NetSapiens Messaging API credential', () => {
	describe('password grant', () => {
		it('a 20-item run starting with no token makes exactly one token request', async () => {
			const token = tokenEndpoint('tok-1', 20);
			const api = nock(BASE, { reqheaders: { authorization: 'Bearer tok-1' } })
				.get(SMS_NUMBERS)
				.times(20)
				.reply(200, []);
			const credentialsHelper = passwordHelper();

			const result = await runNetSapiens({
				parameters: listNumbers,
				credentialsHelper,
				items: twentyItems,
			});

			expect(result.error).toBeUndefined();
			expect(token.calls.count).toBe(1);
			api.done();
			// Several items did ask for a token at once (n8n calls preAuthentication per request; 10 with
			// the default of 10 requests in flight)…
			expect(
				credentialsHelper.preAuthenticationCalls.get('netSapiensMessagingApi'),
			).toBeGreaterThan(1);
			// …and the one token is what n8n stores in the credential, marked with the login it is for.
			expect(credentialsHelper.store.get('netSapiensMessagingApi')).toMatchObject({
				accessToken: 'tok-1',
				tokenIdentity: credentialIdentity(passwordCredentials),
			});
		});

		it('the next run reuses the stored token: no token request', async () => {
			const credentialsHelper = passwordHelper();
			tokenEndpoint('tok-1');
			nock(BASE).get(SMS_NUMBERS).once().reply(200, []);
			await runNetSapiens({ parameters: listNumbers, credentialsHelper });
			const callsAfterFirstRun =
				credentialsHelper.preAuthenticationCalls.get('netSapiensMessagingApi');

			const api = nock(BASE, { reqheaders: { authorization: 'Bearer tok-1' } })
				.get(SMS_NUMBERS)
				.twice()
				.reply(200, []);
			const second = await runNetSapiens({
				parameters: listNumbers,
				credentialsHelper,
				items: [{ json: {} }, { json: {} }],
			});

			expect(second.error).toBeUndefined();
			api.done();
			expect(credentialsHelper.preAuthenticationCalls.get('netSapiensMessagingApi')).toBe(
				callsAfterFirstRun,
			);
			expect(network.unexpected).toEqual([]);
		});

		it('a 401 mid-run fetches one new token and retries that request once', async () => {
			const credentialsHelper = passwordHelper({
				accessToken: 'expired-token',
				tokenIdentity: credentialIdentity(passwordCredentials),
			});
			const session = `/domains/~/users/~/messagesessions/${SESSION}/messages`;
			const body = { type: 'chat', message: 'Hi', destination: '1123' };
			const old = nock(BASE, { reqheaders: { authorization: 'Bearer expired-token' } })
				.post(session, body)
				.reply(202, ACCEPTED)
				.post(session, body)
				.reply(401, { code: 401, message: 'Authentication Required' });
			const token = tokenEndpoint('tok-2');
			const fresh = nock(BASE, { reqheaders: { authorization: 'Bearer tok-2' } })
				.post(session, body)
				.twice()
				.reply(202, ACCEPTED);

			const result = await runNetSapiens({
				parameters: {
					resource: 'message',
					operation: 'send',
					messagesession: { __rl: true, mode: 'id', value: SESSION },
					messageType: 'chat',
					destination: '1123',
					message: 'Hi',
					// One request at a time, so the 401 lands on the second item, mid-run.
					requestOptions: { maxInFlight: 1 },
				},
				credentialsHelper,
				items: [{ json: {} }, { json: {} }, { json: {} }],
			});

			expect(result.error).toBeUndefined();
			expect(result.main.map((item) => item.json.code)).toEqual([202, 202, 202]);
			old.done();
			fresh.done();
			expect(token.calls.count).toBe(1);
			expect(credentialsHelper.preAuthenticationCalls.get('netSapiensMessagingApi')).toBe(1);
			expect(network.unexpected).toEqual([]);
		});

		it('a token stored for another login is not sent: the 401 fetches one for the current login', async () => {
			const credentialsHelper = passwordHelper({
				accessToken: 'previous-users-token',
				tokenIdentity: 'another login',
			});
			const anonymous = nock(BASE, { badheaders: ['authorization'] })
				.get(SMS_NUMBERS)
				.reply(401, { code: 401, message: 'Authentication Required' });
			const token = tokenEndpoint('tok-4');
			const fresh = nock(BASE, { reqheaders: { authorization: 'Bearer tok-4' } })
				.get(SMS_NUMBERS)
				.reply(200, []);

			const result = await runNetSapiens({ parameters: listNumbers, credentialsHelper });

			expect(result.error).toBeUndefined();
			anonymous.done();
			fresh.done();
			expect(token.calls.count).toBe(1);
			expect(JSON.stringify(result.run)).not.toContain('previous-users-token');
			// The one request the spec's Bearer scheme does not cover, on purpose: sent without a token it is
			// answered 401, the only way to make n8n fetch one for the current login.
			const [unauthenticated, ...rest] = takeRecorded();
			expect(checkRequest(unauthenticated)).toEqual([
				expect.stringMatching(/authorization \(none\) is not one of the spec's schemes: bearer$/),
			]);
			expect(rest.flatMap(checkRequest)).toEqual([]);
		});

		it('a 401 that survives the new token is reported, not retried again', async () => {
			const credentialsHelper = passwordHelper({
				accessToken: 'expired-token',
				tokenIdentity: credentialIdentity(passwordCredentials),
			});
			nock(BASE).get(SMS_NUMBERS).reply(401, { code: 401, message: 'Authentication Required' });
			const token = tokenEndpoint('tok-3');
			nock(BASE, { reqheaders: { authorization: 'Bearer tok-3' } })
				.get(SMS_NUMBERS)
				.once()
				.reply(401, { code: 401, message: 'User is locked' });

			const result = await runNetSapiens({ parameters: listNumbers, credentialsHelper });

			expect(result.error?.message).toBe('User is locked');
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('401');
			expect(token.calls.count).toBe(1);
			expect(network.unexpected).toEqual([]);
		});

		it('a refused token request shows the provider’s message and never the password or secret', async () => {
			nock(BASE)
				.post('/tokens', TOKEN_REQUEST)
				.once()
				.reply(401, { code: 401, message: 'Invalid username or password' });

			const result = await runNetSapiens({
				parameters: listNumbers,
				credentialsHelper: passwordHelper(),
			});

			expect(result.error?.message).toContain('Invalid username or password');
			const everything = JSON.stringify(result.run);
			expect(everything).not.toContain(PASSWORD);
			expect(everything).not.toContain(CLIENT_SECRET);
			expect(network.unexpected).toEqual([]);
		});

		it('an unreachable token endpoint gives a clean error without the request body', async () => {
			nock(BASE)
				.post('/tokens')
				.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

			const result = await runNetSapiens({
				parameters: listNumbers,
				credentialsHelper: passwordHelper(),
			});

			// n8n restates our "token request failed (ECONNREFUSED)" in its own words.
			expect(result.error?.message).toBe(
				'The request to NetSapiens failed: The service refused the connection - perhaps it is offline',
			);
			expect(JSON.stringify(result.run)).not.toContain(PASSWORD);
		});
	});

	describe('API key', () => {
		it('sends the key as Bearer and asks for no token', async () => {
			const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
				.get(SMS_NUMBERS)
				.reply(200, []);

			const result = await runNetSapiens({ parameters: listNumbers });

			expect(result.error).toBeUndefined();
			scope.done();
			expect(network.unexpected).toEqual([]);
		});

		it('a rejected key is reported with the provider’s message and never printed', async () => {
			// n8n's 401 path tries once more (there is no token to renew); nothing else is sent.
			nock(BASE).get(SMS_NUMBERS).twice().reply(401, { code: 401, message: 'Invalid API key' });

			const result = await runNetSapiens({ parameters: listNumbers });

			expect(result.error?.message).toBe('Invalid API key');
			expect(JSON.stringify(result.run)).not.toContain(API_KEY);
			expect(network.unexpected).toEqual([]);
		});
	});

	describe('base URL', () => {
		it('takes the host from a pasted URL in Server', async () => {
			const scope = nock('https://pbx2.test').get(`/ns-api/v2${SMS_NUMBERS}`).reply(200, []);
			const result = await runNetSapiens({
				parameters: listNumbers,
				credentials: {
					netSapiensMessagingApi: { ...apiKeyCredentials, server: 'https://pbx2.test/ns-api/v2/' },
				},
			});
			expect(result.error).toBeUndefined();
			scope.done();
		});

		it('uses the Base URL Override as given', async () => {
			const scope = nock('https://gateway.test')
				.get(`/custom/ns-api/v2${SMS_NUMBERS}`)
				.reply(200, []);
			const result = await runNetSapiens({
				parameters: listNumbers,
				credentials: {
					netSapiensMessagingApi: {
						...apiKeyCredentials,
						baseUrl: 'https://gateway.test/custom/ns-api/v2/',
					},
				},
			});
			expect(result.error).toBeUndefined();
			scope.done();
		});
	});

	describe('credential test (the credential’s own, as n8n’s tester runs it)', () => {
		const runTest = async (credentials: ICredentialDataDecryptedObject) =>
			await runCredentialTest(new NetSapiensMessagingApi(), credentials);

		it('is the credential’s own declarative test, which n8n’s verification accepts (no node names another)', () => {
			expect(new NetSapiensMessagingApi().test.request.method).toBe('GET');
			for (const node of [new NetSapiens(), new NetSapiensTrigger()])
				expect(node.description.credentials?.[0].testedBy).toBeUndefined();
		});

		it('API key: GET /apikeys/~ with the key', async () => {
			const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
				.get('/apikeys/~')
				.reply(200, { 'key-id': 'nsd-123dsa23', 'user-scope': 'Office Manager' });

			expect(await runTest(apiKeyCredentials)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			scope.done();
		});

		it('Username/Password: the password-grant token request (documented body, no Bearer), then GET /version with the token', async () => {
			const scope = nock(BASE, { badheaders: ['authorization'] })
				.post('/tokens', TOKEN_REQUEST)
				.reply(200, tokenAnswer('tok-test'));
			const version = nock(BASE, { reqheaders: { authorization: 'Bearer tok-test' } })
				.get('/version')
				.reply(200, { apiversion: '45.0', hostname: 'api.example-pbx.com' });

			expect(await runTest(passwordCredentials)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			scope.done();
			version.done();
			expect(network.unexpected).toEqual([]);
		});

		it('shows NetSapiens’ own reason and the status, e.g. for a wrong password', async () => {
			nock(BASE).post('/tokens').reply(400, { code: 400, message: 'Invalid credentials' });
			expect(await runTest({ ...passwordCredentials, password: 'wrong' })).toEqual({
				status: 'Error',
				message: 'NetSapiens refused the token request (HTTP 400): Invalid credentials',
			});
		});

		it('says what to check for a key without access, with the status', async () => {
			nock(BASE).get('/apikeys/~').reply(403, { code: 403, message: 'API key is disabled' });
			expect(await runTest(apiKeyCredentials)).toEqual({
				status: 'Error',
				message:
					'NetSapiens refused this API key access (HTTP 403): check that it is enabled and not limited to other models',
			});
		});
	});
});

describe('NetSapiens Messaging API credential › legacy token endpoint (cores without v2 POST /tokens)', () => {
	const HOST = BASE.replace(/\/ns-api\/v2$/, '');
	const formGrant = new URLSearchParams(TOKEN_REQUEST as Record<string, string>).toString();

	it('a 404 from POST /tokens sends the password grant to /ns-api/oauth2/token/ as a form body, secrets never in a URL', async () => {
		const v2 = nock(BASE)
			.post('/tokens', TOKEN_REQUEST)
			.reply(404, { code: 404, message: 'No Route Found [92]' });
		let legacyUrl = '';
		const legacy = nock(HOST, {
			reqheaders: { 'content-type': 'application/x-www-form-urlencoded' },
			badheaders: ['authorization'],
		})
			.post('/ns-api/oauth2/token/', (body) => {
				expect(new URLSearchParams(body as string).toString()).toBe(formGrant);
				return true;
			})
			.query((query) => {
				legacyUrl = JSON.stringify(query);
				return true;
			})
			.reply(200, { ...tokenAnswer('legacy-tok'), legacy: false, apiversion: 'Version: 41.1.0' });
		const api = nock(BASE, { reqheaders: { authorization: 'Bearer legacy-tok' } })
			.get(SMS_NUMBERS)
			.reply(200, []);

		const credentialsHelper = passwordHelper();
		const result = await runNetSapiens({ parameters: listNumbers, credentialsHelper });

		expect(result.error).toBeUndefined();
		v2.done();
		legacy.done();
		api.done();
		expect(legacyUrl).toBe('{}');
		expect(credentialsHelper.store.get('netSapiensMessagingApi')).toMatchObject({
			accessToken: 'legacy-tok',
		});
		expect(network.unexpected).toEqual([]);
	});

	it('a redirect from the legacy endpoint is not followed', async () => {
		nock(BASE).post('/tokens').reply(404, { code: 404, message: 'No Route Found [92]' });
		nock(HOST)
			.post('/ns-api/oauth2/token/')
			.reply(307, '', { location: 'https://elsewhere.test/steal' });

		const result = await runNetSapiens({
			parameters: listNumbers,
			credentialsHelper: passwordHelper(),
		});

		expect(result.error).toBeDefined();
		expect(JSON.stringify(result.run)).not.toContain(PASSWORD);
		expect(network.unexpected).toEqual([]);
	});

	it('any other refusal of POST /tokens (e.g. 401) is final: no legacy request', async () => {
		nock(BASE).post('/tokens').reply(401, { code: 401, message: 'Invalid username or password' });

		const result = await runNetSapiens({
			parameters: listNumbers,
			credentialsHelper: passwordHelper(),
		});

		expect(result.error?.message).toContain('Invalid username or password');
		expect(network.unexpected).toEqual([]);
	});
});
