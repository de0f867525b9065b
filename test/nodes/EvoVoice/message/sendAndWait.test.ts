import nock from 'nock';
import {
	answerWaiting,
	isValidlySigned,
	resumeLinks,
	waitingInput,
} from '../../../harness/waiting';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

const network = guardNetwork();

const SEND_AND_WAIT = { resource: 'message', operation: 'sendAndWait' };

describe('EvoVoice › Message › Send and Wait for Response', () => {
	it('posts {sessionId, body} with the question and one signed reply link, then waits', async () => {
		let text = '';
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.post('/sessions/s1/messages', (body: { sessionId: string; body: string }) => {
				text = body.body;
				return body.sessionId === 's1';
			})
			.reply(200, { id: 'm1' });
		const items = [{ json: { session: 's1', question: 'Confirm Monday 10:00?' } }];
		const before = Date.now();
		const waiting = await runEvoVoice({
			items,
			parameters: {
				...SEND_AND_WAIT,
				sendTo: 'session',
				sessionId: '={{ $json.session }}',
				message: '={{ $json.question }}',
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const [link] = resumeLinks(text);
		expect(text).toBe(`Confirm Monday 10:00?\n\nAnswer here: ${link}`);
		expect(link).toMatch(
			new RegExp(
				`^http://localhost:5678/webhook-waiting/${waiting.executionId}/node-under-test\\?signature=[0-9a-f]{64}$`,
			),
		);
		expect(isValidlySigned(link)).toBe(true);
		// Limit Wait Time is on by default: 24 hours
		const waitTill = waiting.run.data.waitTill!.getTime();
		expect(waitTill - before).toBeGreaterThanOrEqual(24 * 3600_000);
		expect(waitTill - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
		expect(waitingInput(waiting)).toEqual([items[0].json]);

		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: link,
			body: { approved: 'true' },
		});
		expect(answered.items).toEqual([
			{
				json: {
					sessionId: 's1',
					data: { approved: true, respondedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
				},
			},
		]);
	});

	it('posts {endpointId, toAddress, body} to /messages and names them in the resumed item', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.post(
				'/messages',
				(body: IDataObjectLike) =>
					body.endpointId === 'e1' &&
					body.toAddress === '+15556667777' &&
					String(body.body).startsWith('Which time suits you?\n\nReply: http://'),
			)
			.reply(200, { id: 'm2' });
		const waiting = await runEvoVoice({
			parameters: {
				...SEND_AND_WAIT,
				sendTo: 'phoneNumber',
				endpointId: { __rl: true, mode: 'id', value: 'e1' },
				toAddress: '+1 (555) 666-7777',
				message: 'Which time suits you?',
				responseType: 'freeText',
				responseOptions: { linkText: 'Reply:' },
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: '/webhook-waiting/x/node-under-test',
			body: { text: 'Tuesday at 3' },
		});
		expect(answered.items?.[0].json).toEqual({
			endpointId: 'e1',
			toAddress: '+15556667777',
			data: { text: 'Tuesday at 3', respondedAt: expect.any(String) },
		});
	});

	it('refuses a missing recipient before anything is sent', async () => {
		const waiting = await runEvoVoice({
			parameters: {
				...SEND_AND_WAIT,
				sendTo: 'session',
				sessionId: '={{ $json.session }}',
				message: 'Hi?',
			},
		});
		expect(waiting.error?.message).toBe('Session ID: is required but empty');
		expect(waiting.run.data.waitTill).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	it("fails with EvoVoice's own message and status, and does not wait", async () => {
		nock(BASE)
			.post('/sessions/s1/messages')
			.reply(400, {
				responseStatus: { errorCode: 'ArgumentException', message: 'Session is closed' },
			});
		const waiting = await runEvoVoice({
			parameters: { ...SEND_AND_WAIT, sendTo: 'session', sessionId: 's1', message: 'Hi?' },
		});
		expect(waiting.error?.message).toContain('Session is closed');
		expect((waiting.error as { httpCode?: string }).httpCode).toBe('400');
		expect(waiting.run.data.waitTill).toBeUndefined();
	});
});

type IDataObjectLike = Record<string, unknown>;
