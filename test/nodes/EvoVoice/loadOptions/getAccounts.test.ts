import nock from 'nock';
import { getAccounts } from '../../../../nodes/EvoVoice/loadOptions/getAccounts';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, context } from '../fixtures';

guardNetwork();

describe('EvoVoice › account dropdown', () => {
	it('lists the accounts of GET /auth/status by name', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC, accept: 'application/json' } })
			.get('/auth/status')
			.reply(200, {
				isAuthenticated: true,
				accountIds: ['a2', 'a1'],
				accountNames: ['Zeta Dental', 'Acme'],
			});

		expect(await getAccounts.call(context())).toEqual([
			{ name: 'Acme', value: 'a1' },
			{ name: 'Zeta Dental', value: 'a2' },
		]);
		scope.done();
	});

	it('surfaces ServiceStack’s message when the login is refused', async () => {
		nock(BASE)
			.get('/auth/status')
			.reply(401, {
				responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' },
			});
		await expect(getAccounts.call(context())).rejects.toMatchObject({
			message: 'Invalid UserName or Password',
			httpCode: '401',
		});
	});
});
