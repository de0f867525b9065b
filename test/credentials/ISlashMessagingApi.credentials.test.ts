import nock from 'nock';
import {
	iSlashBaseUrl,
	ISlashMessagingApi,
} from '../../credentials/ISlashMessagingApi.credentials';
import { ISlash } from '../../nodes/ISlash/ISlash.node';
import { ISlashTrigger } from '../../nodes/ISlash/ISlashTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { guardNetwork } from '../harness/nockGuard';

guardNetwork();

const credential = new ISlashMessagingApi();
const data = {
	host: 'crm.islash.test',
	userToken: 'user-token-xyz',
	defaultSession: 'session-852',
};

describe('iSlash Messaging API credential › authenticate', () => {
	it('adds X-USER-TOKEN and https://{host}/api/public, keeping the request object', async () => {
		const request = { url: '/sticker', headers: { Accept: 'application/json' } };
		const result = await credential.authenticate(data, request);
		expect(result).toBe(request);
		expect(result.headers).toEqual({
			Accept: 'application/json',
			'X-USER-TOKEN': 'user-token-xyz',
		});
		expect(result.baseURL).toBe('https://crm.islash.test/api/public');
	});

	it('leaves an absolute URL alone', async () => {
		const result = await credential.authenticate(data, { url: 'https://elsewhere.test/x' });
		expect(result.baseURL).toBeUndefined();
	});

	it.each(['crm.islash.test', ' https://crm.islash.test/ ', 'https://crm.islash.test/api/public/'])(
		'normalises the host %p',
		(host) => {
			expect(iSlashBaseUrl(host)).toBe('https://crm.islash.test/api/public');
		},
	);

	it('keeps an explicit http:// (a local test server or proxy)', () => {
		expect(iSlashBaseUrl('http://127.0.0.1:4010/islash/api/public/')).toBe(
			'http://127.0.0.1:4010/islash/api/public',
		);
	});
});

async function testCredential(credentialData = data) {
	return await runCredentialTest(new ISlashMessagingApi(), credentialData);
}

describe('iSlash Messaging API credential › test (as n8n’s credentials tester runs it)', () => {
	it('is the credential’s own declarative test, which n8n’s verification accepts (no node names another)', () => {
		expect(credential.test?.request.url).toBe('/sticker');
		for (const node of [new ISlash(), new ISlashTrigger()])
			expect(node.description.credentials?.[0].testedBy).toBeUndefined();
	});

	it('proves token, host and session key together with GET /sticker?session=', async () => {
		const scope = nock('https://crm.islash.test', {
			reqheaders: { 'x-user-token': 'user-token-xyz' },
		})
			.get('/api/public/sticker')
			.query({ session: 'session-852' })
			.reply(200, { meta: { code: 'RESP_OKAY', message: 'Success' }, data: { stickers: [] } });

		expect(await testCredential({ ...data, host: 'https://crm.islash.test/' })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		scope.done();
	});

	it('fails when iSlash refuses with HTTP 200 and its own code (no sticker list in the answer)', async () => {
		nock('https://crm.islash.test')
			.get('/api/public/sticker')
			.query(true)
			.reply(200, {
				meta: {
					code: 'RESP_INVALID_SESSION',
					message: 'Invalid session key: check the session key',
				},
				data: [],
			});

		expect(await testCredential()).toEqual({
			status: 'Error',
			message:
				'iSlash did not answer with the channel’s sticker list: check the API host, the user token and the session key',
		});
	});

	it('fails on an OK answer without the sticker list', async () => {
		nock('https://crm.islash.test')
			.get('/api/public/sticker')
			.query(true)
			.reply(200, { meta: { code: 'RESP_OKAY', message: 'Success' }, data: [] });
		expect((await testCredential()).message).toMatch(
			/did not answer with the channel’s sticker list/,
		);
	});

	it('a refused token fails with n8n’s reading of the status (asked twice: n8n retries once after a 401)', async () => {
		nock('https://crm.islash.test')
			.get('/api/public/sticker')
			.query(true)
			.times(2)
			.reply(401, { meta: { code: 'RESP_UNAUTHORIZED', message: 'Invalid user token' } });
		expect(await testCredential()).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
	});

	it('a plain-http host typed without http:// gives the error code, as n8n’s tester does', async () => {
		nock('https://crm.islash.test')
			.get('/api/public/sticker')
			.query(true)
			.replyWithError(
				Object.assign(
					new Error('write EPROTO 0A00010B:SSL routines:ssl3_get_record:wrong version number'),
					{ code: 'EPROTO' },
				),
			);
		expect(await testCredential()).toEqual({ status: 'Error', message: 'EPROTO' });
	});
});
