import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, runISlash, SESSION } from '../fixtures';

guardNetwork();

describe('iSlash › Label › Attach / Detach', () => {
	it('detaches with DELETE /chat-label?session&hash&label for a contact given by hash', async () => {
		const scope = nock(BASE)
			.delete('/chat-label')
			.query({ session: SESSION, hash: 'c0ffee42', label: 'Paid' })
			.reply(200, okay());

		const result = await runISlash({
			parameters: {
				resource: 'label',
				operation: 'detach',
				contactBy: 'hash',
				hash: 'c0ffee42',
				label: 'Paid',
			},
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main[0].json).toEqual({ hash: 'c0ffee42', label: 'Paid', detached: true });
	});
});
