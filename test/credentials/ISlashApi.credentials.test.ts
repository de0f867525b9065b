import nock from 'nock';
import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { iSlashBaseUrl, ISlashApi } from '../../credentials/ISlashApi.credentials';
import { runNode } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';

guardNetwork();

const credential = new ISlashApi();
const data = { host: 'crm.islash.test', userToken: 'user-token-xyz', defaultSession: 'session-852' };

describe('iSlash API credential › authenticate', () => {
	it('adds X-USER-TOKEN and https://{host}/api/public, keeping the request object', async () => {
		const request = { url: '/sticker', headers: { Accept: 'application/json' } };
		const result = await credential.authenticate(data, request);
		expect(result).toBe(request);
		expect(result.headers).toEqual({ Accept: 'application/json', 'X-USER-TOKEN': 'user-token-xyz' });
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
		expect(iSlashBaseUrl('http://127.0.0.1:4010/islash/api/public/')).toBe('http://127.0.0.1:4010/islash/api/public');
	});
});

/**
 * What n8n's CredentialsTester does with a credential's `test`: it runs the test request through the
 * declarative RoutingNode on a stand-in node that has the credential, then applies the rules to the
 * answer (a `responseSuccessBody` rule fails the test when `get(body, key) === value`).
 */
class CredentialTestNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['output'],
		version: 1,
		description: 'Runs a credential test request',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iSlashApi', required: true }],
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credential.test.request } }],
	};
}

/** lodash's get for a dotted key, as the tester uses it. */
const get = (body: unknown, key: string): unknown =>
	key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), body);

async function testCredential(credentialData = data) {
	const result = await runNode({
		nodeType: new CredentialTestNode(),
		parameters: {},
		credentials: { iSlashApi: credentialData },
		credentialTypes: [credential],
	});
	if (result.error) return { status: 'Error', message: result.error.message };
	const body = result.main[0].json;
	for (const rule of credential.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK' };
}

describe('iSlash API credential › test', () => {
	it('proves token, host and session key together with GET /sticker?session=', async () => {
		const scope = nock('https://crm.islash.test', { reqheaders: { 'x-user-token': 'user-token-xyz' } })
			.get('/api/public/sticker')
			.query({ session: 'session-852' })
			.reply(200, { meta: { code: 'RESP_OKAY', message: 'Success' }, data: { stickers: [] } });

		expect(await testCredential({ ...data, host: 'https://crm.islash.test/' })).toEqual({ status: 'OK' });
		scope.done();
	});

	it('fails on an answer without the sticker list (iSlash refusing with HTTP 200)', async () => {
		nock('https://crm.islash.test')
			.get('/api/public/sticker')
			.query(true)
			.reply(200, { meta: { code: 'RESP_INVALID_SESSION', message: 'Invalid session' }, data: [] });

		const outcome = await testCredential();
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/did not accept this token and session key/);
	});

	it('fails on an HTTP error', async () => {
		// n8n's request helper tries a 401 once more after its (here empty) re-authentication step.
		nock('https://crm.islash.test')
			.get('/api/public/sticker')
			.query(true)
			.times(2)
			.reply(401, { meta: { code: 'RESP_UNAUTHORIZED', message: 'Unauthorized' } });
		expect((await testCredential()).status).toBe('Error');
	});
});
