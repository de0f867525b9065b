import nock from 'nock';
import { BASE, BEARER, runSuperOffice } from '../fixtures';
import { guardNetwork } from '../../../harness/nockGuard';

const topic = (id: number) => ({
	ChatTopicId: id,
	Name: `Topic ${id}`,
	Description: 'Support',
	WelcomeMessage: 'Hi!',
});

guardNetwork();

describe('SuperOffice › Chat Topic › Get Many', () => {
	it('lists the current user’s topics, one item each, within the limit', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatTopic/ForCurrentUser')
			.reply(200, [topic(1), topic(2), topic(3)]);

		const result = await runSuperOffice({
			parameters: { resource: 'chatTopic', operation: 'getAll', limit: 2 },
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([
			{ json: topic(1), pairedItem: { item: 0 } },
			{ json: topic(2), pairedItem: { item: 0 } },
		]);
		scope.done();
	});
});
