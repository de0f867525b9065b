import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import {
	BASE,
	isEmpty,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	runSuperOffice,
	session,
} from '../fixtures';

guardNetwork();

describe('SuperOffice › Chat Session', () => {
	it('Create: POST ChatTopic/{id}/Sessions with no body (OAuth2)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.post('/api/v1/ChatTopic/3/Sessions', isEmpty)
			.reply(200, session(99));

		const result = await runSuperOffice({
			credentials: oAuth2Credentials(),
			parameters: {
				resource: 'chatSession',
				operation: 'create',
				chatTopicId: { __rl: true, mode: 'list', value: '3' },
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual(session(99));
		scope.done();
	});
});
