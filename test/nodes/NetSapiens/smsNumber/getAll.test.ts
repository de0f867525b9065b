import nock from 'nock';
import { BASE, BEARER, runNetSapiens } from '../fixtures';
import { guardNetwork } from '../../../harness/nockGuard';

guardNetwork();

const number = (n: string) => ({
	number: n,
	application: 'user',
	domain: 'example',
	dest: '1000',
	'mms-capable': true,
});

describe('NetSapiens › SMS Number › Get Many', () => {
	it('for the user: GET /domains/{domain}/users/{user}/smsnumbers (no limit parameter exists)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/domains/~/users/~/smsnumbers')
			.reply(200, [number('18585550001'), number('18585550002')]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'smsNumber',
				operation: 'getAll',
				returnAll: true,
			},
		});

		expect(result.main.map((item) => item.json)).toEqual([
			number('18585550001'),
			number('18585550002'),
		]);
		scope.done();
	});

	it('for the domain, keeping the first Limit numbers', async () => {
		const scope = nock(BASE)
			.get('/domains/example/smsnumbers')
			.reply(200, [number('1'), number('2'), number('3')]);

		const result = await runNetSapiens({
			parameters: {
				resource: 'smsNumber',
				operation: 'getAll',
				scope: 'domain',
				domain: 'example',
				limit: 2,
			},
		});

		expect(result.main.map((item) => item.json.number)).toEqual(['1', '2']);
		scope.done();
	});
});
