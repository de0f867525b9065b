import nock from 'nock';
import { guardNetwork } from '../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from './fixtures';

const network = guardNetwork();

const session = (id: string) => ({ id, accountId: 'a1', channel: 'Chat', fromAddress: '+15556667777', ended: true });

describe('EvoVoice › Session › Get Many', () => {
	it('sends the documented filters (dates as YYYY-MM-DD) and the first page', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/sessions')
			.query({
				accountIds: 'a1',
				searchArchive: 'true',
				startDate: '2026-11-01',
				endDate: '2026-11-22',
				customerIds: 'c1,c2',
				endpointIds: 'e1',
				from: '+1555',
				to: '777',
				log: 'voicemail',
				parentSessionId: 'p1',
				page: '0',
				countPerPage: '25',
			})
			.reply(200, { items: [session('s1'), session('s2')], totalCount: 2, totalPages: 1 });

		const result = await runEvoVoice({
			parameters: {
				resource: 'session',
				operation: 'getAll',
				limit: 25,
				filters: {
					accountIds: ['a1'],
					searchArchive: true,
					startDate: '2026-11-01T00:00:00',
					endDate: '2026-11-22T18:00:00',
					customerIds: 'c1,c2',
					endpointIds: 'e1',
					from: '+1555',
					to: '777',
					log: 'voicemail',
					parentSessionId: 'p1',
				},
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json.id)).toEqual(['s1', 's2']);
		scope.done();
	});

	it('Return All walks the pages', async () => {
		const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => session(`s${from + i}`));
		const scope = nock(BASE)
			.get('/sessions')
			.query({ page: '0', countPerPage: '100' })
			.reply(200, { items: page(0, 100) })
			.get('/sessions')
			.query({ page: '1', countPerPage: '100' })
			.reply(200, { items: page(100, 1) });

		const result = await runEvoVoice({ parameters: { resource: 'session', operation: 'getAll', returnAll: true } });

		expect(result.main).toHaveLength(101);
		scope.done();
	});

	it('Limit smaller than a page asks for exactly that many, once', async () => {
		const scope = nock(BASE)
			.get('/sessions')
			.query({ page: '0', countPerPage: '2' })
			.reply(200, { items: [session('s1'), session('s2')], hasMorePages: true });

		const result = await runEvoVoice({ parameters: { resource: 'session', operation: 'getAll', limit: 2 } });

		expect(result.main).toHaveLength(2);
		scope.done();
		expect(network.unexpected).toEqual([]);
	});
});

describe('EvoVoice › Session › Get Transcript', () => {
	const transcript = {
		messages: [
			{ date: '2026-11-22T10:00:00Z', from: '+15556667777', body: 'Hi', mediaUri: null, mediaContentType: null },
			{ date: '2026-11-22T10:01:00Z', from: 'Agent', body: 'Hello!', mediaUri: null, mediaContentType: null },
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
		const result = await runEvoVoice({ parameters: { resource: 'session', operation: 'getTranscript', sessionId: 's1' } });
		expect(result.main).toHaveLength(2);
		scope.done();
	});

	it('refuses an empty Session ID before any request', async () => {
		const result = await runEvoVoice({ parameters: { resource: 'session', operation: 'getTranscript', sessionId: '  ' } });
		expect(result.error?.message).toBe('Session ID: is required but empty');
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces a 404 for an archived session', async () => {
		nock(BASE)
			.get('/sessions/old/transcript')
			.reply(404, { responseStatus: { errorCode: 'NotFound', message: 'Session not found' } });
		const result = await runEvoVoice({ parameters: { resource: 'session', operation: 'getTranscript', sessionId: 'old' } });
		expect(result.error?.message).toBe('Session not found');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});
});
