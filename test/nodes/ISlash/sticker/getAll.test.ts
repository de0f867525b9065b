import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, runISlash, stickers, TOKEN } from '../fixtures';

guardNetwork();

describe('iSlash › Sticker › Get Many', () => {
	it('gets /sticker?session= with the node’s session key and returns the stickers', async () => {
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.get('/sticker')
			.query({ session: 'other-channel' })
			.reply(200, okay({ stickers }));

		const result = await runISlash({
			parameters: {
				resource: 'sticker',
				operation: 'getAll',
				returnAll: true,
				sessionKey: 'other-channel',
			},
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main.map((item) => item.json)).toEqual(stickers);
	});
});
