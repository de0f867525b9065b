import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { redirectTestRules } from '../nodes/shared/errors';
import { plainHttpNotice } from '../nodes/shared/url';
import {
	environmentProperty,
	localeProperties,
	tenantProperty,
} from '../nodes/SuperOffice/shared/descriptions';
import { localeHeaders, superOfficeBaseUrl } from '../nodes/SuperOffice/shared/transport';

const showOnline = { show: { connection: ['online'] } };
const showCustom = { show: { connection: ['custom'] } };

export class SuperOfficeMessagingApi implements ICredentialType {
	name = 'superOfficeMessagingApi';

	displayName = 'SuperOffice Messaging API';

	icon: Icon = {
		light: 'file:../nodes/SuperOffice/superOffice.svg',
		dark: 'file:../nodes/SuperOffice/superOffice.dark.svg',
	};

	documentationUrl = 'https://github.com/session-messaging/n8n-nodes-session-messaging#superoffice';

	properties: INodeProperties[] = [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'options',
			options: [
				{ name: 'Exact API URL (Onsite, or a Numbered Online Host)', value: 'custom' },
				{ name: 'SuperOffice Online (Environment + Tenant)', value: 'online' },
			],
			default: 'online',
		},
		{ ...environmentProperty, displayOptions: showOnline },
		{ ...tenantProperty, displayOptions: showOnline },
		{
			displayName: 'API URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://crm.example.com/SuperOffice',
			required: true,
			displayOptions: showCustom,
			description:
				'The address the Web API lives under, without /api/v1. Onsite: your web server and virtual directory. Online tenants served from a numbered host: the Endpoint of https://{env}.superoffice.com/api/state/{tenant}, e.g. https://sod2.superoffice.com/Cust12345.',
		},
		plainHttpNotice('baseUrl', { connection: ['custom'] }),
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Access Token (Bearer)', value: 'bearer' },
				{ name: 'System User Ticket (SOTicket)', value: 'soTicket' },
				{ name: 'Username and Password (Basic, Onsite Only)', value: 'basic' },
			],
			default: 'bearer',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['bearer'] } },
			description:
				'An OAuth access token (8A:…) issued to your app for this tenant. It expires after an hour; for a lasting connection use the SuperOffice Messaging OAuth2 API credential.',
		},
		{
			displayName: 'Ticket',
			name: 'ticketSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['soTicket'] } },
			description:
				'A system user ticket (7T:…), obtained by your app from PartnerSystemUser/Authenticate, or an onsite user’s ticket',
		},
		{
			displayName: 'Application Token',
			name: 'appToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['soTicket'] } },
			description:
				'Sent as SO-AppToken: your app’s client secret from the SuperOffice developer portal. Required by SuperOffice Online with a ticket; leave empty onsite.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		...localeProperties,
	];

	/**
	 * Authorization (Bearer, SOTicket + SO-AppToken, or Basic), the locale headers and the base URL, in
	 * plain JS (CONTRIBUTING.md › Why: per-item expressions).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: IHttpRequestOptions['headers'] = {
			...requestOptions.headers,
			...localeHeaders(credentials),
		};
		const secret = (name: string) => String(credentials[name] ?? '').trim();
		if (credentials.authType === 'basic') {
			const basic = Buffer.from(
				`${String(credentials.username ?? '')}:${String(credentials.password ?? '')}`,
			).toString('base64');
			headers.Authorization = `Basic ${basic}`;
		} else if (credentials.authType === 'soTicket') {
			headers.Authorization = `SOTicket ${secret('ticketSecret')}`;
			if (secret('appToken')) headers['SO-AppToken'] = secret('appToken');
		} else {
			headers.Authorization = `Bearer ${secret('accessToken')}`;
		}
		requestOptions.headers = headers;
		if (!requestOptions.baseURL && !/^https?:\/\//i.test(requestOptions.url)) {
			const baseUrl = superOfficeBaseUrl(credentials);
			if (!baseUrl) {
				throw new Error(
					'The SuperOffice credential has no usable address: enter the tenant, or a full API URL starting with https://',
				);
			}
			requestOptions.baseURL = baseUrl;
		}
		return requestOptions;
	}

	/** GET /api/v1/User/currentPrincipal: who the credential signs in as. */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/api/v1/User/currentPrincipal',
			disableFollowRedirect: true, // see failedAnswer (nodes/shared/errors.ts)
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'SuperOffice refused the credential (HTTP 401): check the token or ticket, the application token and the tenant',
				},
			},
			...redirectTestRules('SuperOffice'),
		],
	};
}
