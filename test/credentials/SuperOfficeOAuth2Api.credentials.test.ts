import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import nock from 'nock';
import { SuperOfficeOAuth2Api } from '../../credentials/SuperOfficeOAuth2Api.credentials';
import { runNode } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';
import {
	BASE,
	credentialTypes,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	principal,
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
		properties: [
			{ displayName: 'Run', name: 'run', type: 'hidden', default: '', routing: { request: {} } },
		],
	};
	return { description };
}

guardNetwork();

describe('SuperOffice credentials', () => {
	it.each([
		['environment + tenant', {}, BASE],
		[
			'exact API URL',
			{ apiUrl: 'https://online3.superoffice.com/Cust12345/api/' },
			'https://online3.superoffice.com/Cust12345',
		],
	])(
		'SuperOffice OAuth2 tests with the access token against the %s',
		async (_name, extra, base) => {
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
		},
	);

	it('OAuth2 builds the authorize and token URLs from the environment and passes the tenant as acr_values', () => {
		const props = Object.fromEntries(
			new SuperOfficeOAuth2Api().properties.map((p) => [p.name, p.default]),
		);
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
