import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { SuperOfficeTrigger } from '../../../nodes/SuperOffice/SuperOfficeTrigger.node';
import { guardNetwork } from '../../harness/nockGuard';
import { TriggerHarness } from '../../harness/trigger';
import { APP_TOKEN, BASE, BEARER, bearerCredentials, credentialTypes, oAuth2Credentials, OAUTH_ACCESS_TOKEN, TICKET, ticketCredentials } from './fixtures';

/** The secret the trigger registers (derived from the credential and its ids), captured from create. */
async function registeredSecret(credentials: Record<string, ICredentialDataDecryptedObject>): Promise<string> {
	let secret = '';
	nock(BASE)
		.post('/api/v1/Webhook', (body) => {
			secret = body.Secret;
			return true;
		})
		.reply(200, { WebhookId: 77 });
	await trigger({}, { credentials }).lifecycle('create');
	nock.cleanAll();
	return secret;
}

let SECRET = '';
let OAUTH_SECRET = '';
beforeAll(async () => {
	SECRET = await registeredSecret(bearerCredentials);
	OAUTH_SECRET = await registeredSecret(oAuth2Credentials());
});

function trigger(parameters: IDataObject = {}, options: { credentials?: Record<string, ICredentialDataDecryptedObject>; staticData?: IDataObject } = {}) {
	const oauth = options.credentials && 'superOfficeOAuth2Api' in options.credentials;
	return new TriggerHarness({
		nodeType: new SuperOfficeTrigger(),
		credentialTypes,
		credentials: options.credentials ?? bearerCredentials,
		parameters: { authentication: oauth ? 'superOfficeOAuth2Api' : 'superOfficeApi', events: ['chatsession.message'], ...parameters },
		staticData: options.staticData,
	});
}

/** A node's static data as n8n keeps it for an active workflow (keyed per node); the secret is never in it. */
const registered = (extra: IDataObject = {}): IDataObject => ({ 'node:Trigger Under Test': { webhookId: 77, ...extra } });

const sign = (raw: string, secret = SECRET) => createHmac('sha256', secret).update(Buffer.from(raw)).digest('base64');

