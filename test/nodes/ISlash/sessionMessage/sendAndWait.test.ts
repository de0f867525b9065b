import { answerWaiting, isValidlySigned, resumeLinks } from '../../../harness/waiting';
import { guardNetwork } from '../../../harness/nockGuard';
import {
	BASE,
	capture,
	nock,
	okay,
	parseMultipart,
	runISlash,
	SESSION,
	sentMessage,
	TOKEN,
	type CapturedRequest,
} from '../fixtures';

guardNetwork();

describe('iSlash › Session Message › Send and Wait for Response', () => {
	it('posts Send Session Message (multipart: session, identity, text with the signed link), then the answer names the contact', async () => {
		const seen: CapturedRequest[] = [];
		const scope = nock(BASE)
			.post('/send-session-message')
			.reply(capture(seen, okay({ message: sentMessage })));
		const waiting = await runISlash({
			items: [{ json: { phone: '85256872847' } }],
			parameters: {
				resource: 'sessionMessage',
				operation: 'sendAndWait',
				identity: '={{ $json.phone }}',
				message: 'Which day suits you?',
				responseType: 'freeText',
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		expect(seen[0].headers['x-user-token']).toBe(TOKEN);
		const parts = await parseMultipart(seen[0]);
		const text = String(parts.find(([name]) => name === 'text')?.[1]);
		const [link] = resumeLinks(text);
		expect(parts).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['text', `Which day suits you?\r\n\r\nAnswer here: ${link}`],
		]);
		expect(isValidlySigned(link)).toBe(true);
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: link,
			body: { text: 'Friday' },
		});
		expect(answered.items?.[0].json).toEqual({
			identity: '85256872847',
			data: { text: 'Friday', respondedAt: expect.any(String) },
		});
	});

	it('an approval names the contact too', async () => {
		const scope = nock(BASE)
			.post('/send-session-message')
			.reply(200, okay({ message: sentMessage }));
		const waiting = await runISlash({
			parameters: {
				resource: 'sessionMessage',
				operation: 'sendAndWait',
				identity: '85256872847',
				message: 'Keep the booking?',
				approvalOptions: { values: { approvalType: 'double' } },
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: '/',
			body: { approved: 'false' },
		});
		expect(answered.items?.[0].json).toEqual({
			identity: '85256872847',
			data: { approved: false, respondedAt: expect.any(String) },
		});
	});
});
