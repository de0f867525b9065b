import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

const sent = {
	id: 'm1',
	accountId: 'a1',
	endpointId: 'e1',
	date: '2026-11-22T10:00:00Z',
	direction: 'Outgoing',
	otherAddress: '+15556667777',
	text: 'Hello',
	isUnread: false,
};

const network = guardNetwork();

describe('EvoVoice › Message › Send', () => {
	it('posts {sessionId, body} into an existing session with Basic auth', async () => {
		const scope = nock(BASE, {
			reqheaders: { authorization: BASIC, 'content-type': /application\/json/ },
		})
			.post('/sessions/s%2F1/messages', { sessionId: 's/1', body: 'Hello' })
			.reply(200, sent);

		const result = await runEvoVoice({
			parameters: {
				resource: 'message',
				operation: 'send',
				sendTo: 'session',
				sessionId: 's/1',
				body: 'Hello',
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: sent, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('posts {endpointId, toAddress, body} to /messages for a phone number', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.post('/messages', { endpointId: 'e1', toAddress: '+15556667777', body: 'Hi there' })
			.reply(200, sent);

		const result = await runEvoVoice({
			parameters: {
				resource: 'message',
				operation: 'send',
				sendTo: 'phoneNumber',
				endpointId: { __rl: true, mode: 'id', value: 'e1' },
				toAddress: '+1 (555) 666-7777',
				body: 'Hi there',
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(1);
		scope.done();
	});

	it.each([
		['a short code', '12345', '12345'],
		['a number without +', '(555) 666-7777', '5556667777'],
	])(
		'sends %s as written, without its formatting: EvoVoice judges it',
		async (_name, toAddress, sentAs) => {
			const scope = nock(BASE)
				.post('/messages', { endpointId: 'e1', toAddress: sentAs, body: 'Hi' })
				.reply(200, sent);
			const result = await runEvoVoice({
				parameters: {
					resource: 'message',
					operation: 'send',
					sendTo: 'phoneNumber',
					endpointId: { __rl: true, mode: 'id', value: 'e1' },
					toAddress,
					body: 'Hi',
				},
			});
			expect(result.error).toBeUndefined();
			scope.done();
		},
	);

	it('sends the message text exactly as written: indentation and trailing newlines kept', async () => {
		const scope = nock(BASE)
			.post('/sessions/s1/messages', { sessionId: 's1', body: '  line1\n  indented\n' })
			.reply(200, sent);
		const result = await runEvoVoice({
			parameters: {
				resource: 'message',
				operation: 'send',
				sendTo: 'session',
				sessionId: 's1',
				body: '  line1\n  indented\n',
			},
		});
		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('refuses an unknown Send To (an imported workflow) naming that field, before any request', async () => {
		const result = await runEvoVoice({
			parameters: { resource: 'message', operation: 'send', sendTo: 'email', body: 'Hi' },
		});
		expect(result.error?.message).toBe('Send To: "email" is not one of session, phoneNumber');
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces the ServiceStack message and HTTP status', async () => {
		nock(BASE)
			.post('/sessions/old/messages')
			.reply(404, {
				responseStatus: { errorCode: 'NotFound', message: 'Session old is archived' },
			});

		const result = await runEvoVoice({
			parameters: {
				resource: 'message',
				operation: 'send',
				sendTo: 'session',
				sessionId: 'old',
				body: 'x',
			},
		});
		expect(result.error?.message).toBe('Session old is archived');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});
});
