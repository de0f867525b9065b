import nock from 'nock';
import { SuperOfficeMessagingOAuth2Api } from '../../credentials/SuperOfficeMessagingOAuth2Api.credentials';
import { runCredentialTest } from '../harness/credentials';
import { credentialsHelperFor } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';
import {
	BASE,
	credentialTypes,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	principal,
} from '../nodes/SuperOffice/fixtures';

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
			const result = await runCredentialTest(
				new SuperOfficeMessagingOAuth2Api(),
				oAuth2Credentials(extra).superOfficeMessagingOAuth2Api,
				credentialsHelperFor(credentialTypes),
			);
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			scope.done();
		},
	);

	it('OAuth2 builds the authorize and token URLs from the environment and passes the tenant as acr_values', () => {
		const props = Object.fromEntries(
			new SuperOfficeMessagingOAuth2Api().properties.map((p) => [p.name, p.default]),
		);
		expect(new SuperOfficeMessagingOAuth2Api().extends).toEqual(['oAuth2Api']);
		expect(props).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: '=https://{{$self["environment"]}}.superoffice.com/login/common/oauth/authorize',
			accessTokenUrl: '=https://{{$self["environment"]}}.superoffice.com/login/common/oauth/tokens',
			scope: 'openid',
			authQueryParameters: '=acr_values=tenant:{{$self["tenant"]}}',
		});
	});
});
