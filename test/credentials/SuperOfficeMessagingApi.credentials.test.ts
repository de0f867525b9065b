import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';
import { SuperOfficeMessagingApi } from '../../credentials/SuperOfficeMessagingApi.credentials';
import { SuperOfficeMessagingOAuth2Api } from '../../credentials/SuperOfficeMessagingOAuth2Api.credentials';
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
	const testApi = async (credentials: {
		superOfficeMessagingApi: ICredentialDataDecryptedObject;
	}) => await runCredentialTest(new SuperOfficeMessagingApi(), credentials.superOfficeMessagingApi);

	it('both credentials declare their own test, GET /api/v1/User/currentPrincipal (no node names another)', () => {
		expect(new SuperOfficeMessagingApi().test.request).toMatchObject({
			url: '/api/v1/User/currentPrincipal',
			method: 'GET',
		});
		for (const node of [new SuperOffice(), new SuperOfficeTrigger()])
			for (const credential of node.description.credentials ?? [])
				expect(credential.testedBy).toBeUndefined();
		expect(new SuperOfficeMessagingOAuth2Api().test.request).toMatchObject({
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
		'SuperOffice Messaging API tests with %s against the online tenant',
		async (_name, credentials, headers) => {
			const scope = nock(BASE, { reqheaders: headers })
				.get('/api/v1/User/currentPrincipal')
				.reply(200, principal);
			expect(await testApi(credentials)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			scope.done();
		},
	);

	it('SuperOffice Messaging API tests Basic against an exact onsite URL', async () => {
		const scope = nock('https://crm.example.com', { reqheaders: { authorization: BASIC } })
			.get('/SuperOffice/api/v1/User/currentPrincipal')
			.reply(200, principal);
		expect((await testApi(basicCredentials)).status).toBe('OK');
		scope.done();
	});

	it('a refused credential says what to check, with the status (asked twice: n8n retries once after a 401)', async () => {
		const reason =
			'Basic authentication is not accepted by SuperOffice Online. Use a ticket or an access token.';
		nock(BASE)
			.get('/api/v1/User/currentPrincipal')
			.times(2)
			.reply(401, { Error: true, ErrorType: 'SoAuthenticationException', Message: reason });
		expect(await testApi(bearerCredentials)).toEqual({
			status: 'Error',
			message:
				'SuperOffice refused the credential (HTTP 401): check the token or ticket, the application token and the tenant',
		});
	});

	it('SuperOffice Messaging API refuses a credential without a tenant, naming what is missing', async () => {
		const result = await testApi({
			superOfficeMessagingApi: {
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
