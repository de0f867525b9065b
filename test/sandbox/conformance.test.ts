import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURES, startSandbox, type Sandbox } from '../../sandbox/server';
import { checkRequest, checkResponse, type RecordedRequest } from '../conformance/specs';

// The sandbox stands in for NetSapiens and SuperOffice, whose official specs are its authority: for every
// route it serves for them, a request that conforms to the spec (checked) gets an answer whose status and
// body the spec documents for that operation (checked against its response schema). EvoVoice and iSlash
// publish no response schemas (test/conformance/specs holds only their request tables).

let sandbox: Sandbox;
let target: http.Server;
let targetUrl: string;
beforeAll(async () => {
	sandbox = await startSandbox();
	// SuperOffice pings a webhook's TargetUrl before it stores the webhook: a target that answers 200
	target = http.createServer((_req, res) => res.writeHead(200).end());
	await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
	targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => target.close(resolve));
});

const ns = FIXTURES.netsapiens;
const so = FIXTURES.superoffice;
const NS = '/netsapiens/ns-api/v2';
const SO = `/superoffice/${so.tenant}`;
const nsAuth = { authorization: `Bearer ${ns.apiKey}` };
const soAuth = { authorization: `Bearer ${so.accessToken}` };

interface Exchange {
	request: RecordedRequest;
	status: number;
	body: unknown;
}

/** Sends a request to the sandbox and keeps it as the conformance check reads requests. */
async function exchange(
	method: string,
	path: string,
	headers: Record<string, string>,
	body?: unknown,
): Promise<Exchange> {
	const sent = body === undefined ? '' : JSON.stringify(body);
	const allHeaders = { ...headers, ...(sent ? { 'content-type': 'application/json' } : {}) };
	const answer = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: allHeaders,
		body: sent || undefined,
	});
	const text = await answer.text();
	return {
		// the spec's templates are matched on the path after the provider's base, wherever it is served
		request: {
			method,
			url: `https://provider.test${path}`,
			headers: allHeaders,
			body: sent,
			test: path,
		},
		status: answer.status,
		body: text ? JSON.parse(text) : undefined,
	};
}

const SESSION = 'sandbox_conformance_0123456789abcdefghij';

const routes: Array<[string, () => Promise<Exchange>]> = [
	[
		'NetSapiens POST /tokens (password grant)',
		() =>
			exchange(
				'POST',
				`${NS}/tokens`,
				{},
				{
					grant_type: 'password',
					client_id: ns.clientId,
					client_secret: ns.clientSecret,
					username: ns.username,
					password: ns.password,
				},
			),
	],
	['NetSapiens GET /version', () => exchange('GET', `${NS}/version`, {})],
	[
		'NetSapiens POST …/messagesessions/{messagesession}/messages',
		() =>
			exchange('POST', `${NS}/domains/~/users/~/messagesessions/${SESSION}/messages`, nsAuth, {
				type: 'sms',
				message: 'Hello',
				destination: '15557654321',
				'from-number': ns.smsNumber,
			}),
	],
	[
		'NetSapiens GET /domains/{domain}/users/{user}/messagesessions',
		() => exchange('GET', `${NS}/domains/~/users/~/messagesessions`, nsAuth),
	],
	[
		'NetSapiens GET /domains/{domain}/users/{user}/smsnumbers',
		() => exchange('GET', `${NS}/domains/~/users/~/smsnumbers`, nsAuth),
	],
	[
		'NetSapiens POST /subscriptions',
		() =>
			exchange('POST', `${NS}/subscriptions`, nsAuth, {
				model: 'message',
				'post-url': 'https://n8n.example.com/webhook/x',
				domain: 'sandbox',
				user: '1000',
			}),
	],
	['NetSapiens GET /subscriptions', () => exchange('GET', `${NS}/subscriptions`, nsAuth)],
	[
		'NetSapiens PUT /subscriptions/{id}',
		() =>
			exchange('PUT', `${NS}/subscriptions/${sandbox.state.subscriptions[0].id}`, nsAuth, {
				'subscription-expires-datetime': '2046-01-01 00:00:00',
			}),
	],
	[
		'NetSapiens DELETE /subscriptions/{id}',
		() => {
			const id = String(sandbox.state.subscriptions[0].id);
			return exchange('DELETE', `${NS}/subscriptions/${id}`, nsAuth, {
				subscription_id: id,
				domain: 'sandbox',
			});
		},
	],
	[
		'SuperOffice POST /api/v1/ChatSession/{chatSessionId}/Messages',
		() =>
			exchange('POST', `${SO}/api/v1/ChatSession/${so.chatSessionId}/Messages`, soAuth, {
				ChatMessageId: 0,
				ChatSessionId: so.chatSessionId,
				Type: 'ToCustomer',
				Message: 'Hello',
				Author: 'Bot',
				SpecialType: 'None',
			}),
	],
	[
		'SuperOffice GET /api/v1/ChatSession/{chatSessionId}/Messages',
		() => exchange('GET', `${SO}/api/v1/ChatSession/${so.chatSessionId}/Messages?after=0`, soAuth),
	],
	[
		'SuperOffice GET /api/v1/ChatSession/ForCurrentUser',
		() => exchange('GET', `${SO}/api/v1/ChatSession/ForCurrentUser`, soAuth),
	],
	[
		'SuperOffice GET /api/v1/ChatTopic/ForCurrentUser',
		() => exchange('GET', `${SO}/api/v1/ChatTopic/ForCurrentUser`, soAuth),
	],
	[
		'SuperOffice GET /api/v1/User/currentPrincipal',
		() => exchange('GET', `${SO}/api/v1/User/currentPrincipal`, soAuth),
	],
];

