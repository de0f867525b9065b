import { createHash } from 'crypto';
import nock from 'nock';
import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { EvoVoice } from '../../../nodes/EvoVoice/EvoVoice.node';
import { ISlash } from '../../../nodes/ISlash/ISlash.node';
import { NetSapiens } from '../../../nodes/NetSapiens/NetSapiens.node';
import { SuperOffice } from '../../../nodes/SuperOffice/SuperOffice.node';
import { PAGE_CSP } from '../../../nodes/shared/sendAndWait/pages';
import { answerWaiting, resumeLinks } from '../../harness/waiting';
import { guardNetwork } from '../../harness/nockGuard';
import { BASE, runEvoVoice } from '../EvoVoice/fixtures';

const network = guardNetwork();

const SEND_AND_WAIT = {
	resource: 'message',
	operation: 'sendAndWait',
	sendTo: 'session',
	sessionId: 's1',
	message: 'Approve the <refund> of 40 € for "Ann"?',
};

/** Sends through EvoVoice (the carrier of these shared checks) and returns the waiting run and its link. */
async function waitFor(parameters: INodeParameters = {}) {
	let text = '';
	const scope = nock(BASE)
		.post('/sessions/s1/messages', (body: { body: string }) => {
			text = body.body;
			return true;
		})
		.reply(200, { id: 'm1' });
	const waiting = await runEvoVoice({ parameters: { ...SEND_AND_WAIT, ...parameters } });
	expect(waiting.error).toBeUndefined();
	scope.done();
	return { waiting, link: resumeLinks(text)[0], text };
}

function expectPageHeaders(headers: Record<string, string>) {
	expect(headers['content-type']).toBe('text/html; charset=utf-8');
	expect(headers['cache-control']).toBe('no-store');
	expect(headers['content-security-policy']).toBe(PAGE_CSP);
}

describe('Send and Wait for Response › pages', () => {
	it('a GET of the link shows the approval page and resumes nothing', async () => {
		const { waiting, link } = await waitFor({
			approvalOptions: {
				values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' },
			},
		});
		const opened = await answerWaiting(waiting, { method: 'GET', url: link });
		expect(opened.workflowData).toBeUndefined();
		expect(opened.noWebhookResponse).toBe(true);
		expect(opened.response.status).toBe(200);
		expectPageHeaders(opened.response.headers);
		const html = opened.response.body!;
		// the form posts to the page's own (signed) address: no action attribute that could alter it
		expect(html).toContain('<form method="post">');
		expect(html).toContain('<button type="submit" name="approved" value="true">Yes</button>');
		expect(html).toContain(
			'<button class="secondary" type="submit" name="approved" value="false">No</button>',
		);
		expect(html).toContain('Approve the &lt;refund&gt; of 40 € for &quot;Ann&quot;?');
		expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		expect(html).toContain('<html lang="en">');
		expect(html).not.toMatch(/<script|https?:\/\//);
	});

	it('approve only: one button', async () => {
		const { waiting, link } = await waitFor();
		const html = (await answerWaiting(waiting, { method: 'GET', url: link })).response.body!;
		expect(html.match(/<button/g)).toHaveLength(1);
		expect(html).toContain('value="true">Approve</button>');
	});

	it('a GET of a free-text link shows a labelled text box and resumes nothing', async () => {
		const { waiting, link } = await waitFor({
			responseType: 'freeText',
			responseOptions: { submitLabel: 'Send answer' },
		});
		const opened = await answerWaiting(waiting, { method: 'GET', url: link });
		expect(opened.workflowData).toBeUndefined();
		expectPageHeaders(opened.response.headers);
		expect(opened.response.body).toContain('<label for="text">Answer</label>');
		expect(opened.response.body).toContain('<textarea id="text" name="text" required></textarea>');
		expect(opened.response.body).toContain('<button type="submit">Send answer</button>');
	});

	it('the CSP allows nothing but the inline style, by its hash', () => {
		expect(PAGE_CSP).toMatch(
			/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
		);
	});

	it("the style's hash matches the style the pages carry", async () => {
		const { waiting, link } = await waitFor();
		const html = (await answerWaiting(waiting, { method: 'GET', url: link })).response.body!;
		const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
		const hash = createHash('sha256').update(style).digest('base64');
		expect(PAGE_CSP).toContain(`'sha256-${hash}'`);
	});

	it('the answer is recorded with a thank-you page', async () => {
		const { waiting, link } = await waitFor();
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: link,
			body: { approved: 'true' },
		});
		expect(answered.response.status).toBe(200);
		expectPageHeaders(answered.response.headers);
		expect(answered.response.body).toContain('Your answer has been recorded');
		expect(answered.items?.[0].json.data).toEqual({
			approved: true,
			respondedAt: expect.any(String),
		});
	});

	it('takes a JSON boolean as well (a POST from a script)', async () => {
		const { waiting, link } = await waitFor();
		const answered = await answerWaiting(waiting, {
			method: 'POST',
			url: link,
			body: { approved: true },
		});
		expect(answered.items?.[0].json.data).toMatchObject({ approved: true });
	});
});

