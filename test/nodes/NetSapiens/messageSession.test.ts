import nock from 'nock';
import { guardNetwork } from '../../harness/nockGuard';
import { ACCEPTED, BASE, BEARER, byId, runNetSapiens } from './fixtures';

const network = guardNetwork();

const SESSION = 'c3529b7ce79a86018d006462fa70fcea';
const SESSION_PATH = `/domains/~/users/~/messagesessions/${SESSION}`;
const session = (id: string) => ({
	user: '2500',
	domain: 'portal',
	'messagesession-id': id,
	'messagesession-remote': '1123@portal,1004@portal',
	'messagesession-name': 'Team',
});

function api() {
	return nock(BASE, { reqheaders: { authorization: BEARER } });
}

/** Matches a request that carries no body at all. */
const noBody = (body: unknown) => body === undefined || body === '' || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);

describe('NetSapiens › Message Session', () => {
	it('Start: POST /domains/{domain}/users/{user}/messages with the MessageSend body', async () => {
		const scope = api()
			.post('/domains/~/users/~/messages', { type: 'chat', message: 'Hello there!', destination: '0010' })
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			resource: 'messageSession',
			operation: 'start',
			messageType: 'chat',
			destination: '0010',
			message: 'Hello there!',
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual({ code: 202, message: 'Accepted', type: 'chat', destination: '0010', text: 'Hello there!' });
		scope.done();
	});

	it('Get: one session (answered as a one-row list) is one item', async () => {
		const scope = api().get(SESSION_PATH).reply(200, [session(SESSION)]);

		const result = await runNetSapiens({ resource: 'messageSession', operation: 'get', messagesession: byId(SESSION) });

		expect(result.main).toEqual([{ json: session(SESSION), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get Many for a user: GET …/users/{user}/messagesessions?limit=', async () => {
		const scope = api()
			.get('/domains/example/users/2500/messagesessions')
			.query({ limit: 5 })
			.reply(200, [session('a'), session('b')]);

		const result = await runNetSapiens({
			resource: 'messageSession',
			operation: 'getAll',
			scope: 'user',
			domain: 'example',
			user: '2500',
			limit: 5,
		});

		expect(result.main.map((item) => item.json['messagesession-id'])).toEqual(['a', 'b']);
		scope.done();
	});

	it('Get Many for a domain: GET /domains/{domain}/messagesessions?limit=1000 with Return All', async () => {
		const scope = api().get('/domains/~/messagesessions').query({ limit: 1000 }).reply(200, [session('a')]);

		const result = await runNetSapiens({ resource: 'messageSession', operation: 'getAll', scope: 'domain', returnAll: true });

		expect(result.main).toHaveLength(1);
		scope.done();
	});

	it('Get Many keeps at most Limit rows even if the server sends more', async () => {
		api().get('/domains/~/users/~/messagesessions').query({ limit: 1 }).reply(200, [session('a'), session('b')]);

		const result = await runNetSapiens({ resource: 'messageSession', operation: 'getAll', limit: 1 });

		expect(result.main).toHaveLength(1);
	});

	it('Rename: PUT {"session-name": …}', async () => {
		const scope = api().put(SESSION_PATH, { 'session-name': 'Poway Soccer Team' }).reply(202, ACCEPTED);

		const result = await runNetSapiens({
			resource: 'messageSession',
			operation: 'rename',
			messagesession: byId(SESSION),
			sessionName: 'Poway Soccer Team',
		});

		expect(result.main).toEqual([{ json: ACCEPTED, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Update Participants: PUT {"participants": "a,b,c"} from a list or a comma text', async () => {
		const scope = api()
			.put(SESSION_PATH, { participants: '1123@portal,1004@portal,1000@portal' })
			.twice()
			.reply(202, ACCEPTED);

		const fromText = await runNetSapiens({
			resource: 'messageSession',
			operation: 'updateParticipants',
			messagesession: byId(SESSION),
			participants: '1123@portal, 1004@portal,1000@portal',
		});
		const fromList = await runNetSapiens({
			resource: 'messageSession',
			operation: 'updateParticipants',
			messagesession: byId(SESSION),
			participants: '={{ ["1123@portal", "1004@portal", "1000@portal"] }}',
		});

		expect(fromText.error).toBeUndefined();
		expect(fromList.error).toBeUndefined();
		scope.done();
	});

	it('Update Participants refuses an empty list before any request', async () => {
		const result = await runNetSapiens({
			resource: 'messageSession',
			operation: 'updateParticipants',
			messagesession: byId(SESSION),
			participants: '={{ [] }}',
		});
		expect(result.error?.message).toBe('Participants: is required but empty');
		expect(network.unexpected).toEqual([]);
	});

	it('Leave: PUT …/leave with no body', async () => {
		const scope = api().put(`${SESSION_PATH}/leave`, noBody).reply(202, ACCEPTED);

		const result = await runNetSapiens({ resource: 'messageSession', operation: 'leave', messagesession: byId(SESSION) });

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('Delete: DELETE the session', async () => {
		const scope = api().delete(SESSION_PATH, noBody).reply(202, ACCEPTED);

		const result = await runNetSapiens({ resource: 'messageSession', operation: 'delete', messagesession: byId(SESSION) });

		expect(result.main).toEqual([{ json: ACCEPTED, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('a 404 shows the provider’s message', async () => {
		api().delete(SESSION_PATH).reply(404, { code: 404, message: 'Messagesession not found' });

		const result = await runNetSapiens({ resource: 'messageSession', operation: 'delete', messagesession: byId(SESSION) });

		expect(result.error?.message).toBe('Messagesession not found');
		expect(result.error?.description).toBe('HTTP 404 from NetSapiens');
	});
});
