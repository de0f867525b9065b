import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { NetSapiensMessagingApi } from '../../credentials/NetSapiensMessagingApi.credentials';
import { FIXTURES, startSandbox, type Sandbox } from '../../sandbox/server';
import { credentialsHelperFor } from '../harness/engine';
import { runNetSapiens } from '../nodes/NetSapiens/fixtures';

// The NetSapiens node against the sandbox standing in for a core 45, a core 44.4.10 and a core without the
// v2 POST /tokens (sandbox/server.js, NETSAPIENS_CORES), over real loopback HTTP.

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

async function useCore(core: string) {
	const answer = await fetch(`${sandbox.url}/_sandbox/netsapiens-core`, {
		method: 'POST',
		body: JSON.stringify({ core }),
	});
	expect(answer.status).toBe(200);
}

const fx = FIXTURES.netsapiens;
const baseUrl = () => `${sandbox.url}/netsapiens/ns-api/v2`;
const withKey = (): ICredentialDataDecryptedObject => ({
	baseUrl: baseUrl(),
	authentication: 'apiKey',
	apiKey: fx.apiKey,
});
const withLogin = (): ICredentialDataDecryptedObject => ({
	baseUrl: baseUrl(),
	authentication: 'password',
	clientId: fx.clientId,
	clientSecret: fx.clientSecret,
	username: fx.username,
	password: fx.password,
});

const run = async (parameters: INodeParameters, credentials = withKey()) =>
	await runNetSapiens(parameters, {
		credentialsHelper: credentialsHelperFor([new NetSapiensMessagingApi()], {
			netSapiensMessagingApi: credentials,
		}),
	});

const SESSION = 'sandbox_session_0123456789abcdefghij';
const getSession = {
	resource: 'messageSession',
	operation: 'get',
	messagesession: { __rl: true, mode: 'id', value: SESSION },
};
const listSessions = { resource: 'messageSession', operation: 'getAll', scope: 'user', limit: 5 };
const sendChat = {
	resource: 'message',
	operation: 'send',
	messagesession: { __rl: true, mode: 'id', value: SESSION },
	messageType: 'chat',
	destination: '1001',
	message: 'Hello from n8n',
};

describe('NetSapiens against a core 44.4.10 (sandbox mode)', () => {
	beforeAll(async () => await useCore('44.4.10'));

	it('Message Session › Get: the core’s 404 "No Route Found [92]", with the core version it needs', async () => {
		const result = await run(getSession);
		expect(result.error).toMatchObject({
			message: expect.stringContaining(
				'No Route Found [92]: Message Session › Get needs NetSapiens core 45 or later',
			),
			httpCode: '404',
		});
	});

	it('Message Session › Get Many and Message › Send work', async () => {
		const listed = await run(listSessions);
		expect(listed.error).toBeUndefined();
		expect(listed.main.length).toBeGreaterThan(0);
		const sent = await run(sendChat);
		expect(sent.error).toBeUndefined();
		expect(sent.main[0].json).toMatchObject({ code: 202, type: 'chat' });
	});

	it('a login gets its token from v2 POST /tokens', async () => {
		const before = sandbox.state.tokensIssued;
		const listed = await run(listSessions, withLogin());
		expect(listed.error).toBeUndefined();
		expect(sandbox.state.tokensIssued).toBe(before + 1);
	});
});

describe('NetSapiens against a core without v2 POST /tokens (sandbox mode legacy-token)', () => {
	beforeAll(async () => await useCore('legacy-token'));

	it('a login gets its token from /ns-api/oauth2/token/ (form body) and the request goes through', async () => {
		const state = sandbox.state as Sandbox['state'] & { legacyTokenRequests?: number };
		const before = state.legacyTokenRequests ?? 0;
		const listed = await run(listSessions, withLogin());
		expect(listed.error).toBeUndefined();
		expect(state.legacyTokenRequests).toBe(before + 1);
	});
});

describe('NetSapiens against a core 45 (sandbox default)', () => {
	beforeAll(async () => await useCore('45'));

	it('Get Many, Send and a login’s token work', async () => {
		expect((await run(listSessions, withLogin())).error).toBeUndefined();
		expect((await run(sendChat)).error).toBeUndefined();
	});
});
