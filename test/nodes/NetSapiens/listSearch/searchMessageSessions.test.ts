import nock from 'nock';
import { searchMessageSessions } from '../../../../nodes/NetSapiens/listSearch/searchMessageSessions';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, loadOptions } from '../fixtures';

guardNetwork();

describe('NetSapiens › list searches', () => {
	it('message sessions of the token’s own user (~) when the fields hold expressions', async () => {
		const scope = nock(BASE)
			.get('/domains/~/users/~/messagesessions')
			.query({ limit: 1000 })
			.reply(200, [
				{
					'messagesession-id': 'aaa',
					'messagesession-name': 'Team',
					'messagesession-last-message': 'see you',
				},
				{
					'messagesession-id': 'bbb',
					'messagesession-name': '',
					'messagesession-remote': 17145550353,
				},
			]);

		const result = await searchMessageSessions.call(
			loadOptions({ domain: '={{ $json.d }}', user: '~' }),
		);

		expect(result.results).toEqual([
			{ name: 'Team — see you', value: 'aaa' },
			{ name: '17145550353', value: 'bbb' },
		]);
		scope.done();
	});
});
