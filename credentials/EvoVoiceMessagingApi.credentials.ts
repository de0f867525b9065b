import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { plainHttpNotice, trimTrailingSlashes, urlFieldText } from '../nodes/shared/url';

export class EvoVoiceMessagingApi implements ICredentialType {
	name = 'evoVoiceMessagingApi';

	displayName = 'EvoVoice Messaging API';

	icon: Icon = {
		light: 'file:../nodes/EvoVoice/evoVoice.svg',
		dark: 'file:../nodes/EvoVoice/evoVoice.dark.svg',
	};

	documentationUrl = 'https://github.com/session-messaging/n8n-nodes-session-messaging#evovoice';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://evovoice.io',
			description: 'EvoVoice API address; use https://team.evovoice.io for the staging system',
		},
		plainHttpNotice('baseUrl'),
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The email address you sign in to EvoVoice with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	/**
	 * ServiceStack Basic auth and the base URL on every request, in plain JS
	 * (CONTRIBUTING.md › Why: per-item expressions).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const basic = Buffer.from(
			`${String(credentials.username)}:${String(credentials.password)}`,
		).toString('base64');
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Basic ${basic}` };
		if (!requestOptions.baseURL && !/^https?:\/\//.test(requestOptions.url)) {
			requestOptions.baseURL = trimTrailingSlashes(
				urlFieldText(credentials.baseUrl, 'Base URL', 'EvoVoice') || 'https://evovoice.io',
			);
		}
		return requestOptions;
	}

	/**
	 * GET /auth/status answers the login's user info. ServiceStack's metadata calls it "the current
	 * authenticated status or null", so an answer saying `isAuthenticated: false` fails the test too (n8n
	 * takes rules of one kind per test: a refused login, HTTP 401, shows as n8n's "Unauthorized").
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/auth/status',
			headers: { Accept: 'application/json' },
			disableFollowRedirect: true, // see failedAnswer (nodes/shared/errors.ts)
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'isAuthenticated',
					value: false,
					message: 'EvoVoice did not sign this user in: check the user name and password',
				},
			},
		],
	};
}
