import { FIXTURES, startSandbox, type Sandbox } from '../../sandbox/server';

// The scripted model n8n's OpenAI Chat Model node talks to in the e2e agent runs: both APIs the node speaks,
// a tool call first, then a final answer quoting the tool's result, and a record of what it was offered.
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.state.modelScripts.splice(0, Infinity, {
		prompt: 'order 7',
		tool: 'Text_the_customer',
		arguments: { phoneNumber: '+15556667777', text: 'Shipped' },
	});
	sandbox.state.modelCalls.splice(0);
});

const tool = {
	name: 'Text_the_customer',
	description: 'Send a session message in EvoVoice',
	parameters: { type: 'object', properties: {} },
};
const post = async (path: string, body: unknown, key = FIXTURES.openai.apiKey) => {
	const answer = await fetch(`${sandbox.url}/openai/v1${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
		body: JSON.stringify(body),
	});
	return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
};

it('Chat Completions: calls the scripted tool, then answers with what the tool returned', async () => {
	const user = { role: 'user', content: 'Tell the customer of order 7' };
	const first = await post('/chat/completions', {
		model: 'm',
		messages: [user],
		tools: [{ type: 'function', function: tool }],
	});
	expect(first.body.choices).toEqual([
		expect.objectContaining({
			finish_reason: 'tool_calls',
			message: expect.objectContaining({
				tool_calls: [
					{
						id: 'call_1',
						type: 'function',
						function: {
							name: 'Text_the_customer',
							arguments: '{"phoneNumber":"+15556667777","text":"Shipped"}',
						},
					},
				],
			}),
		}),
	]);
	const second = await post('/chat/completions', {
		model: 'm',
		messages: [
			user,
			{ role: 'assistant', content: null, tool_calls: [] },
			{ role: 'tool', tool_call_id: 'call_1', content: '[{"id":"msg-1"}]' },
		],
		tools: [{ type: 'function', function: tool }],
	});
	expect(second.body.choices).toEqual([
		expect.objectContaining({
			finish_reason: 'stop',
			message: { role: 'assistant', content: 'The tool answered: [{"id":"msg-1"}]' },
		}),
	]);
	expect(sandbox.state.modelCalls).toEqual([
		{ api: 'chat.completions', tools: [tool], prompt: user.content, toolResult: undefined },
		{
			api: 'chat.completions',
			tools: [tool],
			prompt: user.content,
			toolResult: '[{"id":"msg-1"}]',
		},
	]);
});

it('Responses API (the node’s default from version 1.3): the same script as function_call and output_text items', async () => {
	const user = { type: 'message', role: 'user', content: 'Tell the customer of order 7' };
	const offered = [{ type: 'function', ...tool }];
	const first = await post('/responses', { model: 'm', input: [user], tools: offered });
	expect(first.body.output).toEqual([
		expect.objectContaining({
			type: 'function_call',
			call_id: 'call_1',
			name: 'Text_the_customer',
			arguments: '{"phoneNumber":"+15556667777","text":"Shipped"}',
		}),
	]);
	const second = await post('/responses', {
		model: 'm',
		input: [
			user,
			{ type: 'function_call_output', call_id: 'call_1', output: '[{"error":"refused"}]' },
		],
		tools: offered,
	});
	expect(second.body.output).toEqual([
		expect.objectContaining({
			type: 'message',
			content: [
				{ type: 'output_text', text: 'The tool answered: [{"error":"refused"}]', annotations: [] },
			],
		}),
	]);
	expect(sandbox.state.modelCalls.map((call) => call.api)).toEqual(['responses', 'responses']);
});

it('says so in its answer when no script matches or the scripted tool was not offered', async () => {
	const unscripted = await post('/chat/completions', {
		model: 'm',
		messages: [{ role: 'user', content: 'Something else' }],
	});
	expect(unscripted.body.choices).toEqual([
		expect.objectContaining({
			message: { role: 'assistant', content: 'No script for the prompt: Something else' },
		}),
	]);
	const missing = await post('/chat/completions', {
		model: 'm',
		messages: [{ role: 'user', content: 'order 7' }],
		tools: [{ type: 'function', function: { ...tool, name: 'Other' } }],
	});
	expect(missing.body.choices).toEqual([
		expect.objectContaining({
			message: {
				role: 'assistant',
				content: 'The tool Text_the_customer was not offered (offered: Other)',
			},
		}),
	]);
});

it('refuses a wrong API key as OpenAI does, and streaming it cannot do', async () => {
	expect(await post('/chat/completions', { model: 'm', messages: [] }, 'sk-wrong')).toEqual({
		status: 401,
		body: {
			error: {
				message: 'Incorrect API key provided',
				type: 'invalid_request_error',
				code: 'invalid_api_key',
			},
		},
	});
	expect((await post('/chat/completions', { model: 'm', messages: [], stream: true })).status).toBe(
		400,
	);
	expect(sandbox.state.modelCalls).toEqual([]);
});