const payload = (event: string, extra: Record<string, unknown> = {}) => ({
	EventId: 'e87ac619-c864-4881-89eb-07ca5521ee2c',
	Timestamp: '2026-11-22T08:18:42.089895Z',
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
function delivery(body: Record<string, unknown>, { secret = SECRET, raw = JSON.stringify(body, null, 1) } = {}) {
	return {
		body,
		rawBody: Buffer.from(raw),
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'X-SuperOffice-Event': String(body.Event),
			'X-SuperOffice-EventId': String(body.EventId),
			'X-SuperOffice-Signature': sign(raw, secret),
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
	it('create registers the chosen events at the webhook URL with the derived secret, and keeps only the ID', async () => {
		const harness = trigger({ events: ['chatsession.created', 'chatsession.message'] }, { credentials: ticketCredentials });
		let sent: Record<string, unknown> = {};
		const scope = nock(BASE, { reqheaders: { authorization: `SOTicket ${TICKET}`, 'so-apptoken': APP_TOKEN } })
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
		expect(harness.webhookUrl()).toMatch(/^http:\/\/localhost:5678\/webhook\/.+\/webhook$/);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({ webhookId: 77 });
		scope.done();

		// the same node and credential derive the same secret; another credential another one
		expect(await registeredSecret(ticketCredentials)).toBe(sent.Secret);
		expect(SECRET).toMatch(/^[0-9a-f]{64}$/);
		expect(SECRET).not.toBe(sent.Secret);
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
		nock(BASE).post('/api/v1/Webhook').reply(403, { Error: 'Webhook agent is not available', ErrorType: 'SoSecurityException' });
		await expect(trigger().lifecycle('create')).rejects.toMatchObject({ message: 'Webhook agent is not available', httpCode: '403' });

		nock(BASE).post('/api/v1/Webhook').reply(200, { Name: 'x' });
		await expect(trigger().lifecycle('create')).rejects.toThrow('SuperOffice did not answer with the new webhook’s ID (WebhookId)');
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
			.reply(200, { WebhookId: 77, Events: ['chatsession.message'], TargetUrl: harness.webhookUrl(), State: 'Active' });
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
			.reply(200, { WebhookId: 77, Events: ['chatsession.message'], TargetUrl: harness.webhookUrl(), State: 'Active', ...change });
		expect(await harness.lifecycle('checkExists')).toBe(false);
	});

	it('checkExists: a webhook deleted in SuperOffice (404) is false and forgotten', async () => {
		const harness = trigger({}, { staticData: registered() });
		nock(BASE).get('/api/v1/Webhook/77').reply(404, { Message: 'Not found' });
		expect(await harness.lifecycle('checkExists')).toBe(false);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({});
	});

	it('delete removes the webhook and forgets ID, secret and seen messages; a 404 counts as deleted', async () => {
		const harness = trigger({}, { staticData: registered({ lastMessageIds: { 178105: 3 } }) });
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } }).delete('/api/v1/Webhook/77').reply(204);
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
			headers: { 'X-Hook-Test': 'true', 'X-SuperOffice-Event': 'test', 'X-SuperOffice-Signature': 'whatever' },
		});
		expect(result.response).toEqual({ status: 200, body: 'OK', ended: true });
		expect(result.items).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	it.each([
		['no signature', (d: ReturnType<typeof delivery>) => ({ ...d, headers: { ...d.headers, 'X-SuperOffice-Signature': '' } })],
		['a signature made with another secret', () => delivery(payload('chatsession.created'), { secret: 'b'.repeat(64) })],
		['a signature of other bytes', (d: ReturnType<typeof delivery>) => ({ ...d, rawBody: Buffer.from(JSON.stringify(d.body)) })],
		['a truncated signature', (d: ReturnType<typeof delivery>) => ({ ...d, headers: { ...d.headers, 'X-SuperOffice-Signature': d.headers['X-SuperOffice-Signature'].slice(0, 20) } })],
	])('answers 401 and starts nothing for %s', async (_name, tamper) => {
		const harness = trigger({ events: ['chatsession.created'] }, { staticData: registered() });
		const result = await harness.deliver(tamper(delivery(payload('chatsession.created'))));
		expect(result.response.status).toBe(401);
		expect(result.items).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	it('verifies a delivery without any static data, as n8n 2.40 runs deliveries', async () => {
		const body = payload('chatsession.created');
		const result = await trigger({ events: ['chatsession.created'] }).deliver(delivery(body));
		expect(result.items).toEqual([{ json: body }]);
	});

	it('starts the workflow with the signed payload of a session event', async () => {
		const body = payload('chatsession.created', { FieldValues: { TopicId: 3 } });
		const result = await trigger({ events: ['chatsession.created'] }, { staticData: registered() }).deliver(delivery(body));
		expect(result.items).toEqual([{ json: body }]);
	});

	it('acknowledges an event it did not subscribe to without starting', async () => {
		const result = await trigger({ events: ['chatsession.created'] }, { staticData: registered() }).deliver(delivery(payload('chatsession.changed')));
		expect(result.response).toMatchObject({ status: 200 });
		expect(result.items).toBeUndefined();
	});

	it('for a message event fetches the new message, keeps customer messages only, and remembers the last one seen', async () => {
		const harness = trigger({}, { staticData: registered() });
		const first = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession/178105/Messages')
			.query((query) => Object.keys(query).length === 0)
			.reply(200, [message(1, 'ToUser'), message(3, 'ToUser'), message(2, 'ToCustomer')]);

		const body = payload('chatsession.message');
		const one = await harness.deliver(delivery(body));

		expect(one.items).toEqual([{ json: { ...message(3, 'ToUser'), event: body } }]);
		first.done();

		// The bot's own reply fires the event too: fetched, not passed on (no loop).
		const second = nock(BASE).get('/api/v1/ChatSession/178105/Messages').query({ after: '3' }).reply(200, [message(4, 'ToCustomer')]);
		const two = await harness.deliver(delivery(body));
		expect(two.items).toBeUndefined();
		expect(two.response).toMatchObject({ status: 200 });
		second.done();

		const third = nock(BASE)
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '4' })
			.reply(200, [message(5, 'ToUser'), message(6, 'ToUser')]);
		const three = await harness.deliver(delivery(body));
		expect(three.items?.map((item) => item.json.ChatMessageId)).toEqual([5, 6]);
		third.done();
		expect(harness.workflow.getStaticData('node', harness.node).lastMessageIds).toEqual({ 178105: 6 });
	});

	it('passes agents’ and bots’ messages on too when Customer Messages Only is off (OAuth2)', async () => {
		const harness = trigger({ customerMessagesOnly: false }, { credentials: oAuth2Credentials(), staticData: registered({ lastMessageIds: { 178105: 1 } }) });
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.get('/api/v1/ChatSession/178105/Messages')
			.query({ after: '1' })
			.reply(200, [message(2, 'ToCustomer')]);
		const result = await harness.deliver(delivery(payload('chatsession.message'), { secret: OAUTH_SECRET }));
		expect(result.items?.map((item) => item.json.Type)).toEqual(['ToCustomer']);
		scope.done();
	});

	it('passes the payload as it is when Fetch Message Text is off', async () => {
		const body = payload('chatsession.message');
		const result = await trigger({ fetchMessages: false }, { staticData: registered() }).deliver(delivery(body));
		expect(result.items).toEqual([{ json: body }]);
		expect(network.unexpected).toEqual([]);
	});

	it('fails loudly with SuperOffice’s message when the messages cannot be fetched', async () => {
		nock(BASE).get('/api/v1/ChatSession/178105/Messages').reply(401, { Message: 'Ticket expired' });
		await expect(trigger({}, { staticData: registered() }).deliver(delivery(payload('chatsession.message')))).rejects.toMatchObject({
			message: 'Ticket expired',
			httpCode: '401',
		});
	});
});
