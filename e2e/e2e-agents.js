// The e2e checks of the action nodes as AI Agent tools: n8n's AI Agent and OpenAI Chat Model nodes, the
// scripted model in the sandbox (sandbox/model.js) choosing the tool call, each provider's node as the tool.
// Asserted per provider: what the model was offered, the request the tool call produced, and the result the
// model got back; and that a refused or incomplete call reaches the model as the reason, not as a crash.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { FIXTURES } = require('../sandbox/server');
const { nodeOutput, waitFor } = require('../scripts/n8n-runtime');
const { executionRecord, linksIn, startWebhook } = require('./e2e-send-and-wait');
const { agentWorkflow, humanReviewWorkflow } = require('./agent-workflows');
const { EXAMPLE_MODEL_SCRIPTS } = require('../scripts/sandbox-setup');

const TEXT = 'Good news: your order has shipped.';

/** Per provider: the tool call the model makes, and what the provider must receive for it. */
const CASES = {
	netsapiens: {
		tool: 'Text_the_customer',
		arguments: { phoneNumber: '18585551234', text: TEXT },
		request(message) {
			assert.match(
				message.path,
				/^\/domains\/~\/users\/~\/messagesessions\/[A-Za-z0-9_]{32,}\/messages$/,
			);
			assert.deepEqual(message.body, {
				type: 'sms',
				message: TEXT,
				destination: '18585551234',
				'from-number': '18585550001',
			});
		},
		result: (item) => assert.equal(item.destination, '18585551234'),
	},
	evovoice: {
		tool: 'Text_the_customer',
		arguments: { phoneNumber: '+15556667777', text: TEXT },
		request(message) {
			assert.equal(message.path, '/messages');
			assert.deepEqual(message.body, {
				endpointId: FIXTURES.evovoice.endpointId,
				toAddress: '+15556667777',
				body: TEXT,
			});
		},
		result: (item) => assert.equal(item.otherAddress, '+15556667777'),
	},
	islash: {
		tool: 'Message_on_WhatsApp',
		arguments: { whatsAppNumber: '85256872847', text: TEXT },
		request(message) {
			assert.equal(message.path, '/send-session-message');
			assert.deepEqual(message.fields, {
				session: FIXTURES.islash.session,
				identity: '85256872847',
				text: TEXT,
			});
		},
		result: (item) => assert.equal(item.status, 'sent'),
	},
	superoffice: {
		tool: 'Answer_in_the_chat',
		arguments: { chatSessionId: '1', text: TEXT },
		request(message) {
			assert.equal(message.path, '/api/v1/ChatSession/1/Messages');
			assert.equal(message.body.Message, TEXT);
			assert.equal(message.body.Type, 'ToCustomer');
		},
		result: (item) => assert.equal(item.ChatSessionId, 1),
	},
};

/** The prompt of each agent workflow: the scripted model picks its tool call by it. */
const PROMPTS = {
	provider: (provider) => `Agent test (${provider}): tell the customer`,
	refused: 'Agent test: a number the provider refuses',
	continued: 'Agent test: a refused number, the tool set to continue on error',
	incomplete: 'Agent test: a call without a number',
};

const DISPLAY = {
	netsapiens: 'NetSapiens',
	evovoice: 'EvoVoice',
	islash: 'iSlash',
	superoffice: 'SuperOffice',
};

/** Runs one agent workflow; returns its run, what the sandbox accepted during it, and the model's calls. */
async function runAgent({ sandbox, n8n }, id, script, status = 'success') {
	sandbox.state.modelScripts.push(script);
	const sentBefore = sandbox.state.messages.length;
	const callsBefore = sandbox.state.modelCalls.length;
	const requestsBefore = sandbox.state.byProvider.evovoice ?? 0;
	const run = await n8n.execute(id);
	assert.equal(run.status, status, JSON.stringify(run.data?.resultData?.error?.message));
	return {
		run,
		sent: sandbox.state.messages.slice(sentBefore),
		calls: sandbox.state.modelCalls.slice(callsBefore),
		evoVoiceRequests: (sandbox.state.byProvider.evovoice ?? 0) - requestsBefore,
	};
}

/** The model's view of the one tool it was offered: a name, a description, and every argument described. */
function assertOffered(calls, name, provider, argumentNames) {
	assert.equal(calls.length, 2, 'one tool call, then the final answer');
	assert.deepEqual(
		calls[0].tools.map((tool) => tool.name),
		[name],
	);
	const [tool] = calls[0].tools;
	assert.equal(tool.description, `Send a session message in ${DISPLAY[provider]}`);
	assert.deepEqual(Object.keys(tool.parameters.properties).sort(), [...argumentNames].sort());
	for (const [key, schema] of Object.entries(tool.parameters.properties)) {
		assert.equal(schema.type, 'string', key);
		assert.ok(schema.description?.length >= 20, `${key} has a description a model can act on`);
	}
	return tool;
}

