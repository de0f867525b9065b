import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, runISlash, SESSION, templates, TOKEN } from '../fixtures';

guardNetwork();

describe('iSlash › Template › Get Many', () => {
	it('posts {session} to /template-message and returns one item per template', async () => {
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.post('/template-message', { session: SESSION })
			.reply(200, okay({ templates }));

		const result = await runISlash({
			parameters: { resource: 'template', operation: 'getAll', returnAll: true },
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main).toEqual(templates.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('applies Limit to the whole list iSlash returns', async () => {
		nock(BASE).post('/template-message').reply(200, okay({ templates }));
		const result = await runISlash({
			parameters: { resource: 'template', operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(result.main.map((item) => item.json.name)).toEqual(['payment_update_en']);
	});
});
