import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { EvoVoiceMessagingApi } from '../../credentials/EvoVoiceMessagingApi.credentials';
import {
	iSlashBaseUrl,
	ISlashMessagingApi,
} from '../../credentials/ISlashMessagingApi.credentials';
import {
	netSapiensBaseUrl,
	NetSapiensMessagingApi,
} from '../../credentials/NetSapiensMessagingApi.credentials';
import { SuperOfficeMessagingApi } from '../../credentials/SuperOfficeMessagingApi.credentials';
import { SuperOfficeMessagingOAuth2Api } from '../../credentials/SuperOfficeMessagingOAuth2Api.credentials';
import { superOfficeBaseUrl } from '../../nodes/SuperOffice/shared/transport';
import { trimTrailingSlashes } from '../../nodes/shared/url';

/** Issue 33, items 5 and 6: the credentials' address fields. */

const LONG = `https://example.test${'/'.repeat(50_000)}x`;

describe('Issue 33 › 5. Credential URL fields: linear trimming and a length cap', () => {
	it.each<[string, () => unknown, string]>([
		[
			'NetSapiens Base URL Override',
			() => netSapiensBaseUrl({ baseUrl: LONG }),
			'Base URL Override',
		],
		['NetSapiens Server', () => netSapiensBaseUrl({ server: LONG }), 'Server'],
		['iSlash API Host', () => iSlashBaseUrl(LONG), 'API Host'],
		[
			'SuperOffice API URL',
			() => superOfficeBaseUrl({ connection: 'custom', baseUrl: LONG }),
			'API URL',
		],
		[
			'EvoVoice Base URL',
			() =>
				new EvoVoiceMessagingApi().authenticate(
					{ baseUrl: LONG, username: 'u', password: 'p' },
					{ url: '/auth/status' },
				),
			'Base URL',
		],
	])('%s: a 50,000-character value is refused, naming the field', async (_name, build, label) => {
		await expect(async () => await build()).rejects.toThrow(
			`${label} is longer than 2048 characters`,
		);
	});

	it('trailing slashes are still dropped, and only trailing ones', () => {
		expect(trimTrailingSlashes('https://h.test/a//')).toBe('https://h.test/a');
		expect(trimTrailingSlashes('////')).toBe('');
		expect(netSapiensBaseUrl({ baseUrl: ' https://h.test/ns-api/v2/// ' })).toBe(
			'https://h.test/ns-api/v2',
		);
		expect(netSapiensBaseUrl({ server: 'https://h.test/ns-api/v2' })).toBe(
			'https://h.test/ns-api/v2',
		);
		expect(iSlashBaseUrl('http://127.0.0.1:8080/api/public//')).toBe(
			'http://127.0.0.1:8080/api/public',
		);
	});
});

describe('Issue 33 › 6. A plain http:// address shows a warning in the credential', () => {
	const cases: Array<[string, ICredentialType, string, ICredentialDataDecryptedObject]> = [
		['EvoVoice', new EvoVoiceMessagingApi(), 'baseUrl', {}],
		['iSlash', new ISlashMessagingApi(), 'host', {}],
		['NetSapiens', new NetSapiensMessagingApi(), 'baseUrl', {}],
		['SuperOffice', new SuperOfficeMessagingApi(), 'baseUrl', { connection: 'custom' }],
		['SuperOffice OAuth2', new SuperOfficeMessagingOAuth2Api(), 'apiUrl', {}],
	];

	it.each(cases)(
		'%s: the notice under its address field shows for http:// only',
		(_name, type, field, values) => {
			const notice = type.properties.find(
				(property) => property.type === 'notice' && property.name === `${field}PlainHttpNotice`,
			);
			expect(notice?.displayName).toMatch(/plain http:\/\//);
			const shown = (address: string) =>
				NodeHelpers.displayParameter({ ...values, [field]: address }, notice!, null, null);
			expect(shown('http://pbx.example.com')).toBe(true);
			expect(shown('https://pbx.example.com')).toBe(false);
			expect(shown('')).toBe(false);
		},
	);
});
