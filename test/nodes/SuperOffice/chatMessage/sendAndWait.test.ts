import nock from 'nock';
import { answerWaiting, isValidlySigned, resumeLinks } from '../../../harness/waiting';
import { guardNetwork } from '../../../harness/nockGuard';
import {
	BASE,
	BEARER,
	byId,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	runSuperOffice,
} from '../fixtures';

guardNetwork();

const SEND_AND_WAIT = {
	resource: 'chatMessage',
	operation: 'sendAndWait',
	chatSessionId: byId('7'),
};

describe('SuperOffice › Chat Message › Send and Wait for Response', () => {
	it('posts AddChatMessage (To Customer, no special type) with the signed link, and the answer names the session', async () => {
		let sent: Record<string, unknown> = {};
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.post('/api/v1/ChatSession/7/Messages', (body: Record<string, unknown>) => {
				sent = body;
				return true;
			})
			.reply(200, { ChatMessageId: 9 });
		const waiting = await runSuperOffice({
			parameters: {
				...SEND_AND_WAIT,
				message: 'May I close this case?',
				additionalFields: { author: 'Bot' },
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const [link] = resumeLinks(String(sent.Message));
		expect(sent).toEqual({
			ChatMessageId: 0,
			ChatSessionId: 7,
			Type: 'ToCustomer',
			Author: 'Bot',
			ReadByCustomer: 0,
			SpecialType: 'None',
			Message: `May I close this case?\n\nAnswer here: ${link}`,
		});
		expect(isValidlySigned(link)).toBe(true);
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: link,
			body: { approved: 'true' },
		});
		expect(answered.items?.[0].json).toEqual({
			chatSessionId: 7,
			data: { approved: true, respondedAt: expect.any(String) },
		});
	});

	it('sends with the OAuth2 credential when Authentication picks it, and takes a typed answer', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.post('/api/v1/ChatSession/7/Messages')
			.reply(200, { ChatMessageId: 9 });
		const waiting = await runSuperOffice({
			credentials: oAuth2Credentials(),
			parameters: { ...SEND_AND_WAIT, message: 'Anything else?', responseType: 'freeText' },
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: '/',
			body: { text: 'No, thanks' },
		});
		expect(answered.items?.[0].json).toEqual({
			chatSessionId: 7,
			data: { text: 'No, thanks', respondedAt: expect.any(String) },
		});
	});
});
