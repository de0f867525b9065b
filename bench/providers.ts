import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { EvoVoiceMessagingApi } from '../credentials/EvoVoiceMessagingApi.credentials';
import { ISlashMessagingApi } from '../credentials/ISlashMessagingApi.credentials';
import { NetSapiensMessagingApi } from '../credentials/NetSapiensMessagingApi.credentials';
import { SuperOfficeMessagingApi } from '../credentials/SuperOfficeMessagingApi.credentials';
import { EvoVoice } from '../nodes/EvoVoice/EvoVoice.node';
import { ISlash } from '../nodes/ISlash/ISlash.node';
import { NetSapiens } from '../nodes/NetSapiens/NetSapiens.node';
import { SuperOffice } from '../nodes/SuperOffice/SuperOffice.node';
import { FIXTURES } from '../sandbox/server';

/** One provider's send operation, as the benchmark runs it through n8n and as a plain fetch sends it. */
export interface BenchProvider {
	name: string;
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials(serverUrl: string): ICredentialDataDecryptedObject;
	/** The send operation, with the message text taken from each item by an expression (as users do). */
	parameters: INodeParameters;
	/** The same request the node sends, for the baseline loop. */
	baseline(serverUrl: string, text: string): { url: string; init: RequestInit };
}

const json = (headers: Record<string, string>, body: unknown): RequestInit => ({
	method: 'POST',
	headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body),
});

const NETSAPIENS_KEY = FIXTURES.netsapiens.apiKey;
const EVO = FIXTURES.evovoice;
const ISLASH = FIXTURES.islash;
const SO = FIXTURES.superoffice;
const SESSION = 'bench_session_0123456789abcdefghijklmnop';

const allProviders: BenchProvider[] = [
	{
		name: 'NetSapiens',
		nodeType: new NetSapiens(),
		credentialType: new NetSapiensMessagingApi(),
		credentials: (url) => ({
			baseUrl: `${url}/netsapiens/ns-api/v2`,
			authentication: 'apiKey',
			apiKey: NETSAPIENS_KEY,
		}),
		parameters: {
			resource: 'message',
			operation: 'send',
			messageType: 'chat',
			messagesession: { __rl: true, mode: 'id', value: SESSION },
			destination: '1004',
			message: '={{ $json.text }}',
		},
		baseline: (url, text) => ({
			url: `${url}/netsapiens/ns-api/v2/domains/~/users/~/messagesessions/${SESSION}/messages`,
			init: json(
				{ authorization: `Bearer ${NETSAPIENS_KEY}` },
				{ type: 'chat', message: text, destination: '1004' },
			),
		}),
	},
	{
		name: 'EvoVoice',
		nodeType: new EvoVoice(),
		credentialType: new EvoVoiceMessagingApi(),
		credentials: (url) => ({
			baseUrl: `${url}/evovoice`,
			username: EVO.username,
			password: EVO.password,
		}),
		parameters: {
			resource: 'message',
			operation: 'send',
			sendTo: 'session',
			sessionId: 's1',
			body: '={{ $json.text }}',
		},
		baseline: (url, text) => ({
			url: `${url}/evovoice/sessions/s1/messages`,
			init: json(
				{
					authorization: `Basic ${Buffer.from(`${EVO.username}:${EVO.password}`).toString('base64')}`,
				},
				{ sessionId: 's1', body: text },
			),
		}),
	},
	{
		name: 'iSlash',
		nodeType: new ISlash(),
		credentialType: new ISlashMessagingApi(),
		credentials: (url) => ({
			host: `${url}/islash`,
			userToken: ISLASH.userToken,
			defaultSession: ISLASH.session,
		}),
		parameters: {
			resource: 'sessionMessage',
			operation: 'send',
			identity: '85256872847',
			text: '={{ $json.text }}',
		},
		baseline: (url, text) => {
			const form = new FormData();
			form.append('session', ISLASH.session);
			form.append('identity', '85256872847');
			form.append('text', text);
			return {
				url: `${url}/islash/api/public/send-session-message`,
				init: {
					method: 'POST',
					headers: { accept: 'application/json', 'x-user-token': ISLASH.userToken },
					body: form,
				},
			};
		},
	},
	{
		name: 'SuperOffice',
		nodeType: new SuperOffice(),
		credentialType: new SuperOfficeMessagingApi(),
		credentials: (url) => ({
			connection: 'custom',
			baseUrl: `${url}/superoffice/${SO.tenant}`,
			authType: 'bearer',
			accessToken: SO.accessToken,
		}),
		parameters: {
			resource: 'chatMessage',
			operation: 'send',
			chatSessionId: { __rl: true, mode: 'id', value: '7' },
			message: '={{ $json.text }}',
		},
		baseline: (url, text) => ({
			url: `${url}/superoffice/${SO.tenant}/api/v1/ChatSession/7/Messages`,
			init: json(
				{ authorization: `Bearer ${SO.accessToken}` },
				{
					ChatMessageId: 0,
					ChatSessionId: 7,
					Type: 'ToCustomer',
					Message: text,
					WhenPosted: new Date().toISOString(),
				},
			),
		}),
	},
];

/** BENCH_PROVIDERS=EvoVoice,iSlash limits a run to some providers (profiling). */
const only = (process.env.BENCH_PROVIDERS ?? '').split(',').filter(Boolean);
export const providers = only.length
	? allProviders.filter((p) => only.includes(p.name))
	: allProviders;
