import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';
import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { EvoVoiceTrigger } from '../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { guardNetwork } from '../harness/nockGuard';
import { BASE, BASIC, credentials } from '../nodes/EvoVoice/fixtures';

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

describe('EvoVoice API credential › test (the nodes’ credential test)', () => {
	guardNetwork();
	const data = credentials.evoVoiceApi;
	const test = () => runCredentialTest(new EvoVoice(), 'evoVoiceApi', data);

	it('is the nodes’ test, not the credential’s (n8n would use a credential `test` first)', () => {
		expect('test' in new EvoVoiceApi()).toBe(false);
		expect(new EvoVoiceTrigger().description.credentials?.[0].testedBy).toBe(
			new EvoVoice().description.credentials?.[0].testedBy,
		);
	});

	it('passes when GET /auth/status signs the user in (Basic auth)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/auth/status')
			.reply(200, { isAuthenticated: true, userName: 'agent' });
		expect(await test()).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		scope.done();
	});

	it('shows ServiceStack’s own reason and the HTTP status when it refuses', async () => {
		nock(BASE)
			.get('/auth/status')
			.reply(401, {
				responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' },
			});
		expect(await test()).toEqual({
			status: 'Error',
			message: 'Invalid UserName or Password (HTTP 401)',
		});
	});

	it('fails when ServiceStack answers that the user is not authenticated', async () => {
		nock(BASE).get('/auth/status').reply(200, { isAuthenticated: false });
		expect(await test()).toEqual({
			status: 'Error',
			message: 'EvoVoice did not sign this user in: check the user name and password',
		});
	});

	it('says what went wrong when nothing answers', async () => {
		nock(BASE)
			.get('/auth/status')
			.replyWithError(
				Object.assign(new Error('getaddrinfo ENOTFOUND evovoice.test'), { code: 'ENOTFOUND' }),
			);
		expect(await test()).toEqual({
			status: 'Error',
			message: 'No answer from EvoVoice: the host name could not be resolved',
		});
	});
});
