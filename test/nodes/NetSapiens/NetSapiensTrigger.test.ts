import nock from 'nock';
import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type INodeParameters,
} from 'n8n-workflow';
import {
	credentialIdentity,
	NetSapiensMessagingApi,
} from '../../../credentials/NetSapiensMessagingApi.credentials';
import { NetSapiensTrigger } from '../../../nodes/NetSapiens/NetSapiensTrigger.node';
import { farExpiry } from '../../../nodes/NetSapiens/shared/subscriptions';
import { guardNetwork } from '../../harness/nockGuard';
import { loadInNewProcess, TriggerHarness } from '../../harness/trigger';
import { apiKeyCredentials, BASE, BEARER, passwordCredentials } from './fixtures';

const network = guardNetwork();

function trigger(parameters: INodeParameters = {}, staticData = {}) {
	return new TriggerHarness({
		nodeType: new NetSapiensTrigger(),
		parameters: {
			event: 'message',
			domain: 'example',
			user: '*',
			inboundOnly: true,
			...parameters,
		},
		credentials: { netSapiensMessagingApi: apiKeyCredentials },
		credentialTypes: [new NetSapiensMessagingApi()],
		staticData,
	});
}

const nodeState = (harness: TriggerHarness) =>
	harness.staticData['node:Trigger Under Test'] as Record<string, string>;

const inbound = { id: 1, type: 'sms', direction: 'orig', 'from-number': '18585551234', text: 'Hi' };
const outbound = {
	id: 2,
	type: 'sms',
	direction: 'term',
	'from-number': '18585550001',
	text: 'Hello',
};

/** What a core answers for a subscription an API key made: "20 years from the creation date". */
const FAR = { 'subscription-expires-datetime': '2046-12-07 19:00:00' };

/** A secret as create() makes one (random, 64 hex characters), for a node activated before the test. */
const SECRET = '5ec7e7'.padEnd(64, '3');

/**
 * Activates the trigger against a subscription endpoint that accepts it; returns the secret in the URL it
 * registered. The harness then runs deliveries as n8n 2.40 does: each on a Workflow built from the saved row.
 */
async function activate(harness: TriggerHarness): Promise<string> {
	let postUrl = '';
	nock(BASE)
		.get('/subscriptions')
		.reply(200, [])
		.post('/subscriptions')
		.reply(200, (_uri, body) => {
			postUrl = (body as Record<string, string>)['post-url'];
			return { id: 'sub-1', ...(body as object), ...FAR };
		});
	await harness.lifecycle('create');
	return new URL(postUrl).searchParams.get('secret') ?? '';
}

/** The trigger loaded again, as a restarted n8n loads it: nothing in memory. */
const inNewProcess = () =>
	loadInNewProcess('nodes/NetSapiens/NetSapiensTrigger.node', 'NetSapiensTrigger');

