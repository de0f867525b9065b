import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';
import { EvoVoiceMessagingApi } from '../../credentials/EvoVoiceMessagingApi.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { EvoVoiceTrigger } from '../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { guardNetwork } from '../harness/nockGuard';
import { BASE, BASIC, credentials } from '../nodes/EvoVoice/fixtures';

describe('EvoVoice Messaging API credential', () => {
	const credential = new EvoVoiceMessagingApi();

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
		const relative = await credential.authenticate(
			{ username: 'u', password: 'p' },
			{ url: '/auth/status' },
		);
		expect(relative.baseURL).toBe('https://evovoice.io');
		const absolute = await credential.authenticate(
			{ username: 'u', password: 'p' },
			{ url: 'https://x.test/a' },
		);
		expect(absolute.baseURL).toBeUndefined();
	});
});

describe('EvoVoice Messaging API credential › test (as n8n’s credentials tester runs it)', () => {
	guardNetwork();
	const data = credentials.evoVoiceMessagingApi;
	const test = () => runCredentialTest(new EvoVoiceMessagingApi(), data);

	it('is the credential’s own declarative test, which n8n’s verification accepts (no node names another)', () => {
		expect(new EvoVoiceMessagingApi().test?.request.url).toBe('/auth/status');
		for (const node of [new EvoVoice(), new EvoVoiceTrigger()])
			expect(node.description.credentials?.[0].testedBy).toBeUndefined();
	});

	it('passes when GET /auth/status signs the user in (Basic auth)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/auth/status')
			.reply(200, { isAuthenticated: true, userName: 'agent' });
		expect(await test()).toEqual({ status: 'OK', message: 'Connection successful!' });
		scope.done();
	});

	it('a refused login fails with n8n’s reading of the status (its tester shows the status text)', async () => {
		// n8n's HTTP helper retries a request once after a 401 (to refresh a token), so EvoVoice is asked twice.
		nock(BASE)
			.get('/auth/status')
			.times(2)
			.reply(401, {
				responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' },
			});
		expect(await test()).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
	});

	it('fails when ServiceStack answers that the user is not authenticated', async () => {
		nock(BASE).get('/auth/status').reply(200, { isAuthenticated: false });
		expect(await test()).toEqual({
			status: 'Error',
			message: 'EvoVoice did not sign this user in: check the user name and password',
		});
	});

	it('gives the error code when nothing answers, as n8n’s tester does', async () => {
		nock(BASE)
			.get('/auth/status')
			.replyWithError(
				Object.assign(new Error('getaddrinfo ENOTFOUND evovoice.test'), { code: 'ENOTFOUND' }),
			);
		expect(await test()).toEqual({
			status: 'Error',
			message: 'ENOTFOUND',
		});
	});
});
