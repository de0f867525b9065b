import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, runSuperOffice, session } from '../fixtures';

guardNetwork();

describe('SuperOffice › Chat Session', () => {
	it('Get Many for Current User: GET ChatSession/ForCurrentUser, one item per session', async () => {
		const scope = nock(BASE)
			.get('/api/v1/ChatSession/ForCurrentUser')
			.reply(200, [session(1), session(2), session(3)]);

		const result = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'getAllForCurrentUser', returnAll: true },
		});

		expect(result.main.map((item) => item.json)).toEqual([session(1), session(2), session(3)]);
		scope.done();
	});
});
