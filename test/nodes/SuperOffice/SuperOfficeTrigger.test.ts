import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';
import nock from 'nock';
import { takeRecorded } from '../../conformance/recorder';
import { checkRequest } from '../../conformance/specs';
import { SuperOfficeTrigger } from '../../../nodes/SuperOffice/SuperOfficeTrigger.node';
import { guardNetwork } from '../../harness/nockGuard';
import { loadInNewProcess, TriggerHarness } from '../../harness/trigger';
import {
	APP_TOKEN,
	BASE,
	BEARER,
	bearerCredentials,
	credentialTypes,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	superOfficeSignature,
	TICKET,
	ticketCredentials,
} from './fixtures';

type Credentials = Record<string, ICredentialDataDecryptedObject>;
const PUBLIC_WEBHOOK_BASE = 'https://n8n.example.com/webhook';
const credentialsOf = new WeakMap<TriggerHarness, Credentials>();

function trigger(
	parameters: IDataObject = {},
	options: {
		credentials?: Credentials;
		staticData?: IDataObject;
		nodeType?: INodeType;
		webhookBaseUrl?: string;
	} = {},
) {
	const credentials = options.credentials ?? bearerCredentials;
	const oauth = 'superOfficeMessagingOAuth2Api' in credentials;
	const harness = new TriggerHarness({
		nodeType: options.nodeType ?? new SuperOfficeTrigger(),
		credentialTypes,
		credentials,
		parameters: {
			authentication: oauth ? 'superOfficeMessagingOAuth2Api' : 'superOfficeMessagingApi',
			events: ['chatsession.message'],
			...parameters,
		},
		staticData: options.staticData,
		// SuperOffice registers only an HTTPS TargetUrl: a public n8n's address unless a test says otherwise
		webhookBaseUrl: options.webhookBaseUrl ?? PUBLIC_WEBHOOK_BASE,
	});
	credentialsOf.set(harness, credentials);
	return harness;
}

/** The trigger loaded again, as a restarted n8n (or another n8n process) loads it: nothing in memory. */
const inNewProcess = () =>
	loadInNewProcess('nodes/SuperOffice/SuperOfficeTrigger.node', 'SuperOfficeTrigger');

/** The secret create() stored for this node at activation (what SuperOffice signs with). */
function secretOf(harness: TriggerHarness): string {
	const stored = harness.staticData['node:Trigger Under Test'] as IDataObject | undefined;
	return String(stored?.secret ?? '');
}

/** A registration's secret, as create() makes one: 64 hex characters. */
const SECRET = 'c0ffee'.padEnd(64, '7');

/** A node's static data as n8n keeps it for an active workflow (keyed per node): the ID and the secret. */
const registered = (extra: IDataObject = {}): IDataObject => ({
	'node:Trigger Under Test': { webhookId: 77, secret: SECRET, ...extra },
});

let events = 0;
/** A webhook event as SuperOffice sends it; every event has an ID of its own (X-SuperOffice-EventId). */
const payload = (event: string, extra: Record<string, unknown> = {}) => ({
	EventId: `e87ac619-c864-4881-89eb-${String(++events).padStart(12, '0')}`,
	Timestamp: new Date().toISOString(),
	Changes: [],
	Event: event,
	PrimaryKey: 178105,
	Entity: 'chatsession',
	ContextIdentifier: 'Cust12345',
	ChangedByAssociateId: 316,
	WebhookName: 'n8n: Trigger test',
	...extra,
});

/** A delivery as SuperOffice sends it: the exact body bytes, signed. */
function delivery(
	harness: TriggerHarness,
	body: Record<string, unknown>,
	{ secret = secretOf(harness), raw = JSON.stringify(body, null, 1) } = {},
) {
	return {
		body,
		rawBody: Buffer.from(raw),
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'X-SuperOffice-Event': String(body.Event),
			'X-SuperOffice-EventId': String(body.EventId),
			'X-SuperOffice-Signature': superOfficeSignature(raw, secret),
		},
	};
}

