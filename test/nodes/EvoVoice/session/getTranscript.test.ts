import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

const network = guardNetwork();

describe('EvoVoice › Session › Get Transcript', () => {
	const transcript = {
		messages: [
			{
				date: '2026-11-22T10:00:00Z',
				from: '+15556667777',
				body: 'Hi',
				mediaUri: null,
				mediaContentType: null,
			},
			{
				date: '2026-11-22T10:01:00Z',
				from: 'Agent',
				body: 'Hello!',
				mediaUri: null,
				mediaContentType: null,
			},
		],
	};

	it('gets /sessions/{id}/transcript and returns one item per message with the session ID', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/sessions/s%2F1/transcript')
			.query({ includeHistorical: 'true', historicalCutOffDate: '2026-06-01T00:00:00.000Z' })
			.reply(200, transcript);

		const result = await runEvoVoice({
			parameters: {
				resource: 'session',
				operation: 'getTranscript',
				sessionId: 's/1',
				options: { includeHistorical: true, historicalCutOffDate: '2026-06-01T00:00:00Z' },
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json)).toEqual(
			transcript.messages.map((message) => ({ sessionId: 's/1', ...message })),
		);
		scope.done();
	});

	it('sends no query when no option is set', async () => {
		const scope = nock(BASE).get('/sessions/s1/transcript').reply(200, transcript);
		const result = await runEvoVoice({
			parameters: { resource: 'session', operation: 'getTranscript', sessionId: 's1' },
		});
		expect(result.main).toHaveLength(2);
		scope.done();
	});

	it('refuses an empty Session ID before any request', async () => {
		const result = await runEvoVoice({
			parameters: { resource: 'session', operation: 'getTranscript', sessionId: '  ' },
		});
		expect(result.error?.message).toBe('Session ID: is required but empty');
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces a 404 for an archived session', async () => {
		nock(BASE)
			.get('/sessions/old/transcript')
			.reply(404, { responseStatus: { errorCode: 'NotFound', message: 'Session not found' } });
		const result = await runEvoVoice({
			parameters: { resource: 'session', operation: 'getTranscript', sessionId: 'old' },
		});
		expect(result.error?.message).toBe('Session not found');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});
});
