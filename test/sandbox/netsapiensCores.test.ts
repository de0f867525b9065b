import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { NetSapiensMessagingApi } from '../../credentials/NetSapiensMessagingApi.credentials';
import { FIXTURES, startSandbox, type Sandbox } from '../../sandbox/server';
import { credentialsHelperFor } from '../harness/engine';
import { runNetSapiens } from '../nodes/NetSapiens/fixtures';
import { TriggerHarness } from '../harness/trigger';
import { NetSapiensTrigger } from '../../nodes/NetSapiens/NetSapiensTrigger.node';

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
	await runNetSapiens({
		parameters,
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

describe('NetSapiens Trigger against each core (issue 36 item d)', () => {
	const triggerWith = (credentials: ICredentialDataDecryptedObject) =>
		new TriggerHarness({
			nodeType: new NetSapiensTrigger(),
			parameters: { event: 'message', domain: '~', user: '~', inboundOnly: true },
			credentials: { netSapiensMessagingApi: credentials },
			credentialTypes: [new NetSapiensMessagingApi()],
		});
	const yearOf = (subscription: Record<string, unknown>) =>
		Number(String(subscription['subscription-expires-datetime']).slice(0, 4));

	it.each([
		['44.4.10', 'a login', withLogin],
		['44.4.10', 'an API key', withKey],
		['legacy-token', 'a login', withLogin],
		['45', 'a login', withLogin],
		['45', 'an API key', withKey],
	])(
		'core %s, %s: activation subscribes the credential’s own domain and user for 20 years, checkExists finds it, deactivation deletes it',
		async (core, _how, credentials) => {
			await useCore(core);
			sandbox.state.subscriptions.length = 0;
			const harness = triggerWith(credentials());
			expect(await harness.lifecycle('create')).toBe(true);
			expect(sandbox.state.subscriptions).toEqual([
				expect.objectContaining({ model: 'message', domain: 'sandbox', user: '1000' }),
			]);
			expect(yearOf(sandbox.state.subscriptions[0])).toBeGreaterThanOrEqual(
				new Date().getUTCFullYear() + 19,
			);
			expect(await harness.lifecycle('checkExists')).toBe(true);
			expect(await harness.lifecycle('delete')).toBe(true);
			expect(sandbox.state.subscriptions).toEqual([]);
		},
	);

	it('core 44.4.10 has no /domains/{domain}/subscriptions: 404 "No Route Found [92]"; core 45 serves it', async () => {
		const list = async () =>
			await fetch(`${baseUrl()}/domains/sandbox/subscriptions`, {
				headers: { authorization: `Bearer ${fx.apiKey}` },
			});
		await useCore('44.4.10');
		const missing = await list();
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ message: 'No Route Found [92]' });
		await useCore('45');
		expect((await list()).status).toBe(200);
	});

	it('a subscription for all domains (no domain, or "*") is refused to a key below Super User scope, as the spec words it', async () => {
		await useCore('45');
		const create = async (body: Record<string, string>) =>
			await fetch(`${baseUrl()}/subscriptions`, {
				method: 'POST',
				headers: { authorization: `Bearer ${fx.apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify({ model: 'message', 'post-url': 'https://n8n.test/hook', ...body }),
			});
		expect((await create({ user: '~' })).status).toBe(403);
		expect((await create({ domain: '*', user: '1000' })).status).toBe(403);
	});

	it('core 45 deletes only with subscription_id and domain in the body (DeleteSubscription); core 44.4.10 documents no body', async () => {
		const create = async () =>
			(await (
				await fetch(`${baseUrl()}/subscriptions`, {
					method: 'POST',
					headers: { authorization: `Bearer ${fx.apiKey}`, 'content-type': 'application/json' },
					body: JSON.stringify({
						model: 'message',
						'post-url': `https://n8n.test/hook/${sandbox.state.subscriptions.length}`,
						domain: 'sandbox',
						user: '1000',
					}),
				})
			).json()) as { id: string };
		const remove = async (id: string, body?: object) =>
			await fetch(`${baseUrl()}/subscriptions/${id}`, {
				method: 'DELETE',
				headers: {
					authorization: `Bearer ${fx.apiKey}`,
					...(body ? { 'content-type': 'application/json' } : {}),
				},
				body: body ? JSON.stringify(body) : undefined,
			});
		await useCore('45');
		const on45 = await create();
		expect((await remove(on45.id)).status).toBe(400);
		expect((await remove(on45.id, { subscription_id: on45.id, domain: 'sandbox' })).status).toBe(
			202,
		);
		await useCore('44.4.10');
		const on44 = await create();
		expect((await remove(on44.id)).status).toBe(202);
		await useCore('45');
	});
});
