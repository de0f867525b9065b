import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, search, SESSION, stickers, TOKEN } from '../fixtures';

guardNetwork();

describe('iSlash › list searches', () => {
	it("lists the channel's stickers for the sticker picker, filtered by name", async () => {
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.get('/sticker')
			.query({ session: SESSION })
			.twice()
			.reply(200, okay({ stickers }));

		expect(await search('searchStickers')).toEqual({
			results: [
				{ name: 'sticker7 (66)', value: '66' },
				{ name: 'sticker5 (67)', value: '67' },
			],
		});
		expect((await search('searchStickers', 'KER5')).results).toEqual([
			{ name: 'sticker5 (67)', value: '67' },
		]);
		scope.done();
	});

	it('throws iSlash’s message when the listing fails', async () => {
		nock(BASE)
			.get('/sticker')
			.query(true)
			.reply(200, { meta: { code: 'RESP_INVALID_SESSION', message: 'Invalid session' } });
		await expect(search('searchStickers')).rejects.toThrow('Invalid session');
	});
});
