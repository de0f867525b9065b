import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, byId, oAuth2Credentials, OAUTH_ACCESS_TOKEN, runSuperOffice } from '../fixtures';

const session = (id: number) => ({
	ChatSessionId: id,
	TopicId: 3,
	CustomerName: 'Ada Lovelace',
	CustomerEmail: 'ada@example.com',
	Status: 'Active',
	FirstMessage: 'Hi',
	LastMessage: 'Thanks',
	WhenRequested: '2026-11-22T09:00:00Z',
});

const network = guardNetwork();
const isEmpty = (body: unknown) => body === '' || body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);

describe('SuperOffice › Chat Session', () => {
	it('Get: GET ChatSession/{id}', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } }).get('/api/v1/ChatSession/42').reply(200, session(42));

		const result = await runSuperOffice({ parameters: { resource: 'chatSession', operation: 'get', chatSessionId: byId(42) } });

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: session(42), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get: a missing session is SuperOffice’s 404', async () => {
		nock(BASE).get('/api/v1/ChatSession/404404').reply(404, { Message: 'ChatSession 404404 not found' });
		const result = await runSuperOffice({ parameters: { resource: 'chatSession', operation: 'get', chatSessionId: byId(404404) } });
		expect(result.error?.message).toBe('ChatSession 404404 not found');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});

	it('Get Many: sends $filter, $orderBy, $select and $top, and unwraps the OData value array', async () => {
		const rows = [
			{ PrimaryKey: 1, EntityName: 'chatsession', customerName: 'Ada' },
			{ PrimaryKey: 2, EntityName: 'chatsession', customerName: 'Bob' },
		];
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession')
			.query({ $filter: "status eq 'Active'", $orderBy: 'whenRequested desc', $select: 'customerName,status', $top: '5', $skip: '0' })
			.reply(200, { 'odata.metadata': 'https://sod.superoffice.com/api/v1/archive$metadata', 'odata.nextLink': '', value: rows });

		const result = await runSuperOffice({
			parameters: {
				resource: 'chatSession',
				operation: 'getAll',
				limit: 5,
				odata: { filter: "status eq 'Active'", orderBy: 'whenRequested desc', select: 'customerName,status' },
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json)).toEqual(rows);
		scope.done();
	});

	it('Get Many: Return All walks the pages with $top/$skip until a short page', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ PrimaryKey: from + index, EntityName: 'chatsession' }));
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

		const result = await runSuperOffice({ parameters: { resource: 'chatSession', operation: 'getAll', returnAll: true } });

		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(1007);
		expect(result.main[1006].json.PrimaryKey).toBe(1007);
		scope.done();
	});

	// Every page has the same size (page-number APIs need it; see collectPages), and the rows are cut at the limit.
	it('Get Many: a limit above one page asks for the next page at the right offset', async () => {
		const page = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ PrimaryKey: from + index }));
		const scope = nock(BASE)
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '0' })
			.reply(200, { value: page(1, 500) })
			.get('/api/v1/ChatSession')
			.query({ $top: '500', $skip: '500' })
			.reply(200, { value: page(501, 500) });

		const result = await runSuperOffice({ parameters: { resource: 'chatSession', operation: 'getAll', limit: 600 } });

		expect(result.main).toHaveLength(600);
		scope.done();
	});

	it('Get Many for Current User: GET ChatSession/ForCurrentUser, one item per session', async () => {
		const scope = nock(BASE).get('/api/v1/ChatSession/ForCurrentUser').reply(200, [session(1), session(2), session(3)]);

		const result = await runSuperOffice({ parameters: { resource: 'chatSession', operation: 'getAllForCurrentUser', returnAll: true } });

		expect(result.main.map((item) => item.json)).toEqual([session(1), session(2), session(3)]);
		scope.done();
	});

	it('Create: POST ChatTopic/{id}/Sessions with no body (OAuth2)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.post('/api/v1/ChatTopic/3/Sessions', isEmpty)
			.reply(200, session(99));

		const result = await runSuperOffice({
			credentials: oAuth2Credentials(),
			parameters: { resource: 'chatSession', operation: 'create', chatTopicId: { __rl: true, mode: 'list', value: '3' } },
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual(session(99));
		scope.done();
	});

	it('Transfer: POST ChatSession/{id}/TransferTo/{user} with the user name encoded and no body', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.post('/api/v1/ChatSession/42/TransferTo/j%20doe%2Fsupport', isEmpty)
			.reply(200, session(42));

		const result = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'transfer', chatSessionId: byId(42), toAssociate: 'j doe/support' },
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual(session(42));
		scope.done();
	});

	it('Transfer: refuses an empty user and a topic ID that is not a whole number', async () => {
		const transfer = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'transfer', chatSessionId: byId(42), toAssociate: '={{ "" }}' },
		});
		expect(transfer.error?.message).toBe('To User: is required but empty');
		const create = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'create', chatTopicId: byId('={{ "three" }}') },
		});
		expect(create.error?.message).toBe('Chat Topic: "three" is not a SuperOffice ID');
		expect(network.unexpected).toEqual([]);
	});
});
