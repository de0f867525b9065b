import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, runISlash, SESSION, TOKEN } from '../fixtures';

const network = guardNetwork();

describe('iSlash › Label › Attach / Detach', () => {
	it('attaches with POST /chat-label?session&identity&label and no body', async () => {
		let body: unknown;
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.post('/chat-label')
			.query({ session: SESSION, identity: '85256872847', label: 'Pending Payment' })
			.reply(200, (_uri, requestBody) => {
				body = requestBody;
				return okay();
			});

		const result = await runISlash({
			parameters: {
				resource: 'label',
				operation: 'attach',
				identity: '85256872847',
				label: 'Pending Payment',
			},
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(body).toBe('');
		expect(result.main).toEqual([
			{
				json: { identity: '85256872847', label: 'Pending Payment', attached: true },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('refuses an empty label before sending', async () => {
		const result = await runISlash({
			parameters: {
				resource: 'label',
				operation: 'attach',
				identity: '85256872847',
				label: '={{ $json.label }}',
			},
		});
		expect(result.error?.message).toBe('Label: is required but empty');
		expect(network.unexpected).toEqual([]);
	});
});
