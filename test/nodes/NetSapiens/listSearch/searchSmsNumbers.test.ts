import nock from 'nock';
import { searchSmsNumbers } from '../../../../nodes/NetSapiens/listSearch/searchSmsNumbers';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, loadOptions } from '../fixtures';

guardNetwork();

describe('NetSapiens › list searches', () => {
	it('SMS numbers of the node’s user, filtered by digits', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/domains/example/users/1000/smsnumbers')
			.reply(200, [
				{
					number: '18585550001',
					application: 'user',
					domain: 'example',
					dest: '1000',
					'mms-capable': true,
				},
				{
					number: '17145550002',
					application: 'user',
					domain: 'example',
					dest: '1000',
					'mms-capable': false,
				},
			]);

		const result = await searchSmsNumbers.call(
			loadOptions({ domain: 'example', user: '1000' }),
			'+1 858',
		);

		expect(result.results).toEqual([{ name: '18585550001 · MMS', value: '18585550001' }]);
		scope.done();
	});

	it('a provider error reaches the editor with its message', async () => {
		nock(BASE)
			.get('/domains/~/users/~/smsnumbers')
			.reply(403, { code: 403, message: 'Key is not allowed model smsnumber' });

		await expect(searchSmsNumbers.call(loadOptions({}))).rejects.toMatchObject({
			message: 'Key is not allowed model smsnumber',
			httpCode: '403',
		});
	});
});