describe('the sandbox answers as the providers’ specs say', () => {
	it.each(routes)('%s', async (_name, send) => {
		const { request, status, body } = await send();
		expect(checkRequest(request)).toEqual([]);
		expect(status).toBeLessThan(300);
		expect(checkResponse(request, status, body)).toEqual([]);
	});

	it('SuperOffice POST, GET and DELETE /api/v1/Webhook: registration at a loopback target, read back, deleted', async () => {
		const registration = {
			Name: 'n8n',
			Events: ['chatsession.message'],
			TargetUrl: targetUrl,
			Secret: 'sandbox-webhook-secret',
			State: 'Active',
			Type: 'webhook',
		};
		const created = await exchange('POST', `${SO}/api/v1/Webhook`, soAuth, registration);
		// the one departure: SuperOffice takes only an HTTPS TargetUrl, a stand-in on loopback reaches only loopback
		expect(checkRequest(created.request)).toEqual([
			expect.stringMatching(/\/TargetUrl must match pattern "\^https:\/\/"/),
		]);
		expect(checkResponse(created.request, created.status, created.body)).toEqual([]);
		const id = (created.body as { WebhookId: number }).WebhookId;

		const read = await exchange('GET', `${SO}/api/v1/Webhook/${id}`, soAuth);
		expect(checkRequest(read.request)).toEqual([]);
		expect(checkResponse(read.request, read.status, read.body)).toEqual([]);

		const deleted = await exchange('DELETE', `${SO}/api/v1/Webhook/${id}`, soAuth);
		expect(checkRequest(deleted.request)).toEqual([]);
		expect(checkResponse(deleted.request, deleted.status, deleted.body)).toEqual([]);
	});

	it('SuperOffice refuses a webhook TargetUrl that is neither HTTPS nor loopback', async () => {
		const refused = await exchange('POST', `${SO}/api/v1/Webhook`, soAuth, {
			Name: 'n8n',
			Events: ['chatsession.message'],
			TargetUrl: 'http://n8n.example.com/webhook/x',
			Secret: 's',
		});
		expect(refused.status).toBe(400);
		expect(refused.body).toMatchObject({ Message: 'The webhook TargetUrl must be HTTPS' });
	});
});