const message = (id: number, type: string) => ({
	ChatMessageId: id,
	ChatSessionId: 178105,
	Type: type,
	Message: `text ${id}`,
	Author: type === 'ToUser' ? 'Ada' : 'Bot',
	ReadByCustomer: 0,
	SpecialType: 'None',
	SpecialParam: '',
	WhenPosted: '2026-11-22T10:00:00Z',
});

const network = guardNetwork();

describe('SuperOffice Trigger › registration', () => {
	it('create refuses a webhook URL that is not HTTPS before any request, and says to set WEBHOOK_URL', async () => {
		const harness = trigger({}, { webhookBaseUrl: 'http://n8n.example.com/webhook' });
		await expect(harness.lifecycle('create')).rejects.toThrow(
			'SuperOffice sends webhooks only to an HTTPS address, and this n8n’s webhook URL is http://n8n.example.com: set WEBHOOK_URL to n8n’s public https:// address',
		);
		expect(network.unexpected).toEqual([]);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({});
	});

	it('create lets a loopback http:// webhook URL through, for a SuperOffice stand-in on this machine', async () => {
		const harness = trigger({}, { webhookBaseUrl: 'http://127.0.0.1:5678/webhook' });
		const scope = nock(BASE).post('/api/v1/Webhook').reply(200, { WebhookId: 78 });
		expect(await harness.lifecycle('create')).toBe(true);
		scope.done();
		// SuperOffice itself would refuse it, as the conformance check says; only a local stand-in accepts it
		const [request] = takeRecorded();
		expect(checkRequest(request)).toEqual([
			expect.stringMatching(/\/TargetUrl must match pattern "\^https:\/\/"/),
		]);
	});

	it('create registers the chosen events at the webhook URL with a new random secret, and keeps the ID and the secret', async () => {
		const harness = trigger(
			{ events: ['chatsession.created', 'chatsession.message'] },
			{ credentials: ticketCredentials },
		);
		let sent: Record<string, unknown> = {};
		const scope = nock(BASE, {
			reqheaders: { authorization: `SOTicket ${TICKET}`, 'so-apptoken': APP_TOKEN },
		})
			.post('/api/v1/Webhook', (body) => {
				sent = body;
				return true;
			})
			.reply(200, { WebhookId: 77, Name: 'n8n: Trigger test', State: 'Active' });

		expect(await harness.lifecycle('create')).toBe(true);

		expect(sent).toEqual({
			Name: 'n8n: Trigger test',
			Events: ['chatsession.created', 'chatsession.message'],
			TargetUrl: harness.webhookUrl(),
			Secret: expect.stringMatching(/^[0-9a-f]{64}$/),
			State: 'Active',
			Type: 'webhook',
		});
		expect(harness.webhookUrl()).toMatch(/^https:\/\/n8n\.example\.com\/webhook\/.+\/webhook$/);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({
			webhookId: 77,
			secret: sent.Secret,
		});
		scope.done();

		// random per activation: the next activation of the same node with the same credential makes another
		nock(BASE).post('/api/v1/Webhook').reply(200, { WebhookId: 78 });
		const again = trigger({}, { credentials: ticketCredentials });
		await again.lifecycle('create');
		expect(secretOf(again)).toMatch(/^[0-9a-f]{64}$/);
		expect(secretOf(again)).not.toBe(sent.Secret);
	});

	it('create works with the OAuth2 credential', async () => {
		const harness = trigger({}, { credentials: oAuth2Credentials() });
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.post('/api/v1/Webhook', (body) => body.Events.length === 1 && body.Type === 'webhook')
			.reply(200, { WebhookId: 5 });
		expect(await harness.lifecycle('create')).toBe(true);
		scope.done();
	});

	it('create replaces a registration this workflow made before', async () => {
		const harness = trigger({}, { staticData: registered() });
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.delete('/api/v1/Webhook/77')
			.reply(204)
			.post('/api/v1/Webhook')
			.reply(200, { WebhookId: 78 });
		expect(await harness.lifecycle('create')).toBe(true);
		expect(harness.workflow.getStaticData('node', harness.node).webhookId).toBe(78);
		scope.done();
	});

	it('create fails with SuperOffice’s message (e.g. the app lacks the webhook right), and without a WebhookId', async () => {
		nock(BASE)
			.post('/api/v1/Webhook')
			.reply(403, { Error: 'Webhook agent is not available', ErrorType: 'SoSecurityException' });
		await expect(trigger().lifecycle('create')).rejects.toMatchObject({
			message: 'Webhook agent is not available',
			httpCode: '403',
		});

		nock(BASE).post('/api/v1/Webhook').reply(200, { Name: 'x' });
		await expect(trigger().lifecycle('create')).rejects.toThrow(
			'SuperOffice did not answer with the new webhook’s ID (WebhookId)',
		);
	});

	it('create refuses an empty event list before any request', async () => {
		await expect(trigger({ events: [] }).lifecycle('create')).rejects.toThrow(
			'Events: choose one or more of chatsession.created, chatsession.changed, chatsession.message',
		);
		expect(network.unexpected).toEqual([]);
	});

	it('checkExists: nothing registered is false without a request', async () => {
		expect(await trigger().lifecycle('checkExists')).toBe(false);
		expect(network.unexpected).toEqual([]);
	});

	it('checkExists: true when the webhook still points here, active, for the same events', async () => {
		const harness = trigger({}, { staticData: registered() });
		const scope = nock(BASE)
			.get('/api/v1/Webhook/77')
			.reply(200, {
				WebhookId: 77,
				Events: ['chatsession.message'],
				TargetUrl: harness.webhookUrl(),
				State: 'Active',
			});
		expect(await harness.lifecycle('checkExists')).toBe(true);
		scope.done();
	});

	it.each([
		['another URL', { TargetUrl: 'https://old.example.com/hook' }],
		['stopped after too many errors', { State: 'TooManyErrors' }],
		['other events', { Events: ['chatsession.created'] }],
	])('checkExists: false when registered for %s', async (_name, change) => {
		const harness = trigger({}, { staticData: registered() });
		nock(BASE)
			.get('/api/v1/Webhook/77')
			.reply(200, {
				WebhookId: 77,
				Events: ['chatsession.message'],
				TargetUrl: harness.webhookUrl(),
				State: 'Active',
				...change,
			});
		expect(await harness.lifecycle('checkExists')).toBe(false);
	});

	it('checkExists: a webhook deleted in SuperOffice (404) is false and forgotten', async () => {
		const harness = trigger({}, { staticData: registered() });
		nock(BASE).get('/api/v1/Webhook/77').reply(404, { Message: 'Not found' });
		expect(await harness.lifecycle('checkExists')).toBe(false);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({});
	});

	it('delete removes the webhook and forgets its ID and what it handled; a 404 counts as deleted', async () => {
		const harness = trigger(
			{},
			{
				staticData: registered({
					lastMessageIds: { 178105: 3 },
					delivered: { seen: ['event:x'], cursors: { 178105: 3 } },
				}),
			},
		);
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.delete('/api/v1/Webhook/77')
			.reply(204);
		expect(await harness.lifecycle('delete')).toBe(true);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({});
		scope.done();

		const gone = trigger({}, { staticData: registered() });
		nock(BASE).delete('/api/v1/Webhook/77').reply(404, { Message: 'Not found' });
		expect(await gone.lifecycle('delete')).toBe(true);
	});

	it('delete answers false and keeps the ID when SuperOffice fails', async () => {
		const harness = trigger({}, { staticData: registered() });
		nock(BASE).delete('/api/v1/Webhook/77').reply(500, { Message: 'Database busy' });
		expect(await harness.lifecycle('delete')).toBe(false);
		expect(harness.workflow.getStaticData('node', harness.node).webhookId).toBe(77);
	});
});

