import { readFileSync } from 'fs';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { FIXTURES, startSandbox, type Sandbox } from '../../sandbox/server';

/** The provider sandbox itself: authentication, validation and faults as the providers answer them. */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({});
});

const evoAuth = `Basic ${Buffer.from(`${FIXTURES.evovoice.username}:${FIXTURES.evovoice.password}`).toString('base64')}`;
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
	const answer = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return {
		status: answer.status,
		body: (await answer.json()) as Record<string, unknown>,
		headers: answer.headers,
	};
};

it.each([
	[
		'NetSapiens',
		'/netsapiens/ns-api/v2/domains/~/users/~/messagesessions/abc/messages',
		{ code: 401, message: 'Authentication Required' },
	],
	[
		'EvoVoice',
		'/evovoice/sessions/s1/messages',
		{ responseStatus: expect.objectContaining({ message: 'Not Authenticated' }) },
	],
	[
		'SuperOffice',
		'/superoffice/Cust12345/api/v1/ChatSession/7/Messages',
		expect.objectContaining({ Error: true, Message: 'Authentication failed' }),
	],
])('%s refuses a missing credential with its own error shape', async (_name, path, shape) => {
	const answer = await post(path, {});
	expect(answer.status).toBe(401);
	expect(answer.body).toEqual(shape);
	expect(sandbox.state.messages).toEqual([]);
});

it('iSlash answers failures in meta.code, with a trace id', async () => {
	const answer = await post(
		'/islash/api/public/send-session-message',
		{},
		{ 'x-user-token': 'wrong' },
	);
	expect(answer.body).toEqual({
		meta: {
			code: 'RESP_UNAUTHORIZED',
			message: 'Invalid user token',
			trace_id: expect.any(String),
		},
	});
});

it('validates documented fields (NetSapiens type, 32+ character session) and records accepted messages', async () => {
	const auth = { authorization: `Bearer ${FIXTURES.netsapiens.apiKey}` };
	const session = '/netsapiens/ns-api/v2/domains/~/users/~/messagesessions/';
	expect(
		(
			await post(
				`${session}${'a'.repeat(32)}/messages`,
				{ type: 'fax', message: 'x', destination: '1' },
				auth,
			)
		).body,
	).toEqual({ code: 400, message: 'Invalid type fax' });
	expect(
		(await post(`${session}short/messages`, { type: 'chat', message: 'x', destination: '1' }, auth))
			.status,
	).toBe(400);
	expect(
		(
			await post(
				`${session}${'a'.repeat(32)}/messages`,
				{ type: 'chat', message: 'hi', destination: '1004' },
				auth,
			)
		).status,
	).toBe(202);
	expect(sandbox.state.messages.map((m) => [m.provider, m.text])).toEqual([['netsapiens', 'hi']]);
});

it('fault injection: 429 with Retry-After beyond the rate, and every Nth request a 503', async () => {
	sandbox.configure({ perSecond: 1 });
	const send = () =>
		post('/evovoice/sessions/s1/messages', { body: 'x' }, { authorization: evoAuth });
	expect((await send()).status).toBe(200);
	const limited = await send();
	expect(limited.status).toBe(429);
	expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

	sandbox.configure({ failEvery: 2 });
	expect([(await send()).status, (await send()).status, (await send()).status]).toEqual([
		200, 503, 200,
	]);
	expect(sandbox.state.maxInFlight).toBeGreaterThanOrEqual(1);
});

it('NetSapiens answers GET /version without a credential, in the documented shape', async () => {
	const answer = await fetch(`${sandbox.url}/netsapiens/ns-api/v2/version`);
	expect(answer.status).toBe(200);
	expect(await answer.json()).toEqual({
		apiversion: expect.any(String),
		hostname: expect.any(String),
		'current-time': expect.any(String),
	});
});

it('NetSapiens posts message events to a subscription as JSON arrays of docs v45.0 Message objects: an inbound SMS, a chat, and the user’s own sent message', async () => {
	const spec = JSON.parse(
		readFileSync(
			join(__dirname, '../conformance/specs/netsapiens-docs-v45.0-messaging.json'),
			'utf8',
		),
	) as { components: { schemas: { Message: { required: string[] } } } };
	const received: unknown[] = [];
	const target = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			res.end();
		});
	});
	await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
	const { port } = target.address() as AddressInfo;
	const auth = { authorization: `Bearer ${FIXTURES.netsapiens.apiKey}` };
	try {
		const subscribed = await post(
			'/netsapiens/ns-api/v2/subscriptions',
			{
				model: 'message',
				'post-url': `http://127.0.0.1:${port}/hook`,
				domain: 'sandbox',
				user: '1000',
			},
			auth,
		);
		expect(subscribed.status).toBe(200);
		const session = 'n'.repeat(32);
		await post(
			`/netsapiens/ns-api/v2/domains/~/users/~/messagesessions/${session}/messages`,
			{
				type: 'sms',
				message: 'Reply YES',
				destination: '18585551234',
				'from-number': '18585550001',
			},
			auth,
		);
		expect(await sandbox.deliver({ provider: 'netsapiens', text: 'YES', session })).toEqual([200]);
		expect(await sandbox.deliver({ provider: 'netsapiens', chat: true, text: 'hi' })).toEqual([
			200,
		]);
		expect(await sandbox.deliver({ provider: 'netsapiens', outgoing: true })).toEqual([200]);
		const required = spec.components.schemas.Message.required;
		expect(required).toContain('messagesession-id');
		for (const body of received) {
			expect(Array.isArray(body)).toBe(true);
			expect(body).toHaveLength(1);
			for (const field of required) expect((body as object[])[0]).toHaveProperty([field]);
		}
		const [[sms], [chat], [own]] = received as Array<Array<Record<string, unknown>>>;
		expect(sms).toMatchObject({
			type: 'sms',
			direction: 'orig',
			'from-number': '18585551234',
			text: 'YES',
			'messagesession-id': session,
		});
		expect(chat).toMatchObject({ type: 'chat', direction: '', 'from-user-id': '1001@sandbox' });
		expect(own).toMatchObject({
			type: 'sms',
			direction: 'term',
			'from-number': '18585550001',
			'from-user-id': '1000@sandbox',
			text: 'Reply YES',
			'messagesession-id': session,
		});
	} finally {
		sandbox.state.subscriptions.length = 0; // reset() keeps them, as the provider would
		target.closeAllConnections();
		await new Promise((resolve) => target.close(resolve));
	}
});