describe('NetSapiens Trigger', () => {
	describe('subscription lifecycle', () => {
		it('create: POST /subscriptions with the model, the URL with its secret, the domain and the user, no expiry', async () => {
			const harness = trigger({ event: 'messagesession', domain: 'example', user: '1000' });
			let sent: Record<string, string> = {};
			const listed = nock(BASE).get('/subscriptions').reply(200, []);
			const scope = nock(BASE, {
				reqheaders: { authorization: BEARER, 'content-type': /application\/json/ },
			})
				.post('/subscriptions', (body) => {
					sent = body;
					return true;
				})
				.reply(200, { id: 'f38d00a5eed9d15603922fe98db23600', status: 'pending', ...FAR });

			expect(await harness.lifecycle('create')).toBe(true);

			listed.done();
			scope.done();
			const state = nodeState(harness);
			expect(state.subscriptionId).toBe('f38d00a5eed9d15603922fe98db23600');
			expect(state.secret).toMatch(/^[0-9a-f]{64}$/);
			expect(sent).toEqual({
				model: 'messagesession',
				'post-url': `${harness.webhookUrl()}?secret=${state.secret}`,
				domain: 'example',
				user: '1000',
			});
			expect(network.unexpected).toEqual([]);
		});

		it('far expiry is 20 years on, in "YYYY-MM-DD HH:MM:SS"', () => {
			expect(farExpiry(new Date('2026-11-22T10:11:12.345Z'))).toBe('2046-11-22 10:11:12');
		});

		it('checkExists: reuses the subscription that posts to this node’s URL with its stored secret', async () => {
			const harness = trigger({}, { 'node:Trigger Under Test': { secret: SECRET } });
			const url = `${harness.webhookUrl()}?secret=${SECRET}`;
			const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
				.get('/subscriptions')
				.reply(200, [
					{ id: 'other', model: 'message', 'post-url': 'https://elsewhere.test/hook' },
					{ id: 'mine', model: 'message', 'post-url': url },
				]);

			expect(await harness.lifecycle('checkExists')).toBe(true);
			expect(nodeState(harness).subscriptionId).toBe('mine');
			scope.done();
		});

		it('checkExists: false when none matches (other model, other secret)', async () => {
			const harness = trigger(
				{ event: 'messagesession' },
				{ 'node:Trigger Under Test': { secret: SECRET } },
			);
			nock(BASE)
				.get('/subscriptions')
				.reply(200, [
					{
						id: 'x',
						model: 'message',
						'post-url': `${harness.webhookUrl()}?secret=${SECRET}`,
					},
					{ id: 'y', model: 'messagesession', 'post-url': `${harness.webhookUrl()}?secret=abc` },
				]);
			expect(await harness.lifecycle('checkExists')).toBe(false);
			expect(network.unexpected).toEqual([]);
		});

		it('delete: DELETE /subscriptions/{id} with subscription_id and domain in the body, and forgets it; a 404 counts as gone', async () => {
			const harness = trigger({}, { 'node:Trigger Under Test': { subscriptionId: 'sub-1' } });
			const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
				.delete('/subscriptions/sub-1', { subscription_id: 'sub-1', domain: 'example' })
				.reply(202, { code: 202, message: 'Accepted' });

			expect(await harness.lifecycle('delete')).toBe(true);
			scope.done();
			expect(nodeState(harness)).toEqual({});

			const gone = trigger({}, { 'node:Trigger Under Test': { subscriptionId: 'sub-2' } });
			nock(BASE)
				.delete('/subscriptions/sub-2')
				.reply(404, { code: 404, message: 'Subscription not found' });
			expect(await gone.lifecycle('delete')).toBe(true);
		});

		it('delete without static data finds its subscription by the URL it posts to, whatever its secret', async () => {
			const harness = trigger();
			const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
				.get('/subscriptions')
				.reply(200, [
					{ id: 'other', model: 'message', 'post-url': 'https://elsewhere.test/hook?secret=1' },
					{
						id: 'sub-9',
						model: 'message',
						'post-url': `${harness.webhookUrl()}?secret=${SECRET}`,
					},
				])
				.delete('/subscriptions/sub-9')
				.reply(202, { code: 202, message: 'Accepted' });
			expect(await harness.lifecycle('delete')).toBe(true);
			scope.done();
		});

		it('create fails with the provider’s message (e.g. 409 duplicate)', async () => {
			const harness = trigger();
			nock(BASE).get('/subscriptions').reply(200, []);
			nock(BASE).post('/subscriptions').reply(409, {
				message: 'Subscription ID already Exists or matching set of parameters already exists',
			});

			await expect(harness.lifecycle('create')).rejects.toMatchObject({
				message: 'Subscription ID already Exists or matching set of parameters already exists',
				httpCode: '409',
			});
		});
	});

	describe('deliveries', () => {
		it('an array delivery becomes one item per object (inbound only by default)', async () => {
			const harness = trigger();
			const secret = await activate(harness);

			const result = await harness.deliver({ body: [inbound, outbound], query: { secret } });

			expect(result.items?.map((item) => item.json)).toEqual([inbound]);
		});

		it('a single object is one item; with Inbound Messages Only off every message is kept', async () => {
			const harness = trigger({ inboundOnly: false });
			const secret = await activate(harness);

			expect(
				(await harness.deliver({ body: outbound, query: { secret } })).items?.map((i) => i.json),
			).toEqual([outbound]);
			expect(
				(await harness.deliver({ body: [inbound, { ...outbound, id: 4 }], query: { secret } }))
					.items,
			).toHaveLength(2);
		});

		it('session events are not filtered by direction', async () => {
			const harness = trigger({ event: 'messagesession' });
			const secret = await activate(harness);
			const sessions = [{ 'messagesession-id': 'a' }, { 'messagesession-id': 'b' }];

			const result = await harness.deliver({ body: sessions, query: { secret } });

			expect(result.items?.map((item) => item.json)).toEqual(sessions);
		});

		it('nothing left after the filter: answered 200, no execution', async () => {
			const harness = trigger();
			const secret = await activate(harness);

			const result = await harness.deliver({ body: [outbound], query: { secret } });

			expect(result.items).toBeUndefined();
			expect(result.response.status).toBe(200);
		});

		it.each([
			['a wrong secret', { secret: 'wrong' }],
			['no secret', {}],
		])('%s: 401 and no execution', async (_name, query) => {
			const harness = trigger();
			await activate(harness);

			const result = await harness.deliver({ body: [inbound], query });

			expect(result.response.status).toBe(401);
			expect(result.items).toBeUndefined();
			expect(result.noWebhookResponse).toBe(true);
		});

		it('an empty secret is refused', async () => {
			const result = await trigger().deliver({ body: [inbound], query: { secret: '' } });
			expect(result.response.status).toBe(401);
			expect(result.items).toBeUndefined();
		});

		it('a secret of an earlier activation is refused', async () => {
			const harness = trigger();
			const first = await activate(harness);
			nock(BASE).delete('/subscriptions/sub-1').reply(202, { code: 202 });
			await activate(harness);
			const result = await harness.deliver({ body: [inbound], query: { secret: first } });
			expect(result.response.status).toBe(401);
		});

		it.each([
			['text that is not JSON', 'not json'],
			['a list of non-objects', [1, 2]],
			['a number', 42],
		])('a malformed body (%s): 400 and no execution', async (_name, body) => {
			const harness = trigger();
			const secret = await activate(harness);

			const result = await harness.deliver({ body, query: { secret } });

			expect(result.response.status).toBe(400);
			expect(result.items).toBeUndefined();
		});

		it('a JSON text body is parsed', async () => {
			const harness = trigger();
			const secret = await activate(harness);

			const result = await harness.deliver({ body: JSON.stringify([inbound]), query: { secret } });

			expect(result.items?.map((item) => item.json)).toEqual([inbound]);
		});

		it('a repeated delivery (NetSapiens resends what it counts as failed) starts nothing; only new objects pass, also after a restart', async () => {
			const harness = trigger();
			const secret = await activate(harness);
			const second = { ...inbound, id: 3, text: 'Second' };

			const one = await harness.deliver({ body: [inbound, outbound], query: { secret } });
			expect(one.items?.map((item) => item.json.id)).toEqual([1]);
			expect(one.response).toEqual({
				status: 200,
				body: { received: 2, new: 2, kept: 1 },
				ended: true,
			});

			const again = await harness.deliver({ body: [inbound, outbound], query: { secret } });
			expect(again.items).toBeUndefined();
			expect(again.response).toEqual({
				status: 200,
				body: { received: 2, new: 0, kept: 0 },
				ended: true,
			});

			harness.restart(inNewProcess());
			const later = await harness.deliver({ body: [inbound, second], query: { secret } });
			expect(later.items?.map((item) => item.json.id)).toEqual([3]);
			expect((await harness.deliver({ body: second, query: { secret } })).items).toBeUndefined();
		});

		it('a burst of deliveries at the same moment: each message starts exactly one execution', async () => {
			const harness = trigger();
			const secret = await activate(harness);
			const messages = [1, 2, 3].map((id) => ({ ...inbound, id, text: `m${id}` }));

			const results = await Promise.all(
				[...messages, ...messages].map((body) => harness.deliver({ body, query: { secret } })),
			);

			expect(results.flatMap((result) => result.items?.map((item) => item.json.id) ?? [])).toEqual([
				1, 2, 3,
			]);
		});

		it('"Listen for test event" deliveries do not count as seen for the live workflow', async () => {
			const harness = trigger();
			const secret = await activate(harness);
			expect(
				(await harness.deliver({ body: [inbound], query: { secret }, mode: 'manual' })).items,
			).toHaveLength(1);
			expect((await harness.deliver({ body: [inbound], query: { secret } })).items).toHaveLength(1);
		});

		it('session events without an ID are told apart by content', async () => {
			const harness = trigger({ event: 'messagesession' });
			const secret = await activate(harness);
			const session = { 'messagesession-id': 'a', 'messagesession-last-message': 'Hi' };
			expect((await harness.deliver({ body: session, query: { secret } })).items).toHaveLength(1);
			expect(
				(
					await harness.deliver({
						body: { 'messagesession-last-message': 'Hi', 'messagesession-id': 'a' },
						query: { secret },
					})
				).items,
			).toBeUndefined();
			expect(
				(
					await harness.deliver({
						body: { ...session, 'messagesession-last-message': 'Bye' },
						query: { secret },
					})
				).items,
			).toHaveLength(1);
		});
	});
});

