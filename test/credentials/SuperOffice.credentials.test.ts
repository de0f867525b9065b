import type { ICredentialDataDecryptedObject, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import nock from 'nock';
import { SuperOfficeApi } from '../../credentials/SuperOfficeApi.credentials';
import { SuperOfficeOAuth2Api } from '../../credentials/SuperOfficeOAuth2Api.credentials';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOffice/SuperOfficeTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { runNode } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';
import {
	APP_TOKEN,
	BASE,
	BASIC,
	BEARER,
	basicCredentials,
	bearerCredentials,
	credentialTypes,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	TICKET,
	ticketCredentials,
} from '../nodes/SuperOffice/fixtures';

/**
 * What n8n's credential tester runs: a declarative request built from the credential's `test.request`,
 * authenticated with the credential (n8n's CredentialsTester feeds it to a RoutingNode the same way).
 */
function testerNode(type: 'superOfficeOAuth2Api'): INodeType {
	const credential = new SuperOfficeOAuth2Api();
	const description: INodeTypeDescription = {
		displayName: 'Credential test',
		name: 'credentialTest',
		group: ['output'],
		version: 1,
		description: 'Runs a credential test request',
		defaults: { name: 'Credential test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: type, required: true }],
		requestDefaults: credential.test.request,
		properties: [{ displayName: 'Run', name: 'run', type: 'hidden', default: '', routing: { request: {} } }],
	};
	return { description };
}

const principal = { Associate: 'AGENT', AssociateId: 5, Database: 'Cust12345' };

guardNetwork();

describe('SuperOffice credentials', () => {
	const testApi = async (credentials: { superOfficeApi: ICredentialDataDecryptedObject }) =>
		await runCredentialTest(new SuperOffice(), 'superOfficeApi', credentials.superOfficeApi);

	it('SuperOffice API is tested by the nodes (GET /api/v1/User/currentPrincipal); OAuth2 keeps its declared test', () => {
		expect('test' in new SuperOfficeApi()).toBe(false);
		expect(new SuperOfficeTrigger().description.credentials?.[0].testedBy).toBe(new SuperOffice().description.credentials?.[0].testedBy);
		expect(new SuperOfficeOAuth2Api().test.request).toMatchObject({ url: '/api/v1/User/currentPrincipal', method: 'GET' });
	});

	it.each([
		['Bearer token', bearerCredentials, { authorization: BEARER }],
		['SOTicket + SO-AppToken + locale', ticketCredentials, { authorization: `SOTicket ${TICKET}`, 'so-apptoken': APP_TOKEN, 'so-language': 'en' }],
	])('SuperOffice API tests with %s against the online tenant', async (_name, credentials, headers) => {
		const scope = nock(BASE, { reqheaders: headers }).get('/api/v1/User/currentPrincipal').reply(200, principal);
		expect(await testApi(credentials)).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		scope.done();
	});

	it('SuperOffice API tests Basic against an exact onsite URL', async () => {
		const scope = nock('https://crm.example.com', { reqheaders: { authorization: BASIC } })
			.get('/SuperOffice/api/v1/User/currentPrincipal')
			.reply(200, principal);
		expect((await testApi(basicCredentials)).status).toBe('OK');
		scope.done();
	});

	it('a failed test shows SuperOffice’s own reason and the status, not "Unauthorized"', async () => {
		const reason = 'Basic authentication is not accepted by SuperOffice Online. Use a ticket or an access token.';
		nock(BASE).get('/api/v1/User/currentPrincipal').reply(401, { Error: true, ErrorType: 'SoAuthenticationException', Message: reason });
		expect(await testApi(bearerCredentials)).toEqual({ status: 'Error', message: `${reason} (HTTP 401)` });
	});

	it('SuperOffice API refuses a credential without a tenant, naming what is missing', async () => {
		const result = await testApi({ superOfficeApi: { connection: 'online', environment: 'sod', tenant: '', authType: 'bearer', accessToken: 'x' } });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/no usable address/);
	});

	it.each([
		['environment + tenant', {}, BASE],
		['exact API URL', { apiUrl: 'https://online3.superoffice.com/Cust12345/api/' }, 'https://online3.superoffice.com/Cust12345'],
	])('SuperOffice OAuth2 tests with the access token against the %s', async (_name, extra, base) => {
		const scope = nock(base, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.get('/api/v1/User/currentPrincipal')
			.reply(200, principal);
		const result = await runNode({
			nodeType: testerNode('superOfficeOAuth2Api'),
			credentialTypes,
			credentials: oAuth2Credentials(extra),
			parameters: {},
		});
		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('OAuth2 builds the authorize and token URLs from the environment and passes the tenant as acr_values', () => {
		const props = Object.fromEntries(new SuperOfficeOAuth2Api().properties.map((p) => [p.name, p.default]));
		expect(new SuperOfficeOAuth2Api().extends).toEqual(['oAuth2Api']);
		expect(props).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: '=https://{{$self["environment"]}}.superoffice.com/login/common/oauth/authorize',
			accessTokenUrl: '=https://{{$self["environment"]}}.superoffice.com/login/common/oauth/tokens',
			scope: 'openid',
			authQueryParameters: '=acr_values=tenant:{{$self["tenant"]}}',
		});
	});
});
