import type { IHttpRequestOptions } from 'n8n-workflow';
import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';

describe('EvoVoice API credential', () => {
	const credential = new EvoVoiceApi();

	it('adds ServiceStack Basic auth and the base URL (trailing slashes dropped)', async () => {
		const options = await credential.authenticate(
			{ baseUrl: 'https://team.evovoice.io//', username: 'agent@example.com', password: 'pa:ss' },
			{ url: '/messages', headers: { Accept: 'application/json' } } as IHttpRequestOptions,
		);
		expect(options.headers).toEqual({
			Accept: 'application/json',
			Authorization: `Basic ${Buffer.from('agent@example.com:pa:ss').toString('base64')}`,
		});
		expect(options.baseURL).toBe('https://team.evovoice.io');
	});

	it('defaults the base URL to https://evovoice.io and leaves absolute URLs alone', async () => {
		const relative = await credential.authenticate({ username: 'u', password: 'p' }, { url: '/auth/status' });
		expect(relative.baseURL).toBe('https://evovoice.io');
		const absolute = await credential.authenticate({ username: 'u', password: 'p' }, { url: 'https://x.test/a' });
		expect(absolute.baseURL).toBeUndefined();
	});

	it('is tested with GET /auth/status, failing when ServiceStack says the user is not authenticated', () => {
		expect(credential.test.request).toMatchObject({ url: '/auth/status', method: 'GET' });
		expect(credential.test.rules).toEqual([
			expect.objectContaining({
				type: 'responseSuccessBody',
				properties: expect.objectContaining({ key: 'isAuthenticated', value: false }),
			}),
		]);
	});
});
