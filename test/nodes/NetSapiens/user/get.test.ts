import { guardNetwork } from '../../../harness/nockGuard';
import { api, runNetSapiens } from '../fixtures';

const network = guardNetwork();

/** A user as GetUser answers it (schema User of the docs v45.0 OpenAPI, a few of its fields). */
const user = (name: string, domain: string) => ({
	domain,
	user: name,
	'name-first-name': 'Dana',
	'name-last-name': 'Reyes',
	'login-username': `${name}@${domain}`,
	email: 'dana.reyes@example.com',
	'user-scope': 'Basic User',
	department: 'Support',
	'time-zone': 'US/Pacific',
	'caller-id-number': '18585551234',
	'caller-id-name': 'Dana Reyes',
});

describe('NetSapiens › User', () => {
	it('Get: GET /domains/~/users/~ is the key’s own user, one item', async () => {
		const scope = api().get('/domains/~/users/~').reply(200, user('1000', 'example'));

		const result = await runNetSapiens({ parameters: { resource: 'user', operation: 'get' } });

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: user('1000', 'example'), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get: the Domain and User given go into the path, one request per item', async () => {
		const scope = api()
			.get('/domains/example/users/1000')
			.reply(200, user('1000', 'example'))
			.get('/domains/example/users/2500')
			.reply(200, user('2500', 'example'));

		const result = await runNetSapiens({
			parameters: {
				resource: 'user',
				operation: 'get',
				domain: 'example',
				user: '={{ $json.extension }}',
			},
			items: [{ json: { extension: '1000' } }, { json: { extension: '2500' } }],
		});

		expect(result.main).toEqual([
			{ json: user('1000', 'example'), pairedItem: { item: 0 } },
			{ json: user('2500', 'example'), pairedItem: { item: 1 } },
		]);
		scope.done();
	});

	it('Get leaves the voicemail PIN out of the output', async () => {
		api()
			.get('/domains/~/users/~')
			.reply(200, { ...user('1000', 'example'), 'voicemail-login-pin': '4321' });

		const result = await runNetSapiens({ parameters: { resource: 'user', operation: 'get' } });

		expect(result.main).toEqual([{ json: user('1000', 'example'), pairedItem: { item: 0 } }]);
		expect(JSON.stringify(result.main)).not.toContain('4321');
	});

	it('Get refuses an empty User before any request', async () => {
		const result = await runNetSapiens({
			parameters: { resource: 'user', operation: 'get', user: '' },
		});

		expect(result.error?.message).toBe('User: is required but empty');
		expect(network.unexpected).toEqual([]);
	});

	it('Get: a missing user (404) keeps NetSapiens’ own words', async () => {
		api()
			.get('/domains/example/users/1000')
			.reply(404, { code: 404, message: 'User 1000 does not exist in domain example' });

		const result = await runNetSapiens({
			parameters: {
				resource: 'user',
				operation: 'get',
				domain: 'example',
				user: '1000',
			},
		});

		expect(result.error).toMatchObject({
			message: 'User 1000 does not exist in domain example',
			httpCode: '404',
		});
	});
});
