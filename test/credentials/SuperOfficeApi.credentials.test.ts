import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';
import { SuperOfficeApi } from '../../credentials/SuperOfficeApi.credentials';
import { SuperOfficeOAuth2Api } from '../../credentials/SuperOfficeOAuth2Api.credentials';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOffice/SuperOfficeTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { guardNetwork } from '../harness/nockGuard';
import {
	APP_TOKEN,
	BASE,
	BASIC,
	BEARER,
	basicCredentials,
	bearerCredentials,
	principal,
	TICKET,
	ticketCredentials,
} from '../nodes/SuperOffice/fixtures';

guardNetwork();

describe('SuperOffice credentials', () => {
	const testApi = async (credentials: { superOfficeApi: ICredentialDataDecryptedObject }) =>
		await runCredentialTest(new SuperOffice(), 'superOfficeApi', credentials.superOfficeApi);

	it('SuperOffice API is tested by the nodes (GET /api/v1/User/currentPrincipal); OAuth2 keeps its declared test', () => {
		expect('test' in new SuperOfficeApi()).toBe(false);
		expect(new SuperOfficeTrigger().description.credentials?.[0].testedBy).toBe(
			new SuperOffice().description.credentials?.[0].testedBy,
		);
		expect(new SuperOfficeOAuth2Api().test.request).toMatchObject({
			url: '/api/v1/User/currentPrincipal',
			method: 'GET',
		});
	});

	it.each([
		['Bearer token', bearerCredentials, { authorization: BEARER }],
		[
			'SOTicket + SO-AppToken + locale',
			ticketCredentials,
			{ authorization: `SOTicket ${TICKET}`, 'so-apptoken': APP_TOKEN, 'so-language': 'en' },
		],
	])(
		'SuperOffice API tests with %s against the online tenant',
		async (_name, credentials, headers) => {
			const scope = nock(BASE, { reqheaders: headers })
				.get('/api/v1/User/currentPrincipal')
				.reply(200, principal);
			expect(await testApi(credentials)).toEqual({
				status: 'OK',
				message: 'Connection tested successfully',
			});
			scope.done();
		},
	);

	it('SuperOffice API tests Basic against an exact onsite URL', async () => {
		const scope = nock('https://crm.example.com', { reqheaders: { authorization: BASIC } })
			.get('/SuperOffice/api/v1/User/currentPrincipal')
			.reply(200, principal);
		expect((await testApi(basicCredentials)).status).toBe('OK');
		scope.done();
	});

	it('a failed test shows SuperOffice’s own reason and the status, not "Unauthorized"', async () => {
		const reason =
			'Basic authentication is not accepted by SuperOffice Online. Use a ticket or an access token.';
		nock(BASE)
			.get('/api/v1/User/currentPrincipal')
			.reply(401, { Error: true, ErrorType: 'SoAuthenticationException', Message: reason });
		expect(await testApi(bearerCredentials)).toEqual({
			status: 'Error',
			message: `${reason} (HTTP 401)`,
		});
	});

	it('SuperOffice API refuses a credential without a tenant, naming what is missing', async () => {
		const result = await testApi({
			superOfficeApi: {
				connection: 'online',
				environment: 'sod',
				tenant: '',
				authType: 'bearer',
				accessToken: 'x',
			},
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/no usable address/);
	});
});
