import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, byId, noBody, runNetSapiens, SESSION, SESSION_PATH } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Delete: DELETE the session', async () => {
		const scope = api().delete(SESSION_PATH, noBody).reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'delete',
				messagesession: byId(SESSION),
			},
		});

		expect(result.main).toEqual([{ json: ACCEPTED, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('a 404 shows the provider’s message', async () => {
		api().delete(SESSION_PATH).reply(404, { code: 404, message: 'Messagesession not found' });

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'delete',
				messagesession: byId(SESSION),
			},
		});

		expect(result.error?.message).toBe('Messagesession not found');
		expect(result.error?.description).toBe('HTTP 404 from NetSapiens');
	});
});
