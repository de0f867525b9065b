import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { replyExpiry, UNLIMITED_REPLY_DAYS } from '../../../../nodes/shared/sendAndWait';
import { subscriptionTimestamp } from '../../../../nodes/NetSapiens/shared/subscriptions';
import { answerWaiting, isValidlySigned } from '../../../harness/waiting';
import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, byId, runNetSapiens, SESSION, SESSION_PATH } from '../fixtures';

// Issue 38: Send and Wait with Response Type Reply — a subscription per wait whose post-url is the signed
// resume URL; the customer's next message in the conversation resumes the execution.

const network = guardNetwork();

const REPLY_WAIT = {
	resource: 'message',
	operation: 'sendAndWait',
	domain: 'portal',
	user: '2500',
	messagesession: byId(SESSION),
	messageType: 'sms',
	destination: '+1 858 555 1234',
	fromNumber: { __rl: true, mode: 'number', value: '18585550001' },
	message: 'Reply YES to confirm your 10:00 appointment',
	responseType: 'reply',
	limitWaitTime: true,
	limitType: 'afterTimeInterval',
	resumeAmount: 2,
	resumeUnit: 'hours',
};

/** The customer's answer as NetSapiens posts it (the official inbound SMS row's shape). */
const customerReply = (fields: Record<string, unknown> = {}) => ({
	id: 'm-reply-1',
	timestamp: '2026-12-07 10:01:02',
	type: 'sms',
	domain: 'portal',
	direction: 'orig',
	text: 'YES',
	'from-number': 18585551234,
	'from-user-id': '',
	'terminating-user-id': '2500@portal',
	'messagesession-id': SESSION,
	...fields,
});

/** Runs the node until it waits: subscription, send; returns the run, the subscription body and the expiry PUT. */
async function waitForReply(parameters: Record<string, unknown> = {}) {
	const calls: string[] = [];
	let subscribed: Record<string, string> = {};
	let expiry: Record<string, string> = {};
	let sent: Record<string, unknown> = {};
	const scope = api()
		.post('/subscriptions', (body) => {
			subscribed = body;
			calls.push('subscribe');
			return true;
		})
		.reply(200, { id: 'wait-sub-1', 'subscription-expires-datetime': '2046-12-07 10:00:00' })
		.put('/subscriptions/wait-sub-1', (body) => {
			expiry = body;
			calls.push('expiry');
			return true;
		})
		.reply(202, ACCEPTED)
		.post(`/domains/portal/users/2500/messagesessions/${SESSION}/messages`, (body) => {
			sent = body;
			calls.push('send');
			return true;
		})
		.reply(202, ACCEPTED);
	const waiting = await runNetSapiens({ parameters: { ...REPLY_WAIT, ...parameters } });
	return { waiting, scope, calls, subscribed, expiry, sent };
}

const deliver = async (waiting: Awaited<ReturnType<typeof runNetSapiens>>, body: unknown) =>
	await answerWaiting(waiting, { method: 'POST', url: '/', body });