describe('SuperOffice Trigger › deliveries', () => {
	it('answers the registration test ping with 200 and starts nothing (even before the secret is stored)', async () => {
		const result = await trigger().deliver({
			body: payload('test', { PrimaryKey: 0, Entity: 'test' }),
			headers: {
				'X-Hook-Test': 'true',
				'X-SuperOffice-Event': 'test',
				'X-SuperOffice-Signature': 'whatever',
			},
		});
		expect(result.response).toEqual({ status: 200, body: 'OK', ended: true });
		expect(result.items).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	type Signed = ReturnType<typeof delivery>;
	it.each([
		[
			'no signature',
			(d: Signed) => ({ ...d, headers: { ...d.headers, 'X-SuperOffice-Signature': '' } }),
		],
		[
			'a signature made with another secret',
			(d: Signed, harness: TriggerHarness) => delivery(harness, d.body, { secret: 'b'.repeat(64) }),
		],
		[
			'a signature of other bytes',
			(d: Signed) => ({ ...d, rawBody: Buffer.from(JSON.stringify(d.body)) }),
		],
		[
			'a truncated signature',
			(d: Signed) => ({
				...d,
				headers: {
					...d.headers,
					'X-SuperOffice-Signature': d.headers['X-SuperOffice-Signature'].slice(0, 20),
				},
			}),
		],
	])('answers 401 and starts nothing for %s', async (_name, tamper) => {
		const harness = trigger({ events: ['chatsession.created'] }, { staticData: registered() });
		const result = await harness.deliver(
			tamper(delivery(harness, payload('chatsession.created')), harness),
		);
		expect(result.response.status).toBe(401);
		expect(result.items).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	it('refuses every delivery with 401 while no secret is stored (never registered by this version)', async () => {
		const harness = trigger({ events: ['chatsession.created'] });
		const body = payload('chatsession.created');
		const result = await harness.deliver(delivery(harness, body, { secret: '' }));
		expect(result.response.status).toBe(401);
		expect(result.items).toBeUndefined();
	});

	it('starts the workflow with the signed payload of a session event, answering 200 itself', async () => {
		const harness = trigger({ events: ['chatsession.created'] }, { staticData: registered() });
		const body = payload('chatsession.created', { FieldValues: { TopicId: 3 } });
		const result = await harness.deliver(delivery(harness, body));
		expect(result.items).toEqual([{ json: body }]);
		expect(result.response).toEqual({ status: 200, body: 'OK', ended: true });
		expect(result.noWebhookResponse).toBe(true);
	});

	it('acknowledges an event it did not subscribe to without starting', async () => {
		const harness = trigger({ events: ['chatsession.created'] }, { staticData: registered() });
		const result = await harness.deliver(delivery(harness, payload('chatsession.changed')));
		expect(result.response).toMatchObject({ status: 200 });
		expect(result.items).toBeUndefined();
	});

	it('a redelivered event (same X-SuperOffice-EventId) starts nothing and fetches nothing, also after a restart', async () => {
		const harness = trigger({ events: ['chatsession.created'] }, { staticData: registered() });
		const body = payload('chatsession.created');
		expect((await harness.deliver(delivery(harness, body))).items).toHaveLength(1);
		const again = await harness.deliver(delivery(harness, body));
		expect(again.items).toBeUndefined();
		expect(again.response).toEqual({ status: 200, body: 'Event already handled', ended: true });

		harness.restart(inNewProcess());
		expect((await harness.deliver(delivery(harness, body))).items).toBeUndefined();
		expect(
			(await harness.deliver(delivery(harness, payload('chatsession.created')))).items,
		).toHaveLength(1);
		expect(network.unexpected).toEqual([]);
	});

	it('for a message event fetches the new messages, keeps customer messages only, and saves the cursor in the row', async () => {
		const harness = trigger({}, { staticData: registered() });
		const first = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession/178105/Messages')
			.query((query) => Object.keys(query).length === 0)
			.reply(200, [message(1, 'ToCustomer'), message(3, 'ToUser'), message(2, 'ToUser')]);

		const body = payload('chatsession.message');
		const one = await harness.deliver(delivery(harness, body));

		// a session not seen before: the customer's messages since the last reply to them
		expect(one.items).toEqual([
			{ json: { ...message(2, 'ToUser'), event: body } },
			{ json: { ...message(3, 'ToUser'), event: body } },
		]);
		first.done();
		expect(harness.staticData['node:Trigger Under Test']).toMatchObject({
			webhookId: 77,
			delivered: { cursors: { 178105: 3 } },
		});

		// The bot's own reply fires the event too: fetched, not passed on (no loop).
		const second = nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '3' })
			.reply(200, [message(4, 'ToCustomer')]);
		const two = await harness.deliver(delivery(harness, payload('chatsession.message')));
		expect(two.items).toBeUndefined();
		expect(two.response).toMatchObject({ status: 200 });
		second.done();

		const third = nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '4' })
			.reply(200, [message(5, 'ToUser'), message(6, 'ToUser')]);
		const three = await harness.deliver(delivery(harness, payload('chatsession.message')));
		expect(three.items?.map((item) => item.json.ChatMessageId)).toEqual([5, 6]);
		third.done();
		expect(harness.staticData['node:Trigger Under Test']).toMatchObject({
			delivered: { cursors: { 178105: 6 } },
		});
	});

	it('a session first seen with the reply to the customer as newest message starts nothing', async () => {
		const harness = trigger({}, { staticData: registered() });
		nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.reply(200, [message(1, 'ToUser'), message(2, 'ToCustomer')]);
		expect(
			(await harness.deliver(delivery(harness, payload('chatsession.message')))).items,
		).toBeUndefined();
		nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '2' })
			.reply(200, [message(3, 'ToUser')]);
		expect(
			(await harness.deliver(delivery(harness, payload('chatsession.message')))).items?.map(
				(item) => item.json.ChatMessageId,
			),
		).toEqual([3]);
	});

	/**
	 * A reply bot in use: the customer writes twice back to back, the bot answers, the customer writes
	 * again; SuperOffice sends one event per message, in and out, each naming only the session.
	 */
	it('each customer message starts exactly one execution: a burst, the bot’s reply interleaved, n8n restarted, an event redelivered', async () => {
		const harness = trigger({}, { staticData: registered() });
		const session = '/api/v1/ChatSession/178105/Messages';
		const emitted: unknown[] = [];
		const executions = () => emitted.length;
		const deliverEvent = async (body = payload('chatsession.message')) => {
			const result = await harness.deliver(delivery(harness, body));
			if (result.items) emitted.push(result.items.map((item) => item.json.ChatMessageId));
			return body;
		};

		// both customer messages are in the session by the time the first event is handled
		nock(BASE)
			.get(session)
			.reply(200, [message(1, 'ToUser'), message(2, 'ToUser')]);
		await deliverEvent();
		harness.restart(inNewProcess());
		nock(BASE).get(session).query({ after: '2' }).reply(200, []);
		await deliverEvent();
		// the bot's reply
		nock(BASE)
			.get(session)
			.query({ after: '2' })
			.reply(200, [message(3, 'ToCustomer')]);
		await deliverEvent();
		nock(BASE)
			.get(session)
			.query({ after: '3' })
			.reply(200, [message(4, 'ToUser')]);
		const lastEvent = await deliverEvent();

		harness.restart(inNewProcess());
		await deliverEvent(lastEvent); // redelivered after the restart: no fetch
		nock(BASE)
			.get(session)
			.query({ after: '4' })
			.reply(200, [message(5, 'ToUser')]);
		await deliverEvent();

		expect(emitted).toEqual([[1, 2], [4], [5]]);
		expect(executions()).toBe(3);
		expect(nock.pendingMocks()).toEqual([]);
		expect(network.unexpected).toEqual([]);
	});

	it('events arriving at the same moment in one n8n process are handled one after another: each message once', async () => {
		const harness = trigger(
			{},
			{ staticData: registered({ delivered: { seen: [], cursors: { 178105: 10 } } }) },
		);
		const session = '/api/v1/ChatSession/178105/Messages';
		nock(BASE)
			.get(session)
			.query({ after: '10' })
			.delay(30)
			.reply(200, [message(11, 'ToUser')]);
		nock(BASE)
			.get(session)
			.query({ after: '11' })
			.delay(10)
			.reply(200, [message(12, 'ToUser'), message(13, 'ToUser')]);
		nock(BASE).get(session).query({ after: '13' }).reply(200, []);

		const results = await Promise.all(
			[1, 2, 3].map(() => harness.deliver(delivery(harness, payload('chatsession.message')))),
		);

		expect(results.map((result) => result.items?.map((item) => item.json.ChatMessageId))).toEqual([
			[11],
			[12, 13],
			undefined,
		]);
		expect(harness.staticData['node:Trigger Under Test']).toMatchObject({
			delivered: { cursors: { 178105: 13 } },
		});
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a failed fetch remembers nothing, so SuperOffice’s retry of the event gets the message', async () => {
		const harness = trigger(
			{},
			{ staticData: registered({ delivered: { seen: [], cursors: { 178105: 4 } } }) },
		);
		const body = payload('chatsession.message');
		nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '4' })
			.reply(401, { Message: 'Ticket expired' });
		await expect(harness.deliver(delivery(harness, body))).rejects.toMatchObject({
			message: 'Ticket expired',
			httpCode: '401',
		});

		nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '4' })
			.reply(200, [message(5, 'ToUser')]);
		expect(
			(await harness.deliver(delivery(harness, body))).items?.map(
				(item) => item.json.ChatMessageId,
			),
		).toEqual([5]);
	});

	it('a cursor saved by an earlier version (lastMessageIds) is carried on', async () => {
		const harness = trigger(
			{ customerMessagesOnly: false },
			{
				credentials: oAuth2Credentials(),
				staticData: registered({ lastMessageIds: { 178105: 1 } }),
			},
		);
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '1' })
			.reply(200, [message(2, 'ToCustomer')]);
		const result = await harness.deliver(delivery(harness, payload('chatsession.message')));
		// agents' and bots' messages pass too when Customer Messages Only is off (OAuth2 credential here)
		expect(result.items?.map((item) => item.json.Type)).toEqual(['ToCustomer']);
		scope.done();
	});

	it('"Listen for test event" keeps its memory apart: a test delivery does not move the live cursor', async () => {
		const harness = trigger(
			{},
			{ staticData: registered({ delivered: { seen: [], cursors: { 178105: 4 } } }) },
		);
		nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '4' })
			.reply(200, [message(5, 'ToUser')]);
		const test = await harness.deliver({
			...delivery(harness, payload('chatsession.message')),
			mode: 'manual',
		});
		expect(test.items).toHaveLength(1);

		nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '4' })
			.reply(200, [message(5, 'ToUser')]);
		expect(
			(await harness.deliver(delivery(harness, payload('chatsession.message')))).items,
		).toHaveLength(1);
	});

	it('passes the payload as it is when Fetch Message Text is off', async () => {
		const harness = trigger({ fetchMessages: false }, { staticData: registered() });
		const body = payload('chatsession.message');
		const result = await harness.deliver(delivery(harness, body));
		expect(result.items).toEqual([{ json: body }]);
		expect(network.unexpected).toEqual([]);
	});
});

