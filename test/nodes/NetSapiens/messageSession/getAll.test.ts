import { guardNetwork } from '../../../harness/nockGuard';
import { api, runNetSapiens, session } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Get Many for a user: GET …/users/{user}/messagesessions?limit=', async () => {
		const scope = api()
			.get('/domains/example/users/2500/messagesessions')
			.query({ limit: 5 })
			.reply(200, [session('a'), session('b')]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'getAll',
				scope: 'user',
				domain: 'example',
				user: '2500',
				limit: 5,
			},
		});

		expect(result.main.map((item) => item.json['messagesession-id'])).toEqual(['a', 'b']);
		scope.done();
	});

	it('Get Many for a domain: GET /domains/{domain}/messagesessions?limit=1000 with Return All', async () => {
		const scope = api()
			.get('/domains/~/messagesessions')
			.query({ limit: 1000 })
			.reply(200, [session('a')]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'getAll',
				scope: 'domain',
				returnAll: true,
			},
		});

		expect(result.main).toHaveLength(1);
		scope.done();
	});

	it('Get Many keeps at most Limit rows even if the server sends more', async () => {
		api()
			.get('/domains/~/users/~/messagesessions')
			.query({ limit: 1 })
			.reply(200, [session('a'), session('b')]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'getAll',
				limit: 1,
			},
		});

		expect(result.main).toHaveLength(1);
	});
});
