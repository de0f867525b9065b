import nock from 'nock';
import { guardNetwork } from '../harness/nockGuard';
import { takeRecorded } from './recorder';
import { checkRequest, OPERATIONS, WORD_RULES, type RecordedRequest } from './specs';

// The check every test file runs after its tests (./recorder.ts), proven able to fail: requests that break
// the specs are planted here through nock exactly as the nodes' requests are recorded, and each named rule
// reports them. takeRecorded() takes them out of this file's own after-all check.
guardNetwork();

async function plant(
	origin: string,
	path: string,
	init: { method?: string; headers?: Record<string, string>; body?: string | FormData } = {},
): Promise<RecordedRequest> {
	const method = init.method ?? 'GET';
	nock(origin).intercept(path, method).reply(200, {});
	await fetch(`${origin}${path}`, { method, headers: init.headers, body: init.body });
	const recorded = takeRecorded();
	expect(recorded).toHaveLength(1);
	return recorded[0];
}

const json = (body: unknown, authorization?: string) => ({
	method: 'POST',
	headers: {
		'content-type': 'application/json',
		...(authorization ? { authorization } : {}),
	},
	body: JSON.stringify(body),
});

describe('the conformance check fails on requests the specs refuse', () => {
	it('NetSapiens: a short session ID, a wrong field type, an unknown field, a missing field, no Bearer token', async () => {
		const request = await plant(
			'https://pbx.test',
			'/ns-api/v2/domains/~/users/~/messagesessions/short/messages',
			json({ type: 'chat', message: 7, colour: 'red' }),
		);
		const violations = checkRequest(request).join('\n');
		expect(violations).toMatch(
			/path parameter messagesession "short": .*must NOT have fewer than 32 characters/,
		);
		expect(violations).toMatch(/\/message must be string/);
		expect(violations).toMatch(/must have required property 'destination'/);
		expect(violations).toMatch(/must NOT have unevaluated properties \(colour\)/);
		expect(violations).toMatch(/authorization \(none\) is not one of the spec's schemes: bearer/);
	});

	it('NetSapiens: a session ID with characters other than letters, digits and underscore', async () => {
		const request = await plant(
			'https://pbx.test',
			`/ns-api/v2/domains/~/users/~/messagesessions/${'a'.repeat(31)}-/messages`,
			json({ type: 'chat', message: 'hi', destination: '1001' }, 'Bearer nss_x'),
		);
		expect(checkRequest(request)).toEqual([
			expect.stringMatching(
				/messagesession ".*-": \(value\) must match pattern "\^\[A-Za-z0-9_\]\+\$"/,
			),
		]);
	});

	it('NetSapiens: a path no operation has, and a query parameter the operation does not take', async () => {
		const unknown = await plant('https://pbx.test', '/ns-api/v2/domains/~/chats', {
			headers: { authorization: 'Bearer k' },
		});
		expect(checkRequest(unknown)).toEqual([
			'NetSapiens: GET /domains/~/chats is no operation of the spec',
		]);
		const extra = await plant(
			'https://pbx.test',
			'/ns-api/v2/domains/~/users/~/messagesessions?limit=0&page=2',
			{
				headers: { authorization: 'Bearer k' },
			},
		);
		const violations = checkRequest(extra).join('\n');
		expect(violations).toMatch(/query parameter limit="0": .*must be >= 1/);
		expect(violations).toMatch(/query parameter page is not in the spec/);
	});

	it('SuperOffice: a chat session ID that is no int32, a SpecialType outside the enum, an unknown auth scheme', async () => {
		const request = await plant(
			'https://sod.superoffice.com',
			'/Cust1/api/v1/ChatSession/abc/Messages',
			json({ Message: 'hi', SpecialType: 'Bogus' }, 'Token x'),
		);
		const violations = checkRequest(request).join('\n');
		expect(violations).toMatch(/path parameter chatSessionId "abc": .*must be integer/);
		expect(violations).toMatch(
			/\/SpecialType must be equal to one of the allowed values \(None, .*IllegalFileType\)/,
		);
		expect(violations).toMatch(
			/authorization token is not one of the spec's schemes: basic, soticket, bearer/,
		);
	});

	it('SuperOffice: list columns the ChatSession archive does not have, and a status that is no ChatSessionStatus', async () => {
		const request = await plant(
			'https://sod.superoffice.com',
			`/Cust1/api/v1/ChatSession?${new URLSearchParams({
				$select: 'customerName,status',
				$orderBy: 'duration desc',
				$filter: "customerName begins 'A' and status eq 'Active'",
			})}`,
			{ headers: { authorization: 'Bearer 8A:x' } },
		);
		const violations = checkRequest(request).join('\n');
		expect(violations).toMatch(
			/query parameter \$select="customerName,status": .*must match pattern/,
		);
		// duration is an archive column but not one it can order by
		expect(violations).toMatch(/query parameter \$orderBy="duration desc": .*must match pattern/);
		expect(violations).toMatch(/\/columns\/0 must be equal to one of the allowed values/);
		expect(violations).toMatch(
			/\/statuses\/0 must be equal to one of the allowed values \(Invalid, PreChatForm/,
		);
	});

	it('SuperOffice: a webhook TargetUrl that is not HTTPS', async () => {
		const request = await plant(
			'https://sod.superoffice.com',
			'/Cust1/api/v1/Webhook',
			json(
				{
					Name: 'n8n',
					Events: ['chatsession.message'],
					TargetUrl: 'http://n8n.example.com/webhook/x',
					State: 'Active',
					Type: 'webhook',
				},
				'Bearer 8A:x',
			),
		);
		expect(checkRequest(request)).toEqual([
			expect.stringMatching(/\/TargetUrl must match pattern "\^https:\/\/"/),
		]);
	});

	it('EvoVoice: a send without a session that names no EndpointId+ToAddress, and a start date that is no YYYY-MM-DD', async () => {
		const send = await plant(
			'https://evovoice.test',
			'/messages',
			json({ body: 'hi' }, 'Basic eDp5'),
		);
		expect(checkRequest(send).join('\n')).toMatch(
			/must have required property 'sessionId'.*must have required property 'endpointId'/s,
		);
		const list = await plant(
			'https://evovoice.test',
			'/sessions?startDate=2026-01-02T00:00:00Z&pageSize=5',
			{
				headers: { authorization: 'Basic eDp5' },
			},
		);
		const violations = checkRequest(list).join('\n');
		expect(violations).toMatch(/query parameter startDate=".*": .*must match pattern/);
		expect(violations).toMatch(/query parameter pageSize is not in the spec/);
	});

	it('iSlash: a session message with none of text, file, file_url or sticker_id, and no X-USER-TOKEN', async () => {
		const form = new FormData();
		form.append('session', 's1');
		form.append('identity', '85256872847');
		form.append('quoted_message_id', 'x');
		const request = await plant('https://islash.test', '/api/public/send-session-message', {
			method: 'POST',
			body: form,
		});
		const violations = checkRequest(request).join('\n');
		expect(violations).toMatch(/must have required property 'text'/);
		expect(violations).toMatch(/\/quoted_message_id must be integer/);
		expect(violations).toMatch(/the X-USER-TOKEN header is missing/);
	});
});

describe('the specs the check reads', () => {
	it('holds every provider, with the rules stated in words attached to their operations', () => {
		const providers = new Set(OPERATIONS.map((operation) => operation.provider));
		expect([...providers].sort()).toEqual(['EvoVoice', 'NetSapiens', 'SuperOffice', 'iSlash']);
		for (const rule of WORD_RULES) {
			expect(
				OPERATIONS.filter((operation) => operation.words.includes(rule.quote)).length,
			).toBeGreaterThan(0);
		}
	});
});
