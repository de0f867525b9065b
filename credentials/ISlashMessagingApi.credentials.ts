import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { plainHttpNotice, trimTrailingSlashes, urlFieldText } from '../nodes/shared/url';

/** `api.example.com`, `https://api.example.com/` or `…/api/public` all become `https://api.example.com/api/public`. */
export function iSlashBaseUrl(host: unknown): string {
	const text = urlFieldText(host, 'API Host', 'iSlash');
	// https unless the user typed a scheme (a local test server or a proxy may be plain http)
	const scheme = /^http:\/\//i.test(text) ? 'http' : 'https';
	const bare = trimTrailingSlashes(text.replace(/^https?:\/\//i, '')).replace(
		/\/api\/public$/i,
		'',
	);
	return `${scheme}://${bare}/api/public`;
}

export class ISlashMessagingApi implements ICredentialType {
	name = 'iSlashMessagingApi';

	displayName = 'iSlash Messaging API';

	icon: Icon = {
		light: 'file:../nodes/ISlash/iSlash.svg',
		dark: 'file:../nodes/ISlash/iSlash.dark.svg',
	};

	documentationUrl = 'https://github.com/session-messaging/n8n-nodes-session-messaging#islash';

	properties: INodeProperties[] = [
		{
			displayName: 'API Host',
			name: 'host',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. api.your-company.islash.io',
			description:
				'The API endpoint host iSlash gave you with your token (ISLASH_API_ENDPOINT in their docs), without https:// or a path. Requests go to https://{host}/api/public.',
		},
		plainHttpNotice('host'),
		{
			displayName: 'User Token',
			name: 'userToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The secret key iSlash provides for its API, sent as the X-USER-TOKEN header',
		},
		{
			displayName: 'Default Session Key',
			name: 'defaultSession',
			type: 'string',
			required: true,
			default: '',
			description:
				'A session key your iSlash admin generates per channel (WhatsApp number or Facebook page); it decides which channel the node acts on. Each node operation can override it.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the iSlash Trigger only: a random text of at least 32 letters, digits or - . _ ~, e.g. the output of openssl rand -hex 32. It goes at the end of the webhook URL you paste into iSlash (?secret=…); change both together to rotate it.',
		},
	];

	/**
	 * The token header and the base URL on every request, in plain JS (CONTRIBUTING.md › Why: per-item
	 * expressions). The request object is changed in place, never copied, so a multipart (FormData) body
	 * reaches the HTTP client untouched.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			'X-USER-TOKEN': String(credentials.userToken ?? ''),
		};
		if (!requestOptions.baseURL && !/^https?:\/\//.test(requestOptions.url)) {
			requestOptions.baseURL = iSlashBaseUrl(credentials.host);
		}
		return requestOptions;
	}

	/**
	 * No iSlash call proves a token alone: the cheapest one that needs token, host and session key together
	 * is the channel's sticker list. iSlash refuses with HTTP 200 and its own meta.code, of which only
	 * RESP_OKAY is documented, so only an answer holding the list passes: the rule matches a body whose
	 * `data.stickers` is missing (n8n compares the value at the key with `===`).
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/sticker',
			qs: { session: '={{ $credentials.defaultSession }}' },
			disableFollowRedirect: true, // see failedAnswer (nodes/shared/errors.ts)
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data.stickers',
					value: undefined,
					message:
						'iSlash did not answer with the channel’s sticker list: check the API host, the user token and the session key',
				},
			},
		],
	};
}
