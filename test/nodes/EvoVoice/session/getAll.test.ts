import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

const network = guardNetwork();

const session = (id: string) => ({
	id,
	accountId: 'a1',
	channel: 'Chat',
	fromAddress: '+15556667777',
	ended: true,
});

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
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, i) => session(`s${from + i}`));
		const scope = nock(BASE)
			.get('/sessions')
			.query({ page: '0', countPerPage: '100' })
			.reply(200, { items: page(0, 100) })
			.get('/sessions')
			.query({ page: '1', countPerPage: '100' })
			.reply(200, { items: page(100, 1) });

		const result = await runEvoVoice({
			parameters: { resource: 'session', operation: 'getAll', returnAll: true },
		});

		expect(result.main).toHaveLength(101);
		scope.done();
	});

	it('Limit smaller than a page asks for exactly that many, once', async () => {
		const scope = nock(BASE)
			.get('/sessions')
			.query({ page: '0', countPerPage: '2' })
			.reply(200, { items: [session('s1'), session('s2')], hasMorePages: true });

		const result = await runEvoVoice({
			parameters: { resource: 'session', operation: 'getAll', limit: 2 },
		});

		expect(result.main).toHaveLength(2);
		scope.done();
		expect(network.unexpected).toEqual([]);
	});
});
