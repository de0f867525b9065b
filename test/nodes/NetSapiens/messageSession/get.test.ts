import { guardNetwork } from '../../../harness/nockGuard';
import { api, byId, runNetSapiens, session, SESSION, SESSION_PATH } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Get: one session (answered as a one-row list) is one item', async () => {
		const scope = api()
			.get(SESSION_PATH)
			.reply(200, [session(SESSION)]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'get',
				messagesession: byId(SESSION),
			},
		});

		expect(result.main).toEqual([{ json: session(SESSION), pairedItem: { item: 0 } }]);
		scope.done();
	});
});

describe('NetSapiens › Message Session › Get on a core 44.x', () => {
	it('Get on a core without the route: the 404 "No Route Found" names the core version it needs', async () => {
		const scope = api().get(SESSION_PATH).reply(404, { code: 404, message: 'No Route Found [92]' });

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'get',
				messagesession: byId(SESSION),
			},
		});

		expect(result.error).toMatchObject({
			message:
				'No Route Found [92]: Message Session › Get needs NetSapiens core 45 or later (core 44.x has no GET of one session); use Message Session › Get Many instead',
			httpCode: '404',
		});
		scope.done();
	});

	it('a missing session (404 "Record not found") keeps NetSapiens’ own words', async () => {
		api().get(SESSION_PATH).reply(404, { code: 404, message: 'Record not found' });
		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'get',
				messagesession: byId(SESSION),
			},
		});
		expect(result.error).toMatchObject({ message: 'Record not found', httpCode: '404' });
	});
});
