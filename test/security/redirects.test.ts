import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { ICredentialType } from 'n8n-workflow';
import nock from 'nock';
import { EvoVoiceMessagingApi } from '../../credentials/EvoVoiceMessagingApi.credentials';
import { ISlashMessagingApi } from '../../credentials/ISlashMessagingApi.credentials';
import { NetSapiensMessagingApi } from '../../credentials/NetSapiensMessagingApi.credentials';
import { SuperOfficeMessagingApi } from '../../credentials/SuperOfficeMessagingApi.credentials';
import { SuperOfficeMessagingOAuth2Api } from '../../credentials/SuperOfficeMessagingOAuth2Api.credentials';
import { NetSapiensTrigger } from '../../nodes/NetSapiens/NetSapiensTrigger.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOffice/SuperOfficeTrigger.node';
import { runCredentialTest } from '../harness/credentials';
import { credentialsHelperFor } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';
import { TriggerHarness } from '../harness/trigger';
import * as evo from '../nodes/EvoVoice/fixtures';
import * as islash from '../nodes/ISlash/fixtures';
import * as ns from '../nodes/NetSapiens/fixtures';
import * as so from '../nodes/SuperOffice/fixtures';
import { drive, runError } from '../reliability/drive';
import { SEND_OPERATIONS, type SendOperation } from '../reliability/matrix';

/**
 * Issue 33, item 1: no request the package makes follows a redirect. n8n's HTTP layer follows a 3xx by
 * default and re-adds Authorization on a cross-origin hop, keeps custom headers and re-posts the body on
 * a 307; so a host answering `302 Location: https://elsewhere.test/` must receive nothing, and the
 * redirect must be an error naming where it pointed, never a silent success.
 */

const network = guardNetwork();
const ELSEWHERE = 'https://elsewhere.test';
const TARGET = `${ELSEWHERE}/collect`;

/** Records every request the other host receives (it must receive none). */
function elsewhere(): string[] {
	const seen: string[] = [];
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
		nock(ELSEWHERE)
			.persist()
			.intercept(() => true, method)
			.reply(function (uri) {
				seen.push(`${method} ${uri} ${JSON.stringify(this.req.headers)}`);
				return [200, { ok: true }];
			});
	}
	return seen;
}

const firstOf = (provider: string): SendOperation =>
	SEND_OPERATIONS.find((op) => op.provider.name === provider)!;

