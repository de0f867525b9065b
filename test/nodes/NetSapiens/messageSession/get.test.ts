import { guardNetwork } from '../../../harness/nockGuard';
import { api, byId, runNetSapiens, session, SESSION, SESSION_PATH } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Get: one session (answered as a one-row list) is one item', async () => {
		const scope = api()
			.get(SESSION_PATH)
			.reply(200, [session(SESSION)]);

		const result = await runNetSapiens({
			resource: 'messageSession',
			operation: 'get',
			messagesession: byId(SESSION),
		});

		expect(result.main).toEqual([{ json: session(SESSION), pairedItem: { item: 0 } }]);
		scope.done();
	});
});
