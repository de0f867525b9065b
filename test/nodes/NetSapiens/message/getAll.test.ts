import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, byId, runNetSapiens } from '../fixtures';

const network = guardNetwork();

const SESSION = '177b39bb06162ce930be0657f9286781';
const PATH = `/domains/~/users/~/messagesessions/${SESSION}/messages`;
const message = (id: number) => ({
	id,
	timestamp: '2023-07-31 23:52:35',
	type: 'chat',
	direction: 'orig',
	text: `m${id}`,
});

describe('NetSapiens › Message › Get Many', () => {
	it('asks for Limit rows and returns one item per message', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get(PATH)
			.query({ limit: 2 })
			.reply(200, [message(1), message(2)]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'message',
				operation: 'getAll',
				messagesession: byId(SESSION),
				limit: 2,
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([
			{ json: message(1), pairedItem: { item: 0 } },
			{ json: message(2), pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('Return All asks once for the documented maximum of 1000 (the API has no offset)', async () => {
		const rows = Array.from({ length: 1000 }, (_, i) => message(i));
		const scope = nock(BASE).get(PATH).query({ limit: 1000 }).once().reply(200, rows);

		const result = await runNetSapiens({
			parameters: {
				resource: 'message',
				operation: 'getAll',
				messagesession: byId(SESSION),
				returnAll: true,
			},
		});

		expect(result.main).toHaveLength(1000);
		scope.done();
		expect(network.unexpected).toEqual([]);
	});

	it('a one-row answer sent as a bare object is one item', async () => {
		nock(BASE).get(PATH).query({ limit: 50 }).reply(200, message(7));

		const result = await runNetSapiens({
			parameters: {
				resource: 'message',
				operation: 'getAll',
				messagesession: byId(SESSION),
			},
		});

		expect(result.main.map((item) => item.json)).toEqual([message(7)]);
	});

	it('requires the session', async () => {
		const result = await runNetSapiens({
			parameters: {
				resource: 'message',
				operation: 'getAll',
				messagesession: byId('={{ "" }}'),
			},
		});
		expect(result.error?.message).toBe('Message Session: is required but empty');
		expect(network.unexpected).toEqual([]);
	});
});