describe('Issue 33 › 1. No credential leaves on a redirect', () => {
	describe.each(['EvoVoice', 'iSlash', 'NetSapiens', 'SuperOffice (ticket)'])(
		'%s send (engine request path)',
		(provider) => {
			it.each([302, 307])(
				'a %i is an error naming where it pointed; the other host receives nothing',
				async (status) => {
					const op = firstOf(provider);
					const seen = elsewhere();
					op.provider.prepare?.();
					op.intercept().reply(status, '', { Location: TARGET });
					const run = await drive(op);
					const error = runError(run.result);
					expect(run.result?.main ?? []).toEqual([]);
					expect(error?.name).toBe('NodeApiError');
					expect(error?.message).toBe(
						`${provider.replace(/ \(.*\)$/, '')} answered a redirect to ${TARGET} — check the Base URL`,
					);
					expect(error?.httpCode).toBe(String(status));
					expect(seen).toEqual([]);
					expect(network.unexpected).toEqual([]);
				},
			);
		},
	);

	it('NetSapiens token request: a 307 is not re-posted (client secret and password stay home)', async () => {
		const seen = elsewhere();
		nock(ns.BASE).post('/tokens').reply(307, '', { Location: TARGET });
		const op = SEND_OPERATIONS.find((each) => each.provider.name === 'NetSapiens (login)')!;
		const run = await drive(op);
		expect(runError(run.result)?.message).toMatch(
			`NetSapiens answered the token request with a redirect to ${TARGET}`,
		);
		expect(seen).toEqual([]);
		expect(network.unexpected).toEqual([]);
	});

	it('SuperOffice webhook registration (its body holds the webhook secret) is not re-posted', async () => {
		const seen = elsewhere();
		nock(so.BASE).post('/api/v1/Webhook').reply(307, '', { Location: TARGET });
		const harness = new TriggerHarness({
			nodeType: new SuperOfficeTrigger(),
			parameters: { authentication: 'superOfficeMessagingApi', events: ['chatsession.created'] },
			credentials: so.bearerCredentials,
			credentialTypes: so.credentialTypes,
			webhookBaseUrl: 'https://n8n.example.com/webhook',
		});
		await expect(harness.lifecycle('create')).rejects.toThrow(
			`SuperOffice answered a redirect to ${TARGET} — check the Base URL`,
		);
		expect(seen).toEqual([]);
	});

	it('NetSapiens subscription (its post-url holds the webhook secret) is not re-posted', async () => {
		const seen = elsewhere();
		// activation first lists the subscriptions, to replace any older one posting to this node
		nock(ns.BASE).get('/subscriptions').reply(200, []);
		nock(ns.BASE).post('/subscriptions').reply(308, '', { Location: TARGET });
		const harness = new TriggerHarness({
			nodeType: new NetSapiensTrigger(),
			parameters: { event: 'message', domain: 'example', user: '*', inboundOnly: true },
			credentials: { netSapiensMessagingApi: ns.apiKeyCredentials },
			credentialTypes: [new NetSapiensMessagingApi()],
		});
		await expect(harness.lifecycle('create')).rejects.toThrow(
			`NetSapiens answered a redirect to ${TARGET} — check the Base URL`,
		);
		expect(seen).toEqual([]);
	});

	const credentialTests: Array<[string, ICredentialType, object, string, string]> = [
		[
			'EvoVoice',
			new EvoVoiceMessagingApi(),
			evo.credentials.evoVoiceMessagingApi,
			evo.BASE,
			'/auth/status',
		],
		[
			'iSlash',
			new ISlashMessagingApi(),
			islash.credentials.iSlashMessagingApi,
			`https://${islash.HOST}`,
			'/api/public/sticker',
		],
		['NetSapiens', new NetSapiensMessagingApi(), ns.apiKeyCredentials, ns.BASE, '/apikeys/~'],
		[
			'SuperOffice',
			new SuperOfficeMessagingApi(),
			so.bearerCredentials.superOfficeMessagingApi,
			so.BASE,
			'/api/v1/User/currentPrincipal',
		],
		[
			'SuperOffice OAuth2',
			new SuperOfficeMessagingOAuth2Api(),
			so.oAuth2Credentials().superOfficeMessagingOAuth2Api,
			so.BASE,
			'/api/v1/User/currentPrincipal',
		],
	];

	it.each(credentialTests)(
		'%s credential test: a 302 fails the test and the other host receives nothing',
		async (_name, type, data, origin, path) => {
			const seen = elsewhere();
			nock(origin)
				.get(path)
				.query(() => true)
				.reply(302, '', { Location: TARGET });
			const outcome = await runCredentialTest(
				type,
				data as never,
				credentialsHelperFor([type, ...so.credentialTypes]),
			);
			expect(outcome.status).toBe('Error');
			expect(seen).toEqual([]);
			expect(network.unexpected).toEqual([]);
		},
	);
});

/** An http server on a loopback port the OS picks; every request is handed to `handle`. */
async function listen(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{
	server: Server;
	origin: string;
}> {
	const server = createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('Issue 33 › 1. No credential leaves on a redirect (real loopback sockets)', () => {
	let provider: Server;
	let other: Server;
	const received: string[] = [];
	let providerOrigin = '';

	beforeAll(async () => {
		const second = await listen((req, res) => {
			received.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
		});
		other = second.server;
		const first = await listen((req, res) => {
			req.resume();
			const status = req.url?.includes('permanent') ? 302 : 307;
			res.writeHead(status, { Location: `${second.origin}/collect` }).end();
		});
		provider = first.server;
		providerOrigin = first.origin;
	});

	afterAll(async () => {
		await new Promise((resolve) => provider.close(resolve));
		await new Promise((resolve) => other.close(resolve));
	});

	it('an EvoVoice send answered 307 by its host: the second server receives nothing (no Basic password, no body)', async () => {
		nock.enableNetConnect('127.0.0.1');
		const op = firstOf('EvoVoice');
		const result = await evo.runEvoVoice({
			parameters: op.parameters,
			items: [{ json: { id: 0 } }],
			credentials: {
				evoVoiceMessagingApi: { ...evo.credentials.evoVoiceMessagingApi, baseUrl: providerOrigin },
			},
		});
		expect(runError(result)?.message).toMatch(
			/^EvoVoice answered a redirect to http:\/\/127\.0\.0\.1:\d+\/collect — check the Base URL$/,
		);
		expect(received).toEqual([]);
	});
});
