import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, search, templates, TOKEN } from '../fixtures';

guardNetwork();

describe('iSlash › list searches', () => {
	it('lists templates by name for the template picker, with the node’s session key', async () => {
		const scope = nock(BASE)
			.post('/template-message', { session: 'page-session' })
			.reply(200, okay({ templates }));

		expect(await search('searchTemplates', undefined, { sessionKey: 'page-session' })).toEqual({
			results: [
				{ name: 'payment_update_en (en_US, APPROVED)', value: 'payment_update_en' },
				{ name: 'order_shipped_zh (zh_HK, PENDING)', value: 'order_shipped_zh' },
			],
		});
		scope.done();
	});

	it('throws iSlash’s message and the HTTP status when the listing is refused with an error status', async () => {
		nock(BASE)
			.post('/template-message')
			.reply(403, {
				meta: { code: 'RESP_FORBIDDEN', message: 'Token has no access to this channel' },
			});
		const failure = (await search('searchTemplates').catch((error: unknown) => error)) as {
			message: string;
			httpCode: string;
			description: string;
		};
		expect({ message: failure.message, httpCode: failure.httpCode }).toEqual({
			message: 'Token has no access to this channel',
			httpCode: '403',
		});
		expect(JSON.stringify(failure)).not.toContain(TOKEN);
	});
});
