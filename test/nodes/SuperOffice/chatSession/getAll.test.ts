import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, runSuperOffice } from '../fixtures';
import { chatSessionGetAllProperties } from '../../../../nodes/SuperOffice/resources/chatSession/getAll';
import { archiveColumns, filterTerms } from '../../../conformance/specs';
import superOfficeChatSessionSwagger from '../../../conformance/specs/superoffice-Swagger-v1-ChatSession-messaging.json';

guardNetwork();

/** ChatSessionStatus as SuperOffice's Swagger lists it for ChatSessionEntity.Status. */
const STATUSES = (
	superOfficeChatSessionSwagger.definitions['SuperOffice.CRM.Services.ChatSessionEntity'].properties
		.Status as { enum: string[] }
).enum;

describe('SuperOffice › Chat Session', () => {
	it('Get Many: its hints name only columns of the ChatSession archive and real ChatSessionStatus values', () => {
		const options = chatSessionGetAllProperties.find((property) => property.name === 'odata')!
			.options as Array<{ name: string; placeholder?: string; description?: string }>;
		const hint = (name: string) => options.find((option) => option.name === name)!;
		const columns = archiveColumns();
		const names = columns.map((column) => column.name);
		// every example in a placeholder or description: the placeholder, and "e.g. "…"" quotes
		const examples = (name: string) => [
			hint(name).placeholder ?? '',
			...[...(hint(name).description ?? '').matchAll(/e\.g\. "([^"]+)"/g)].map((match) => match[1]),
		];

		for (const filter of examples('filter')) {
			const terms = filterTerms(filter);
			expect(terms.columns.length).toBeGreaterThan(0);
			expect(terms.columns.filter((column) => !names.includes(column))).toEqual([]);
			expect(terms.statuses.filter((status) => !STATUSES.includes(status))).toEqual([]);
		}
		const listed = /ChatSessionStatus: ([^)]+)\)/.exec(hint('filter').description ?? '')?.[1] ?? '';
		expect(listed.split(/,\s*/)).toEqual(STATUSES);
		for (const select of examples('select'))
			expect(select.split(',').filter((column) => !names.includes(column.trim()))).toEqual([]);
		const orderable = columns.filter((column) => column.orderBy).map((column) => column.name);
		for (const orderBy of examples('orderBy'))
			expect(
				orderBy
					.split(',')
					.map((part) => part.trim().split(' ')[0])
					.filter((column) => !orderable.includes(column)),
			).toEqual([]);
	});

	it('Get Many: sends $filter, $orderBy, $select and $top, and unwraps the OData value array', async () => {
		const rows = [
			{ PrimaryKey: 1, EntityName: 'chatsession', chatSessionId: 1, status: 'InQueue' },
			{ PrimaryKey: 2, EntityName: 'chatsession', chatSessionId: 2, status: 'UserLast' },
		];
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession')
			.query({
				$filter: "whenRequested after '2026-01-01'",
				$orderBy: 'whenRequested desc',
				$select: 'chatSessionId,status',
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
					filter: "whenRequested after '2026-01-01'",
					orderBy: 'whenRequested desc',
					select: 'chatSessionId,status',
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