describe('SuperOffice Trigger › issue 34 item 2: signed data only', () => {
	it('item 2: a replay with a changed X-SuperOffice-EventId header is refused and starts nothing', async () => {
		const harness = trigger({ events: ['chatsession.changed'] }, { staticData: registered() });
		const genuine = delivery(harness, payload('chatsession.changed'));
		expect((await harness.deliver(genuine)).items).toHaveLength(1);
		for (let replay = 0; replay < 3; replay++) {
			const result = await harness.deliver({
				...genuine,
				headers: { ...genuine.headers, 'X-SuperOffice-EventId': `forged-${replay}` },
			});
			expect(result.response).toMatchObject({ status: 400 });
			expect(result.items).toBeUndefined();
		}
		// the same signed bytes without the header are the same event: handled already
		const { 'X-SuperOffice-EventId': _dropped, ...withoutId } = genuine.headers;
		void _dropped;
		const bare = await harness.deliver({ ...genuine, headers: withoutId });
		expect(bare.response).toMatchObject({ status: 200, body: 'Event already handled' });
		expect(bare.items).toBeUndefined();
	});

	it('item 2: Event, EventId and PrimaryKey come from the signed bytes, whatever the Content-Type or headers say', async () => {
		const harness = trigger(
			{ events: ['chatsession.created', 'chatsession.changed'] },
			{ staticData: registered() },
		);
		const body = payload('chatsession.created');
		const signed = delivery(harness, body);
		// the same bytes as text/plain: n8n parses nothing, and the Event header claims another event
		const relabelled = await harness.deliver({
			...signed,
			body: {},
			headers: {
				...signed.headers,
				'Content-Type': 'text/plain',
				'X-SuperOffice-Event': 'chatsession.changed',
			},
		});
		expect(relabelled.response).toMatchObject({ status: 400 });
		expect(relabelled.items).toBeUndefined();

		const plain = await harness.deliver({
			...signed,
			body: {},
			headers: { ...signed.headers, 'Content-Type': 'text/plain' },
		});
		expect(plain.items).toEqual([{ json: body }]);
	});

	it('item 2: a signed Timestamp older than the tolerance (SuperOffice’s retry schedule) is refused', async () => {
		const harness = trigger({ events: ['chatsession.created'] }, { staticData: registered() });
		const old = await harness.deliver(
			delivery(harness, payload('chatsession.created', { Timestamp: '2020-01-01T00:00:00Z' })),
		);
		expect(old.response).toMatchObject({ status: 400 });
		expect(old.items).toBeUndefined();

		// within the tolerance: a delivery SuperOffice retries after its queue, 50 minutes late
		const late = new Date(Date.now() - 50 * 60 * 1000).toISOString();
		const retried = await harness.deliver(
			delivery(harness, payload('chatsession.created', { Timestamp: late })),
		);
		expect(retried.items).toHaveLength(1);
	});
});

describe('SuperOffice Trigger › issue 34 item 4: the secret survives credential changes', () => {
	it('item 4: deliveries still verify after the access token or ticket of the credential changes', async () => {
		for (const credentials of [bearerCredentials, ticketCredentials]) {
			const harness = trigger({ events: ['chatsession.created'] }, { credentials });
			nock(BASE).post('/api/v1/Webhook').reply(200, { WebhookId: 77 });
			await harness.lifecycle('create');
			const type = 'superOfficeMessagingApi';
			harness.credentialsHelper.store.set(type, {
				...credentials[type],
				accessToken: '8A:Cust12345.the-next-hours-token',
				ticketSecret: '7T:renewed-ticket',
			});
			const result = await harness.deliver(delivery(harness, payload('chatsession.created')));
			expect(result.response.status).toBe(200);
			expect(result.items).toHaveLength(1);
		}
	});

	it('item 4: checkExists replaces a registration without a stored secret (made by an earlier version)', async () => {
		const harness = trigger({}, { staticData: { 'node:Trigger Under Test': { webhookId: 77 } } });
		expect(await harness.lifecycle('checkExists')).toBe(false);
		expect(network.unexpected).toEqual([]);
	});
});