describe('NetSapiens Trigger › issue 34', () => {
	it('item 4: activation deletes the older subscription of this node before creating the new one', async () => {
		const harness = trigger({}, { 'node:Trigger Under Test': { subscriptionId: 'sub-old' } });
		const calls: string[] = [];
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/subscriptions')
			.reply(200, () => {
				calls.push('list');
				return [
					{
						id: 'sub-old',
						model: 'message',
						'post-url': `${harness.webhookUrl()}?secret=${SECRET}`,
					},
					{ id: 'sub-lost', model: 'message', 'post-url': `${harness.webhookUrl()}?secret=older` },
					{ id: 'other', model: 'message', 'post-url': 'https://elsewhere.test/hook?secret=x' },
				];
			})
			.delete('/subscriptions/sub-old')
			.reply(202, () => {
				calls.push('delete sub-old');
				return { code: 202 };
			})
			.delete('/subscriptions/sub-lost')
			.reply(404, () => {
				calls.push('delete sub-lost');
				return { code: 404, message: 'Subscription not found' };
			})
			.post('/subscriptions')
			.reply(200, () => {
				calls.push('create');
				return { id: 'sub-new', ...FAR };
			});
		expect(await harness.lifecycle('create')).toBe(true);
		scope.done();
		expect(calls).toEqual(['list', 'delete sub-old', 'delete sub-lost', 'create']);
		expect(nodeState(harness).subscriptionId).toBe('sub-new');
	});

	it('item 4: deliveries still verify after the credential’s API key is edited while the workflow is active', async () => {
		const harness = trigger();
		const secret = await activate(harness);
		harness.credentialsHelper.store.set('netSapiensMessagingApi', {
			...apiKeyCredentials,
			apiKey: 'nsd_rotated-key-0000000000000000',
		});
		const result = await harness.deliver({ body: [inbound], query: { secret } });
		expect(result.response.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	it('item 5: the secret in the post-url is redacted from every activation error, also when NetSapiens echoes the URL', async () => {
		const echoing = (_uri: string, body: Record<string, string>) => ({
			code: 400,
			message: `Invalid post-url ${body['post-url']}`,
			'post-url': body['post-url'],
			encoded: encodeURIComponent(body['post-url']),
		});
		const harness = trigger();
		let posted = '';
		nock(BASE).get('/subscriptions').reply(200, []);
		nock(BASE)
			.post('/subscriptions')
			.reply(400, (uri, body) => {
				posted = (body as Record<string, string>)['post-url'];
				return echoing(uri, body as Record<string, string>);
			});
		const error = await harness.lifecycle('create').catch((caught: unknown) => caught);
		const secret = new URL(posted).searchParams.get('secret') ?? '';
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(error).toBeInstanceOf(Error);
		const shown =
			JSON.stringify(error) + String((error as Error).message) + String((error as Error).stack);
		expect(shown).toContain('Invalid post-url');
		expect(shown).not.toContain(secret);
		expect(shown).toContain('[redacted]');

		// checkExists lists subscriptions: a failure echoing this node's URL is redacted too
		const active = trigger({}, { 'node:Trigger Under Test': { secret: SECRET } });
		nock(BASE)
			.get('/subscriptions')
			.reply(500, { message: `Listing failed near ${active.webhookUrl()}?secret=${SECRET}` });
		const listing = await active.lifecycle('checkExists').catch((caught: unknown) => caught);
		expect(JSON.stringify(listing) + String((listing as Error).message)).not.toContain(SECRET);
	});
});

/** A JSON object nested `depth` levels deep, as an object and as the bytes a provider sends. */
function nested(depth: number, top: Record<string, unknown>) {
	let value: unknown = 'bottom';
	for (let level = 0; level < depth; level++) value = { deeper: value };
	const raw = `${JSON.stringify(top).slice(0, -1)},"extra":${'{"deeper":'.repeat(depth)}"bottom"${'}'.repeat(depth)}}`;
	return { body: { ...top, extra: value }, raw: Buffer.from(raw) };
}

describe('NetSapiens Trigger › issue 34 item 6: deeply nested deliveries', () => {
	it('item 6: a deeply nested authenticated delivery gets a bounded key: one execution, its redelivery none, no 5xx', async () => {
		const harness = trigger({ event: 'messagesession' });
		const secret = await activate(harness);
		const { body, raw } = nested(20_000, { 'messagesession-id': 'deep' });
		const first = await harness.deliver({ body, rawBody: raw, query: { secret } });
		expect(first.response.status).toBe(200);
		expect(first.items).toHaveLength(1);
		const again = await harness.deliver({ body, rawBody: raw, query: { secret } });
		expect(again.response.status).toBe(200);
		expect(again.items).toBeUndefined();
	});

	it('item 6: a deeply nested delivery without its raw bytes cannot be keyed: 400, no execution', async () => {
		const harness = trigger({ event: 'messagesession' });
		const secret = await activate(harness);
		const { body } = nested(20_000, { 'messagesession-id': 'deep' });
		const result = await harness.deliver({ body, rawBody: null, query: { secret } });
		expect(result.response.status).toBe(400);
		expect(result.items).toBeUndefined();
	});
});

describe('NetSapiens Trigger › issue 36 (cores 44.4.10 and 45)', () => {
	const otherKey = (apiKey: string) => ({ ...apiKeyCredentials, apiKey });
	const withCredentials = (
		parameters: INodeParameters,
		credentials: ICredentialDataDecryptedObject,
	) =>
		new TriggerHarness({
			nodeType: new NetSapiensTrigger(),
			parameters: { event: 'message', inboundOnly: true, ...parameters },
			credentials: { netSapiensMessagingApi: credentials },
			credentialTypes: [new NetSapiensMessagingApi()],
		});

	/** Activates against a core that answers with a 20-year subscription; returns the body it was sent. */
	async function subscribedBody(harness: TriggerHarness): Promise<Record<string, string>> {
		let sent: Record<string, string> = {};
		nock(BASE).get('/subscriptions').reply(200, []);
		nock(BASE)
			.post('/subscriptions', (body) => {
				sent = body;
				return true;
			})
			.reply(200, { id: 'sub-1', ...FAR });
		expect(await harness.lifecycle('create')).toBe(true);
		return sent;
	}

	it('item a: create, checkExists and delete use /subscriptions and /subscriptions/{id}, never /domains/{domain}/subscriptions', async () => {
		const harness = trigger({ domain: 'example', user: '1000' });
		const paths: string[] = [];
		const scope = nock(BASE)
			.get('/subscriptions')
			.times(2)
			.reply(200, function () {
				paths.push(`GET ${this.req.path}`);
				return [];
			})
			.post('/subscriptions')
			.reply(200, function (_uri, body) {
				paths.push(`POST ${this.req.path}`);
				return { id: 'sub-7', ...(body as object), ...FAR };
			})
			.delete('/subscriptions/sub-7')
			.reply(202, function () {
				paths.push(`DELETE ${this.req.path}`);
				return { code: 202, message: 'Accepted' };
			});
		expect(await harness.lifecycle('create')).toBe(true);
		expect(await harness.lifecycle('checkExists')).toBe(false);
		expect(await harness.lifecycle('delete')).toBe(true);
		scope.done();
		expect(paths).toEqual([
			'GET /ns-api/v2/subscriptions',
			'POST /ns-api/v2/subscriptions',
			'GET /ns-api/v2/subscriptions',
			'DELETE /ns-api/v2/subscriptions/sub-7',
		]);
		expect(network.unexpected).toEqual([]);
	});

	it('item b: Domain ~ and User ~ with a login are the username’s domain and user, with no request for them', async () => {
		const login = {
			...passwordCredentials,
			accessToken: 'token-1',
			tokenIdentity: credentialIdentity(passwordCredentials),
		};
		const harness = withCredentials({ domain: '~', user: '~' }, login);
		const sent = await subscribedBody(harness);
		expect(sent).toMatchObject({ domain: 'example', user: '1000' });
		expect(network.unexpected).toEqual([]);
	});

	it('item b: Domain ~ and User ~ with an API key are the key’s domain and user from GET /apikeys/~', async () => {
		const harness = withCredentials({ domain: '~', user: '~' }, otherKey('nsd_item-b-key-0001'));
		const keyOwner = nock(BASE)
			.get('/apikeys/~')
			.reply(200, { 'key-id': 'nsd-itemb0001', user: '2503', domain: 'portal' });
		const sent = await subscribedBody(harness);
		keyOwner.done();
		expect(sent).toMatchObject({ domain: 'portal', user: '2503' });
	});

	it('item b: User * stays * (the spec’s "* will be used for all users"), with the concrete domain', async () => {
		const harness = withCredentials({ domain: '~', user: '*' }, otherKey('nsd_item-b-key-0002'));
		nock(BASE).get('/apikeys/~').reply(200, { user: '2503', domain: 'portal' });
		const sent = await subscribedBody(harness);
		expect(sent).toMatchObject({ domain: 'portal', user: '*' });
	});

	it('item b: a subscription the core set to expire with the login’s token is extended by PUT /subscriptions/{id} to 20 years', async () => {
		const login = {
			...passwordCredentials,
			accessToken: 'token-1',
			tokenIdentity: credentialIdentity(passwordCredentials),
		};
		const harness = withCredentials({ domain: '~', user: '~' }, login);
		let extended: Record<string, string> = {};
		const scope = nock(BASE)
			.get('/subscriptions')
			.reply(200, [])
			.post('/subscriptions')
			.reply(200, { id: 'sub-1', 'subscription-expires-datetime': '2026-12-07 20:00:00' })
			.put('/subscriptions/sub-1', (body) => {
				extended = body;
				return true;
			})
			.reply(202, { code: 202, message: 'Accepted' });
		expect(await harness.lifecycle('create')).toBe(true);
		scope.done();
		expect(Object.keys(extended)).toEqual(['subscription-expires-datetime']);
		expect(extended['subscription-expires-datetime']).toMatch(
			/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
		);
		expect(Number(extended['subscription-expires-datetime'].slice(0, 4))).toBeGreaterThanOrEqual(
			new Date().getUTCFullYear() + 19,
		);
	});

	it('item b: a subscription already 20 years long (an API key’s default) is not touched', async () => {
		const harness = trigger();
		nock(BASE).get('/subscriptions').reply(200, []);
		nock(BASE)
			.post('/subscriptions')
			.reply(200, { id: 'sub-1', ...FAR });
		expect(await harness.lifecycle('create')).toBe(true);
		expect(network.unexpected).toEqual([]);
	});

	it.each([
		['Domain', { domain: '..' }],
		['Domain', { domain: '.' }],
		['Domain', { domain: '%2e%2E' }],
		['User', { user: '..' }],
		['User', { user: '%2e' }],
	])(
		'item c: %s %j is refused with a field error before any request',
		async (label, parameters) => {
			const harness = trigger(parameters);
			const error = await harness.lifecycle('create').catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(new RegExp(`^${label}: ".+" is a dot segment`));
			expect(network.unexpected).toEqual([]);
		},
	);
});