describe('NetSapiens › Send and Wait › Reply (issue 38)', () => {
	it('subscribes the signed resume URL for the sending domain and user, bounds its expiry, then sends the question without a link', async () => {
		const started = Date.now();
		const { waiting, scope, calls, subscribed, expiry, sent } = await waitForReply();
		expect(waiting.error).toBeUndefined();
		scope.done();
		expect(calls).toEqual(['subscribe', 'expiry', 'send']);
		expect(subscribed).toEqual({
			model: 'message',
			'post-url': expect.stringContaining('/webhook-waiting/'),
			domain: 'portal',
			user: '2500',
		});
		expect(isValidlySigned(subscribed['post-url'])).toBe(true);
		const waitTill = waiting.run.data.waitTill!.getTime();
		expect(waitTill).toBeGreaterThanOrEqual(started + 2 * 3_600_000);
		expect(expiry).toEqual({
			'subscription-expires-datetime': subscriptionTimestamp(new Date(waitTill + 3_600_000)),
		});
		expect(sent).toEqual({
			type: 'sms',
			destination: '18585551234',
			'from-number': '18585550001',
			message: 'Reply YES to confirm your 10:00 appointment',
		});
	});

	it('a wait without a limit still gets a bounded subscription: 30 days', () => {
		const now = Date.parse('2026-12-07T10:00:00Z');
		expect(replyExpiry(WAIT_INDEFINITELY, now).toISOString()).toBe(
			new Date(now + UNLIMITED_REPLY_DAYS * 86_400_000).toISOString(),
		);
		expect(replyExpiry(new Date(now), now).toISOString()).toBe('2026-12-07T11:00:00.000Z');
	});

	it('Domain ~ and User ~ are resolved (GET /apikeys/~) before the subscription names them', async () => {
		let subscribed: Record<string, string> = {};
		const scope = api()
			.get('/apikeys/~')
			.reply(200, { user: '2500', domain: 'portal' })
			.post('/subscriptions', (body) => {
				subscribed = body;
				return true;
			})
			.reply(200, { id: 'wait-sub-2' })
			.put('/subscriptions/wait-sub-2')
			.reply(202, ACCEPTED)
			.post(`${SESSION_PATH}/messages`)
			.reply(202, ACCEPTED);
		const waiting = await runNetSapiens({ parameters: { ...REPLY_WAIT, domain: '~', user: '~' } });
		expect(waiting.error).toBeUndefined();
		scope.done();
		expect(subscribed).toMatchObject({ domain: 'portal', user: '2500' });
	});

	it('the customer’s reply in the session resumes with {text, from, messageId, sessionId, receivedAt} and the subscription is deleted', async () => {
		const { waiting } = await waitForReply();
		const postUrl = `http://localhost:5678/webhook-waiting/${waiting.executionId}/${waiting.workflow.getNode('Node Under Test')?.id ?? ''}`;
		const removed = api()
			.get('/subscriptions')
			.reply(200, [
				{ id: 'other', model: 'message', 'post-url': 'https://elsewhere.test/hook' },
				{ id: 'wait-sub-1', model: 'message', 'post-url': `${postUrl}?signature=abc` },
			])
			.delete('/subscriptions/wait-sub-1', { subscription_id: 'wait-sub-1', domain: 'portal' })
			.reply(202, ACCEPTED);
		const resumed = await deliver(waiting, [customerReply()]);
		removed.done();
		expect(resumed.response.status).toBe(200);
		expect(resumed.items?.[0].json).toEqual({
			'messagesession-id': SESSION,
			type: 'sms',
			destination: '18585551234',
			'from-number': '18585550001',
			data: {
				text: 'YES',
				from: '18585551234',
				messageId: 'm-reply-1',
				sessionId: SESSION,
				receivedAt: '2026-12-07 10:01:02',
			},
		});
	});

	it.each([
		[
			'a message in another session from another number',
			[customerReply({ 'messagesession-id': 'other_session', 'from-number': 15550000000 })],
		],
		[
			'the node’s own outgoing message (direction term)',
			[customerReply({ direction: 'term', 'from-number': 18585550001 })],
		],
		[
			'the node’s own chat (sent by the waiting user, no direction)',
			[
				customerReply({
					type: 'chat',
					direction: '',
					'from-number': '',
					'from-user-id': '2500@portal',
				}),
			],
		],
		['an empty list', []],
		['a body that is not a message', 'not json'],
	])('%s: answered 200, the execution keeps waiting, nothing deleted', async (_name, body) => {
		const { waiting } = await waitForReply();
		const kept = await deliver(waiting, body);
		expect(kept.response.status).toBe(200);
		expect(kept.items).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	it('a GET (a link preview) answers 200 and keeps waiting', async () => {
		const { waiting } = await waitForReply();
		const kept = await answerWaiting(waiting, { method: 'GET', url: '/' });
		expect(kept.response.status).toBe(200);
		expect(kept.items).toBeUndefined();
	});

	it('an SMS from the recipient’s number in a new session counts as the reply', async () => {
		const { waiting } = await waitForReply();
		api().get('/subscriptions').reply(200, []);
		const resumed = await deliver(waiting, customerReply({ 'messagesession-id': 'new_session' }));
		expect(resumed.items?.[0].json.data).toMatchObject({ text: 'YES', sessionId: 'new_session' });
	});

	it('a failed send deletes the subscription it made and fails with NetSapiens’ message', async () => {
		let subscribedUrl = '';
		const scope = api()
			.post('/subscriptions', (body) => {
				subscribedUrl = body['post-url'];
				return true;
			})
			.reply(200, { id: 'wait-sub-3', 'subscription-expires-datetime': '2026-12-07 12:00:00' })
			.put('/subscriptions/wait-sub-3')
			.reply(202, ACCEPTED)
			.post(`/domains/portal/users/2500/messagesessions/${SESSION}/messages`)
			.reply(400, { code: 400, message: 'Invalid from-number' })
			.get('/subscriptions')
			.reply(200, () => [
				{ id: 'other', 'post-url': 'https://elsewhere.test/hook' },
				{ id: 'wait-sub-3', 'post-url': subscribedUrl },
			])
			.delete('/subscriptions/wait-sub-3', { subscription_id: 'wait-sub-3', domain: 'portal' })
			.reply(202, ACCEPTED);
		const failed = await runNetSapiens({ parameters: REPLY_WAIT });
		expect(failed.error?.message).toContain('Invalid from-number');
		scope.done();
		expect(network.unexpected).toEqual([]);
	});

	it('a field error is raised before the subscription is made', async () => {
		const failed = await runNetSapiens({
			parameters: {
				...REPLY_WAIT,
				messagesession: byId('={{ "short_id" }}'),
			},
		});
		expect(failed.error?.message).toMatch(/^Message Session: /);
		expect(network.unexpected).toEqual([]);
	});
});
