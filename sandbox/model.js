// A scripted OpenAI-compatible model for the AI Agent tests, at /openai/v1. It speaks both APIs n8n's OpenAI
// Chat Model node uses: Chat Completions (/chat/completions) and, the node's default from version 1.3, the
// Responses API (/responses), without streaming (n8n's agent streams only when a chat trigger asks it to).
//
// A test puts scripts in state.modelScripts: {prompt, tool, arguments}. For a user message that contains a
// script's prompt, the model first calls the offered tool named `tool` with `arguments`; once the tool's
// result is in the conversation, it answers with a final text that quotes that result. Every call is
// recorded in state.modelCalls: the API, the tools offered (name, description, parameters), the prompt and
// the tool result it was given.

const { openai } = require('./fixtures');

const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

const text = (content) =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => part.text ?? '').join('')
			: '';

/** What the model decides, the same for both APIs: a tool call, or a final answer. */
function decide(state, { api, tools, prompt, toolResult }) {
	const script = state.modelScripts.find((candidate) => prompt.includes(candidate.prompt));
	state.modelCalls.push({ api, tools, prompt, toolResult });
	if (!script) return { answer: `No script for the prompt: ${prompt}` };
	if (toolResult !== undefined) return { answer: `The tool answered: ${toolResult}` };
	if (!tools.some((tool) => tool.name === script.tool)) {
		return {
			answer: `The tool ${script.tool} was not offered (offered: ${tools.map((tool) => tool.name).join(', ')})`,
		};
	}
	return {
		call: {
			id: `call_${state.modelCalls.length}`,
			name: script.tool,
			arguments: JSON.stringify(script.arguments),
		},
	};
}

function chatCompletions(state, body) {
	const messages = body.messages ?? [];
	const users = messages.filter((message) => message.role === 'user');
	const tool = messages.filter((message) => message.role === 'tool').pop();
	const tools = (body.tools ?? []).map(({ function: f }) => ({
		name: f.name,
		description: f.description,
		parameters: f.parameters,
	}));
	const decision = decide(state, {
		api: 'chat.completions',
		tools,
		prompt: text(users.pop()?.content ?? ''),
		toolResult: tool && text(tool.content),
	});
	const message = decision.call
		? {
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: decision.call.id,
						type: 'function',
						function: { name: decision.call.name, arguments: decision.call.arguments },
					},
				],
			}
		: { role: 'assistant', content: decision.answer };
	return {
		id: `chatcmpl-${state.modelCalls.length}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model,
		choices: [
			{ index: 0, message, logprobs: null, finish_reason: decision.call ? 'tool_calls' : 'stop' },
		],
		usage,
	};
}

function responses(state, body) {
	const input =
		typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : (body.input ?? []);
	const users = input.filter((item) => item.role === 'user');
	const output = input.filter((item) => item.type === 'function_call_output').pop();
	const tools = (body.tools ?? [])
		.filter((tool) => tool.type === 'function')
		.map((tool) => ({
			name: tool.name,
			description: tool.description,
			parameters: tool.parameters,
		}));
	const decision = decide(state, {
		api: 'responses',
		tools,
		prompt: text(users.pop()?.content ?? ''),
		toolResult: output && text(output.output),
	});
	const n = state.modelCalls.length;
	const item = decision.call
		? {
				type: 'function_call',
				id: `fc_${n}`,
				call_id: decision.call.id,
				name: decision.call.name,
				arguments: decision.call.arguments,
				status: 'completed',
			}
		: {
				type: 'message',
				id: `msg_${n}`,
				role: 'assistant',
				status: 'completed',
				content: [{ type: 'output_text', text: decision.answer, annotations: [] }],
			};
	return {
		id: `resp_${n}`,
		object: 'response',
		created_at: Math.floor(Date.now() / 1000),
		status: 'completed',
		model: body.model,
		output: [item],
		parallel_tool_calls: false,
		tool_choice: 'auto',
		tools: body.tools ?? [],
		usage: {
			input_tokens: 10,
			output_tokens: 10,
			total_tokens: 20,
			input_tokens_details: { cached_tokens: 0 },
			output_tokens_details: { reasoning_tokens: 0 },
		},
	};
}

function scriptedModel(state, req, res, path, body) {
	const send = (status, answer) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(answer));
	};
	if (req.headers.authorization !== `Bearer ${openai.apiKey}`) {
		return send(401, {
			error: {
				message: 'Incorrect API key provided',
				type: 'invalid_request_error',
				code: 'invalid_api_key',
			},
		});
	}
	if (req.method === 'GET' && path === '/v1/models') {
		return send(200, {
			object: 'list',
			data: [{ id: 'scripted-model', object: 'model', owned_by: 'sandbox' }],
		});
	}
	if (req.method === 'POST' && body?.stream)
		return send(400, { error: { message: 'The scripted model does not stream' } });
	if (req.method === 'POST' && path === '/v1/chat/completions')
		return send(200, chatCompletions(state, body));
	if (req.method === 'POST' && path === '/v1/responses') return send(200, responses(state, body));
	send(404, { error: { message: `No route ${req.method} /openai${path}` } });
}

module.exports = { scriptedModel };
