import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, runNetSapiens } from '../fixtures';

guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Start: POST /domains/{domain}/users/{user}/messages with the MessageSend body', async () => {
		const scope = api()
			.post('/domains/~/users/~/messages', {
				type: 'chat',
				message: 'Hello there!',
				destination: '0010',
			})
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'start',
				messageType: 'chat',
				destination: '0010',
				message: 'Hello there!',
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual({
			code: 202,
			message: 'Accepted',
			type: 'chat',
			destination: '0010',
			text: 'Hello there!',
		});
		scope.done();
	});
});
