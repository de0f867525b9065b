import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, byId, runNetSapiens, SESSION, SESSION_PATH } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Rename: PUT {"session-name": …}', async () => {
		const scope = api()
			.put(SESSION_PATH, { 'session-name': 'Poway Soccer Team' })
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'rename',
				messagesession: byId(SESSION),
				sessionName: 'Poway Soccer Team',
			},
		});

		expect(result.main).toEqual([{ json: ACCEPTED, pairedItem: { item: 0 } }]);
		scope.done();
	});
});
