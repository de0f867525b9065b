import nock from 'nock';
import { SuperOffice } from '../../../../nodes/SuperOffice/SuperOffice.node';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, bearerCredentials, loadOptionsContext } from '../fixtures';

guardNetwork();

describe('SuperOffice › list searches', () => {
	it('lists the current user’s chat topics, filtered by name', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatTopic/ForCurrentUser')
			.twice()
			.reply(200, [
				{ ChatTopicId: 3, Name: 'Sales' },
				{ ChatTopicId: 4, Name: 'Support' },
			]);
		const { searchChatTopics } = new SuperOffice().methods.listSearch;
		const context = loadOptionsContext(bearerCredentials, 'superOfficeMessagingApi');

		expect(await searchChatTopics.call(context)).toEqual({
			results: [
				{ name: 'Sales', value: '3' },
				{ name: 'Support', value: '4' },
			],
		});
		expect(await searchChatTopics.call(context, 'sup')).toEqual({
			results: [{ name: 'Support', value: '4' }],
		});
		scope.done();
	});

	it('shows SuperOffice’s own message when the list cannot be read', async () => {
		nock(BASE)
			.get('/api/v1/ChatTopic/ForCurrentUser')
			.reply(403, { Error: 'No chat licence', ErrorType: 'SoSecurityException' });
		const { searchChatTopics } = new SuperOffice().methods.listSearch;
		await expect(
			searchChatTopics.call(loadOptionsContext(bearerCredentials, 'superOfficeMessagingApi')),
		).rejects.toMatchObject({
			message: 'No chat licence',
			description: 'SoSecurityException',
			httpCode: '403',
		});
	});
});