describe('Send and Wait for Response › refusals (the execution keeps waiting)', () => {
	const refusals: Array<[string, INodeParameters, unknown, string]> = [
		['an approval without a choice', {}, {}, 'Please choose one of the buttons.'],
		[
			'an approval that is neither true nor false',
			{},
			{ approved: 'yes' },
			'Please choose one of the buttons.',
		],
		[
			'a decline when only approval is offered',
			{},
			{ approved: 'false' },
			'Please choose one of the buttons.',
		],
		[
			'an empty free-text answer',
			{ responseType: 'freeText' },
			{ text: '' },
			'Please type an answer first.',
		],
		[
			'a free-text answer of spaces only',
			{ responseType: 'freeText' },
			{ text: '  \n ' },
			'Please type an answer first.',
		],
		[
			'a free-text answer that is not text',
			{ responseType: 'freeText' },
			{ text: ['a', 'b'] },
			'Please type an answer first.',
		],
		[
			'an approval posted to a free-text question',
			{ responseType: 'freeText' },
			{ approved: 'true' },
			'Please type an answer first.',
		],
	];
	it.each(refusals)('refuses %s', async (_name, parameters, body, message) => {
		const { waiting, link } = await waitFor(parameters);
		const refused = await answerWaiting(waiting, { method: 'POST', url: link, body });
		expect(refused.workflowData).toBeUndefined();
		expect(refused.response.status).toBe(400);
		expectPageHeaders(refused.response.headers);
		expect(refused.response.body).toContain(`<p class="error" role="alert">${message}</p>`);
		// the page is offered again
		expect(refused.response.body).toContain('<form method="post">');
	});

	it('refuses an empty Message before anything is sent', async () => {
		const result = await runEvoVoice({ parameters: { ...SEND_AND_WAIT, message: '  ' } });
		expect(result.error?.message).toBe('Message: is required but empty');
		expect(result.run.data.waitTill).toBeUndefined();
		expect(network.unexpected).toEqual([]);
	});

	it('refuses Response Type Reply where the provider cannot post replies to a per-wait URL (issue 38), before anything is sent', async () => {
		const result = await runEvoVoice({
			parameters: { ...SEND_AND_WAIT, responseType: '={{ "reply" }}' },
		});
		expect(result.error?.message).toBe('Response Type: "reply" is not one of approval, freeText');
		expect(network.unexpected).toEqual([]);
	});

	it('refuses a Max Date and Time that is not a date before anything is sent', async () => {
		const result = await runEvoVoice({
			parameters: { ...SEND_AND_WAIT, limitType: 'atSpecifiedTime', maxDateAndTime: 'soon' },
		});
		expect(result.error?.message).toMatch(/^Max Date and Time: /);
		expect(network.unexpected).toEqual([]);
	});

	it('with Continue On Fail a provider error is an error item and nothing waits', async () => {
		nock(BASE)
			.post('/sessions/s1/messages')
			.reply(404, { responseStatus: { errorCode: 'NotFound', message: 'Session s1 not found' } });
		const result = await runEvoVoice({
			parameters: SEND_AND_WAIT,
			onError: 'continueRegularOutput',
		});
		expect(result.main).toEqual([
			{
				json: {
					error: 'Session s1 not found',
					details: { httpCode: '404', description: 'HTTP 404 from EvoVoice' },
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(result.run.data.waitTill).toBeUndefined();
	});
});

describe('Send and Wait for Response › Limit Wait Time', () => {
	it('waits as long as set: 30 minutes', async () => {
		const before = Date.now();
		const { waiting } = await waitFor({ resumeAmount: 30, resumeUnit: 'minutes' });
		const waitTill = waiting.run.data.waitTill!.getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 30 * 60_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
	});

	it('waits until a set date and time', async () => {
		const { waiting } = await waitFor({
			limitType: 'atSpecifiedTime',
			maxDateAndTime: '2030-01-02T03:04:05Z',
		});
		expect(waiting.run.data.waitTill?.toISOString()).toBe('2030-01-02T03:04:05.000Z');
	});

	it('waits without end when switched off', async () => {
		const { waiting } = await waitFor({ limitWaitTime: false });
		expect(waiting.run.data.waitTill).toEqual(WAIT_INDEFINITELY);
	});
});

const NODES: Array<[string, INodeType, string]> = [
	['NetSapiens', new NetSapiens(), 'message'],
	['EvoVoice', new EvoVoice(), 'message'],
	['iSlash', new ISlash(), 'sessionMessage'],
	['SuperOffice', new SuperOffice(), 'chatMessage'],
];

describe('Send and Wait for Response › built descriptions', () => {
	it.each(NODES)(
		'%s keeps n8n’s Request Options (Batching, Ignore SSL Issues, Proxy, Timeout) beside its own',
		(_name, nodeType) => {
			const requestOptions = nodeType.description.properties.filter(
				(property) => property.name === 'requestOptions',
			);
			expect(requestOptions).toHaveLength(1);
			const names = (requestOptions[0].options as INodeProperties[]).map(
				(option) => option.displayName,
			);
			// NetSapiens and iSlash send files: their own options add Max File Size
			const sendsFiles = nodeType instanceof NetSapiens || nodeType instanceof ISlash;
			expect(names).toEqual([
				'Batching',
				'Ignore SSL Issues (Insecure)',
				...(sendsFiles ? ['Max File Size (MB)'] : []),
				'Max Rate-Limit Retries',
				'Max Rate-Limit Wait (Seconds)',
				'Max Requests In Flight',
				'Proxy',
				'Timeout',
			]);
		},
	);

	it.each(NODES)(
		'%s has GET and POST restart webhooks on its node ID and sendAndWait as a custom operation',
		(name, nodeType, resource) => {
			expect(nodeType.description.webhooks).toEqual(
				['GET', 'POST'].map((httpMethod) => ({
					name: 'default',
					httpMethod,
					responseMode: 'onReceived',
					path: '={{ $nodeId }}',
					restartWebhook: true,
					isFullPath: true,
				})),
			);
			expect(typeof nodeType.webhook).toBe('function');
			expect(typeof nodeType.customOperations?.[resource]?.sendAndWait).toBe('function');
			// n8n's generated "Human review" tool takes its resource from the first operation property
			// offering sendAndWait, replaces `message` and forces `responseType` (filterHitlToolProperties)
			const operations = nodeType.description.properties.filter(
				(property) => property.name === 'operation',
			);
			const first = operations.find((property) =>
				property.options?.some((option) => 'value' in option && option.value === 'sendAndWait'),
			);
			expect(first?.displayOptions?.show?.resource).toEqual([resource]);
			const shown = (name: string) =>
				nodeType.description.properties.filter(
					(property) =>
						property.name === name &&
						property.displayOptions?.show?.operation?.includes('sendAndWait'),
				);
			expect(shown('message')).toHaveLength(1);
			// Reply (issue 38) only where the provider posts the conversation's messages to a per-wait URL
			expect(shown('responseType')[0].options).toEqual([
				expect.objectContaining({ value: 'approval' }),
				expect.objectContaining({ value: 'freeText' }),
				...(name === 'NetSapiens' ? [expect.objectContaining({ value: 'reply' })] : []),
			]);
			expect(shown('limitWaitTime')[0].default).toBe(true);
		},
	);

	it.each(NODES)(
		'%s: the webhook lifecycle methods register nothing and say so',
		async (_name, nodeType) => {
			const methods = nodeType.webhookMethods!.default!;
			for (const method of ['checkExists', 'create', 'delete'] as const)
				expect(await methods[method]!.call({} as never)).toBe(true);
		},
	);
});
