import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class EvoVoiceApi implements ICredentialType {
	name = 'evoVoiceApi';

	displayName = 'EvoVoice API';

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
			requestOptions.baseURL = String(credentials.baseUrl || 'https://evovoice.io').replace(
				/\/+$/,
				'',
			);
		}
		return requestOptions;
	}
}