/**
 * The checks' names start with `label`. `toolErrorsEndTheRun`: n8n 1.x ends the run with a tool's error
 * instead of handing it to the model as the tool's result, as 2.x does.
 */
async function agentChecks({
	sandbox,
	n8n,
	check,
	runs,
	sentBy,
	label = '',
	toolErrorsEndTheRun = false,
}) {
	const offered = [];
	/** The tool's error: the model's next input (2.x), or the run's own error with no second model call (1.x). */
	const assertToolError = (run, calls, message) => {
		if (toolErrorsEndTheRun) {
			assert.equal(calls.length, 1, 'the model is not called again');
			assert.equal(run.data.resultData.error.message, message);
		} else assert.deepEqual(JSON.parse(calls[1].toolResult), [{ error: message }]);
	};
	const afterToolError = toolErrorsEndTheRun ? 'the run ends with it' : 'the run succeeds';
	const toolErrorStatus = toolErrorsEndTheRun ? 'error' : 'success';

	await check(
		label +
			'AI Agent example: the model is offered the EvoVoice tool, and the text it wrote goes to the number it chose',
		async () => {
			const [script] = EXAMPLE_MODEL_SCRIPTS;
			const calls = sandbox.state.modelCalls.filter((call) => call.prompt.includes(script.prompt));
			assertOffered(calls, 'Text_the_customer', 'evovoice', ['phoneNumber', 'text']);
			assert.equal(sentBy['example-ai'].length, 1);
			assert.deepEqual(sentBy['example-ai'][0].body, {
				endpointId: FIXTURES.evovoice.endpointId,
				toAddress: script.arguments.phoneNumber,
				body: script.arguments.text,
			});
			const [answer] = nodeOutput(runs['example-ai'], 'AI Agent');
			assert.match(answer.output, /^The tool answered: \[\{"id":"msg-\d+"/);
		},
	);

	await n8n.importWorkflows([
		...Object.keys(CASES).map((provider) =>
			agentWorkflow(`e2e-agent-${provider}`, provider, PROMPTS.provider(provider)),
		),
		agentWorkflow('e2e-agent-refused', 'evovoice', PROMPTS.refused),
		agentWorkflow('e2e-agent-incomplete', 'evovoice', PROMPTS.incomplete),
		...(toolErrorsEndTheRun
			? [
					agentWorkflow('e2e-agent-continued', 'evovoice', PROMPTS.continued, {
						onError: 'continueRegularOutput',
					}),
				]
			: []),
	]);

	for (const [provider, expected] of Object.entries(CASES)) {
		await check(
			`${label}AI Agent with the ${DISPLAY[provider]} tool: the model's call sends exactly the request the provider documents, and the model gets the provider's answer`,
			async () => {
				const { calls, sent } = await runAgent({ sandbox, n8n }, `e2e-agent-${provider}`, {
					prompt: PROMPTS.provider(provider),
					tool: expected.tool,
					arguments: expected.arguments,
				});
				const tool = assertOffered(calls, expected.tool, provider, Object.keys(expected.arguments));
				assert.equal(sent.length, 1);
				expected.request(sent[0]);
				const result = JSON.parse(calls[1].toolResult);
				assert.equal(result.length, 1);
				expected.result(result[0]);
				offered.push({ provider: DISPLAY[provider], tool, request: `${sent[0].path}` });
			},
		);
	}

	await check(
		label +
			`AI Agent: a number the provider refuses comes back as the provider’s own message, nothing is sent, ${afterToolError}`,
		async () => {
			const { run, calls, sent } = await runAgent(
				{ sandbox, n8n },
				'e2e-agent-refused',
				{
					prompt: PROMPTS.refused,
					tool: 'Text_the_customer',
					arguments: { phoneNumber: '+1555', text: TEXT },
				},
				toolErrorStatus,
			);
			assert.equal(sent.length, 0);
			assertToolError(run, calls, "'To Address' is not a valid phone number.");
			assert.equal(
				JSON.stringify(run).includes(FIXTURES.evovoice.password),
				false,
				'password in run data',
			);
			assert.equal(
				JSON.stringify(run).includes(FIXTURES.openai.apiKey),
				false,
				'model key in run data',
			);
		},
	);

	await check(
		label +
			`AI Agent: a call without a number comes back as the field’s name, no request leaves, ${afterToolError}`,
		async () => {
			const { run, calls, evoVoiceRequests } = await runAgent(
				{ sandbox, n8n },
				'e2e-agent-incomplete',
				{
					prompt: PROMPTS.incomplete,
					tool: 'Text_the_customer',
					arguments: { phoneNumber: '', text: TEXT },
				},
				toolErrorStatus,
			);
			assert.equal(evoVoiceRequests, 0);
			assertToolError(run, calls, 'To Number: is required but empty');
		},
	);

	if (toolErrorsEndTheRun)
		await check(
			`${label}AI Agent: with the tool's On Error set to Continue (using regular output), a refused number reaches the model as the provider’s own message and the run succeeds`,
			async () => {
				const { calls, sent } = await runAgent({ sandbox, n8n }, 'e2e-agent-continued', {
					prompt: PROMPTS.continued,
					tool: 'Text_the_customer',
					arguments: { phoneNumber: '+1555', text: TEXT },
				});
				assert.equal(sent.length, 0);
				// the node's own error item (Continue On Fail), with the provider's detail and status
				assert.deepEqual(JSON.parse(calls[1].toolResult), [
					{
						error: "'To Address' is not a valid phone number.",
						details: {
							description: "ToAddress: 'To Address' is not a valid phone number.",
							httpCode: '400',
						},
					},
				]);
			},
		);

	if (offered.length > 0) {
		process.stdout.write(
			`\n  ${label}what the model was offered, and the request its call produced:\n`,
		);
		for (const { provider, tool, request } of offered) {
			const args = Object.entries(tool.parameters.properties).map(
				([key, schema]) => `${key} (“${schema.description}”)`,
			);
			process.stdout.write(
				`    ${provider}: ${tool.name} — “${tool.description}”; ${args.join(', ')} → POST ${request}\n`,
			);
		}
		process.stdout.write('\n');
	}
}

/** n8n 2.x's generated "Human review" tools: per node type, the resource its Send and Wait belongs to. */
const HUMAN_REVIEW_TOOLS = {
	netSapiensHitlTool: 'message',
	evoVoiceHitlTool: 'message',
	iSlashHitlTool: 'sessionMessage',
	superOfficeHitlTool: 'chatMessage',
};

const HUMAN_REVIEW = {
	id: 'e2e-human-review',
	path: 'human-review',
	// the manager approves on WhatsApp (iSlash) what the agent texts the customer (EvoVoice)
	reviewer: {
		type: 'n8n-nodes-session-messaging.iSlashHitlTool',
		parameters: {
			identity: '85256870000',
			approvalOptions: { values: { approvalType: 'double' } },
		},
		credentials: { iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' } },
	},
	gated: 'evovoice',
	prompts: {
		approved: 'Human review test: the manager approves',
		declined: 'Human review test: the manager declines',
	},
	call: { phoneNumber: '+15556667777', text: 'Your refund of 40 EUR is on its way.' },
};

/**
 * The workflow the Human review checks need, to be published before n8n starts (a waiting run needs
 * `n8n start`); e2e.js publishes its nodes as part of the Send and Wait workflow.
 */
function humanReviewAgentWorkflow() {
	return humanReviewWorkflow(
		HUMAN_REVIEW.id,
		HUMAN_REVIEW.path,
		HUMAN_REVIEW.reviewer,
		HUMAN_REVIEW.gated,
	);
}

/**
 * In the running n8n 2.x: the four Human review tools are loaded, and an AI Agent run whose tool is gated
 * by one of them waits for the reviewer: an approval runs the gated tool and the model gets its result, a
 * decline gives the model n8n's refusal and sends nothing.
 */
async function humanReviewChecks({
	sandbox,
	n8n,
	base,
	check,
	counts,
	workflowId = HUMAN_REVIEW.id,
}) {
	await check(
		"n8n loads a Human review tool for each node (n8n's createHitlTools): approval only, n8n's own message, the Send and Wait's resource",
		async () => {
			// the node types n8n wrote at start-up and serves its editor (/types/nodes.json, behind its sign-in)
			const types = JSON.parse(
				fs.readFileSync(
					path.join(n8n.userFolder, '.cache', 'n8n', 'public', 'types', 'nodes.json'),
					'utf8',
				),
			);
			for (const [name, resource] of Object.entries(HUMAN_REVIEW_TOOLS)) {
				const type = types.find((t) => t.name === `n8n-nodes-session-messaging.${name}`);
				assert.ok(type, `${name} is loaded`);
				assert.equal(type.description, 'Request human approval for tools');
				assert.deepEqual(
					type.inputs.map((input) => input.type),
					['ai_tool'],
				);
				const property = (p) => type.properties.find((candidate) => candidate.name === p);
				assert.deepEqual(
					['resource', 'operation', 'responseType'].map((p) => [
						p,
						property(p)?.type,
						property(p)?.default,
					]),
					[
						['resource', 'hidden', resource],
						['operation', 'hidden', 'sendAndWait'],
						['responseType', 'hidden', 'approval'],
					],
				);
				assert.match(property('message').default, /^=The agent wants to run this tool/);
				assert.equal(type.properties.filter((p) => p.name === 'message').length, 1);
			}
		},
	);

	const runs = {};
	for (const outcome of ['approved', 'declined']) {
		await check(
			`AI Agent with the EvoVoice tool behind the iSlash Human review: the run waits for the reviewer; ${outcome === 'approved' ? 'an approval runs the tool and the model gets its result' : "a decline sends nothing and the model gets n8n's refusal"}`,
			async () => {
				const prompt = HUMAN_REVIEW.prompts[outcome];
				sandbox.state.modelScripts.push({
					prompt,
					tool: 'Text_the_customer',
					arguments: { toolParameters: HUMAN_REVIEW.call, hitlParameters: {} },
				});
				const sentBefore = sandbox.state.messages.length;
				const callsBefore = sandbox.state.modelCalls.length;
				const executionsBefore = (await n8n.executionCounts())[workflowId] ?? 0;
				await startWebhook(`${base}/webhook/${HUMAN_REVIEW.path}`, { prompt });
				const sent = () => sandbox.state.messages.slice(sentBefore);
				await waitFor(() => sent().length > 0, 30000, 'the review question');
				const [question] = sent();
				assert.equal(question.provider, 'islash');
				assert.equal(question.fields.identity, '85256870000');
				assert.match(question.text, /^The agent wants to run this tool: Text_the_customer/);
				const [link] = linksIn(question.text);
				const executionId = new RegExp(`^${base}/webhook-waiting/(\\d+)/review\\?signature=`).exec(
					link,
				)?.[1];
				assert.ok(executionId, link);
				await waitFor(
					async () => (await executionRecord(n8n, executionId))?.status === 'waiting',
					20000,
					'the run to wait',
				);
				const calls = () =>
					sandbox.state.modelCalls.slice(callsBefore).filter((c) => c.prompt.includes(prompt));
				assert.equal(calls().length, 1, 'the model waits too');
				const [offered] = calls()[0].tools;
				assert.equal(offered.name, 'Text_the_customer');
				assert.deepEqual(Object.keys(offered.parameters.properties).sort(), [
					'hitlParameters',
					'toolParameters',
				]);
				assert.equal((await fetch(link)).status, 200);
				assert.equal((await executionRecord(n8n, executionId)).status, 'waiting');

				const answer = await fetch(link, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: `approved=${outcome === 'approved'}`,
				});
				assert.equal(answer.status, 200);
				await waitFor(
					async () => (await executionRecord(n8n, executionId)).status === 'success',
					30000,
					'the run to finish',
				);
				assert.equal(calls().length, 2, 'one tool call, then the final answer');
				const toolResult = calls()[1].toolResult;
				const texts = sent().filter((m) => m.provider === 'evovoice');
				if (outcome === 'approved') {
					assert.equal(texts.length, 1);
					assert.deepEqual(texts[0].body, {
						endpointId: FIXTURES.evovoice.endpointId,
						toAddress: HUMAN_REVIEW.call.phoneNumber,
						body: HUMAN_REVIEW.call.text,
					});
					const result = JSON.parse(toolResult);
					assert.equal(result[0].body ?? result[0].text, HUMAN_REVIEW.call.text);
				} else {
					assert.equal(texts.length, 0);
					const [{ output, ...rest }] = JSON.parse(toolResult);
					assert.deepEqual(rest, {});
					assert.match(
						output,
						/^User rejected the tool call to Text the customer \(id: call_\d+\)\. STOP what you are doing and wait for the user to tell you how to proceed\. The tool is still available if needed\.$/,
					);
				}
				assert.equal(sent().length, outcome === 'approved' ? 2 : 1);
				const ran = ((await n8n.executionCounts())[workflowId] ?? 0) - executionsBefore;
				assert.equal(ran, 1);
				runs[outcome] = toolResult;
				counts?.push([
					`Human review, ${outcome}`,
					outcome === 'approved'
						? '1 agent run; messages: the question, then the gated text'
						: '1 agent run; messages: the question only',
					ran,
					sent().length,
				]);
			},
		);
	}
	if (Object.keys(runs).length > 0) {
		process.stdout.write('\n  what the model got back after the review:\n');
		for (const [outcome, result] of Object.entries(runs))
			process.stdout.write(`    ${outcome}: ${String(result).slice(0, 200)}\n`);
	}
}

module.exports = { agentChecks, humanReviewAgentWorkflow, humanReviewChecks };
