import nock from 'nock';
import { SuperOffice } from '../../../../nodes/SuperOffice/SuperOffice.node';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, loadOptionsContext, oAuth2Credentials, OAUTH_ACCESS_TOKEN } from '../fixtures';

guardNetwork();

describe('SuperOffice › list searches', () => {
	it('lists the current user’s chat sessions by customer and status (OAuth2)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.get('/api/v1/ChatSession/ForCurrentUser')
			.reply(200, [
				{ ChatSessionId: 11, CustomerName: 'Ada Lovelace', Status: 'Active' },
				{ ChatSessionId: 12, CustomerAlias: 'Visitor 5' },
			]);
		const { searchChatSessions } = new SuperOffice().methods.listSearch;

		const result = await searchChatSessions.call(
			loadOptionsContext(oAuth2Credentials(), 'superOfficeMessagingOAuth2Api'),
		);

		expect(result).toEqual({
			results: [
				{ name: 'Ada Lovelace – Active (#11)', value: '11' },
				{ name: 'Visitor 5 (#12)', value: '12' },
			],
		});
		scope.done();
	});
});
