import { answerWaiting, isValidlySigned, resumeLinks } from '../../../harness/waiting';
import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, byId, runNetSapiens, SESSION, SESSION_PATH } from '../fixtures';

const network = guardNetwork();

const SEND_AND_WAIT = { resource: 'message', operation: 'sendAndWait', domain: '~', user: '~' };

describe('NetSapiens › Message › Send and Wait for Response', () => {
	it('posts a MessageSend (sms) with the question and a signed link into the session, and the answer names it', async () => {
		let sent: Record<string, unknown> = {};
		const scope = api()
			.post(`${SESSION_PATH}/messages`, (body: Record<string, unknown>) => {
				sent = body;
				return true;
			})
			.reply(202, ACCEPTED);
		const waiting = await runNetSapiens({
			parameters: {
				...SEND_AND_WAIT,
				messagesession: byId(SESSION),
				messageType: 'sms',
				destination: '+1 858 555 1234',
				fromNumber: { __rl: true, mode: 'number', value: '18585550001' },
				message: 'Refund 40 EUR?',
				approvalOptions: { values: { approvalType: 'double' } },
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const [link] = resumeLinks(String(sent.message));
		expect(sent).toEqual({
			type: 'sms',
			destination: '18585551234',
			'from-number': '18585550001',
			message: `Refund 40 EUR?\n\nAnswer here: ${link}`,
		});
		expect(isValidlySigned(link)).toBe(true);
		const declined = await answerWaiting(waiting, {
			method: 'POST',
			url: link,
			body: { approved: 'false' },
		});
		expect(declined.items?.[0].json).toEqual({
			'messagesession-id': SESSION,
			type: 'sms',
			destination: '18585551234',
			'from-number': '18585550001',
			data: { approved: false, respondedAt: expect.any(String) },
		});
	});

	it('starts a new session when Message Session is empty, and the answer names the same session', async () => {
		let path = '';
		const scope = api()
			.post(/\/domains\/~\/users\/~\/messagesessions\/[A-Za-z0-9]{40}\/messages$/)
			.reply(function () {
				path = this.req.path;
				return [202, ACCEPTED];
			});
		const waiting = await runNetSapiens({
			parameters: {
				...SEND_AND_WAIT,
				messageType: 'chat',
				destination: '1123',
				message: 'Which room?',
				responseType: 'freeText',
			},
		});
		expect(waiting.error).toBeUndefined();
		scope.done();
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: '/',
			body: { text: 'Room 4' },
		});
		expect(answered.items?.[0].json.data).toEqual({
			text: 'Room 4',
			respondedAt: expect.any(String),
		});
		const sessionId = String(answered.items?.[0].json['messagesession-id']);
		expect(path).toBe(`/ns-api/v2/domains/~/users/~/messagesessions/${sessionId}/messages`);
	});

	it('offers only the text types (a file cannot carry the question)', async () => {
		const { NetSapiens } = await import('../../../../nodes/NetSapiens/NetSapiens.node');
		const type = new NetSapiens().description.properties.find(
			(property) =>
				property.name === 'messageType' &&
				property.displayOptions?.show?.operation?.includes('sendAndWait'),
		);
		expect(type?.options?.map((option) => ('value' in option ? option.value : ''))).toEqual([
			'chat',
			'groupChat',
			'groupSms',
			'sms',
		]);
		expect(network.unexpected).toEqual([]);
	});
});
