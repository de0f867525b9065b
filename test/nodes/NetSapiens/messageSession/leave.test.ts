import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, byId, noBody, runNetSapiens, SESSION, SESSION_PATH } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Leave: PUT …/leave with no body', async () => {
		const scope = api().put(`${SESSION_PATH}/leave`, noBody).reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'leave',
				messagesession: byId(SESSION),
			},
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});
});
