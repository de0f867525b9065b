import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, runSuperOffice } from '../fixtures';

guardNetwork();

describe('SuperOffice › Chat Session', () => {
	it('Get Many: sends $filter, $orderBy, $select and $top, and unwraps the OData value array', async () => {
		const rows = [
			{ PrimaryKey: 1, EntityName: 'chatsession', customerName: 'Ada' },
			{ PrimaryKey: 2, EntityName: 'chatsession', customerName: 'Bob' },
		];
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession')
			.query({
				$filter: "status eq 'Active'",
				$orderBy: 'whenRequested desc',
				$select: 'customerName,status',
				$top: '5',
				$skip: '0',
			})
			.reply(200, {
				'odata.metadata': 'https://sod.superoffice.com/api/v1/archive$metadata',
				'odata.nextLink': '',
				value: rows,
			});

		const result = await runSuperOffice({
			parameters: {
				resource: 'chatSession',
				operation: 'getAll',
				limit: 5,
				odata: {
					filter: "status eq 'Active'",
					orderBy: 'whenRequested desc',
					select: 'customerName,status',
				},
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json)).toEqual(rows);
		scope.done();
	});

	it('Get Many: Return All walks the pages with $top/$skip until a short page', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({
				PrimaryKey: from + index,
				EntityName: 'chatsession',
			}));
		const scope = nock(BASE)
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '0' })
			.reply(200, { value: page(1, 500) })
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '500' })
			.reply(200, { value: page(501, 500) })
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '1000' })
			.reply(200, { value: page(1001, 7) });

		const result = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'getAll', returnAll: true },
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(1007);
		expect(result.main[1006].json.PrimaryKey).toBe(1007);
		scope.done();
	});

	// Every page has the same size (page-number APIs need it; see collectPages), and the rows are cut at the limit.
	it('Get Many: a limit above one page asks for the next page at the right offset', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ PrimaryKey: from + index }));
		const scope = nock(BASE)
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '0' })
			.reply(200, { value: page(1, 500) })
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '500' })
			.reply(200, { value: page(501, 500) });

		const result = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'getAll', limit: 600 },
		});

		expect(result.main).toHaveLength(600);
		scope.done();
	});
});
