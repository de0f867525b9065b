import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

const network = guardNetwork();

function messages(from: number, count: number) {
	return Array.from({ length: count }, (_, i) => ({
		id: `m${from + i}`,
		accountId: 'a1',
		endpointId: 'e1',
		date: '2026-11-22T10:00:00Z',
		direction: 'Incoming',
		otherAddress: '+15556667777',
		text: `text ${from + i}`,
		isUnread: true,
	}));
}

const getAll = { resource: 'message', operation: 'getAll' };

describe('EvoVoice › Message › Get Many', () => {
	it('sends every filter on the query (ID lists comma-joined, date as UTC ISO) with Basic auth', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC, accept: 'application/json' } })
			.get('/messages')
			.query({
				accountIds: 'a1,a2',
				customerIds: 'c1',
				endpointIds: 'e1,e2',
				conversationIds: 'v1',
				afterDate: '2026-11-22T09:30:00.000Z',
				page: '0',
				countPerPage: '10',
			})
			.reply(200, { items: messages(1, 3), totalCount: 3, totalPages: 1, hasMorePages: false });

		const result = await runEvoVoice({
			parameters: {
				...getAll,
				limit: 10,
				filters: {
					accountIds: ['a1', 'a2'],
					customerIds: 'c1',
					endpointIds: ' e1 , e2, ',
					conversationIds: 'v1',
					afterDate: '2026-11-22T10:30:00+01:00',
				},
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json.id)).toEqual(['m1', 'm2', 'm3']);
		expect(result.main[0].pairedItem).toEqual({ item: 0 });
		scope.done();
	});

	it('Return All walks every page (0-based) until a short page', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/messages')
			.query({ page: '0', countPerPage: '100' })
			.reply(200, { items: messages(0, 100), hasMorePages: true })
			.get('/messages')
			.query({ page: '1', countPerPage: '100' })
			.reply(200, { items: messages(100, 100), hasMorePages: true })
			.get('/messages')
			.query({ page: '2', countPerPage: '100' })
			.reply(200, { items: messages(200, 7), hasMorePages: false });

		const result = await runEvoVoice({ parameters: { ...getAll, returnAll: true } });

		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(207);
		expect(result.main[206].json.id).toBe('m206');
		scope.done();
	});

	it('Limit keeps one page size and stops as soon as it has enough', async () => {
		const scope = nock(BASE)
			.get('/messages')
			.query({ page: '0', countPerPage: '100' })
			.reply(200, { items: messages(0, 100), hasMorePages: true })
			.get('/messages')
			.query({ page: '1', countPerPage: '100' })
			.reply(200, { items: messages(100, 100), hasMorePages: true });

		const result = await runEvoVoice({ parameters: { ...getAll, limit: 150 } });

		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(150);
		expect(result.main[149].json.id).toBe('m149');
		scope.done();
		expect(network.unexpected).toEqual([]);
	});

	it('refuses an After value that is not a date, before any request', async () => {
		const result = await runEvoVoice({
			parameters: { ...getAll, filters: { afterDate: 'yesterday-ish' } },
		});
		expect(result.error?.message).toBe('After: "yesterday-ish" is not a date and time');
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces the ServiceStack message, field errors and status', async () => {
		nock(BASE)
			.get('/messages')
			.query(true)
			.reply(403, {
				responseStatus: {
					errorCode: 'Forbidden',
					message: 'You do not have access to account a9',
					errors: [{ errorCode: 'Forbidden', fieldName: 'AccountIds', message: 'a9 is not yours' }],
				},
			});

		const result = await runEvoVoice({
			parameters: { ...getAll, filters: { accountIds: ['a9'] } },
		});

		expect(result.error?.message).toBe('You do not have access to account a9');
		expect(result.error?.description).toBe('AccountIds: a9 is not yours');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('403');
	});
});
