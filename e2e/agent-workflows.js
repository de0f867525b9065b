// Workflows that prove the action nodes as tools of n8n's AI Agent inside a real n8n: Manual Trigger → AI
// Agent, with the OpenAI Chat Model node pointed at the sandbox's scripted model (sandbox/model.js) and one
// provider's node attached as a tool, its recipient and text filled by the model through $fromAI().
const { FIXTURES } = require('../sandbox/server');

const MODEL_CREDENTIAL = { openAiApi: { id: 'openAiApi-demo', name: 'OpenAI account' } };

const fromAI = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;

/** Per provider: the tool node (a send with $fromAI fields), and a prompt the scripted model answers. */
const TOOLS = {
	netsapiens: {
		name: 'Text the customer',
		type: 'n8n-nodes-session-messaging.netSapiensTool',
		parameters: {
			resource: 'message',
			operation: 'send',
			messagesession: { __rl: true, mode: 'list', value: '' },
			messageType: 'sms',
			destination: fromAI(
				'phoneNumber',
				"The customer's phone number, digits only with the country code, e.g. 18585551234",
			),
			fromNumber: { __rl: true, mode: 'number', value: '18585550001' },
			message: fromAI('text', 'The text message to send, as the customer will read it'),
		},
		credentials: {
			netSapiensMessagingApi: { id: 'netSapiensMessagingApi-demo', name: 'NetSapiens demo' },
		},
	},
	evovoice: {
		name: 'Text the customer',
		type: 'n8n-nodes-session-messaging.evoVoiceTool',
		parameters: {
			resource: 'message',
			operation: 'send',
			sendTo: 'phoneNumber',
			endpointId: { __rl: true, mode: 'id', value: FIXTURES.evovoice.endpointId },
			toAddress: fromAI(
				'phoneNumber',
				"The customer's phone number in E.164 format, e.g. +15556667777",
			),
			body: fromAI('text', 'The text message to send, as the customer will read it'),
		},
		credentials: {
			evoVoiceMessagingApi: { id: 'evoVoiceMessagingApi-demo', name: 'EvoVoice API demo' },
		},
	},
	islash: {
		name: 'Message on WhatsApp',
		type: 'n8n-nodes-session-messaging.iSlashTool',
		parameters: {
			resource: 'sessionMessage',
			operation: 'send',
			identity: fromAI(
				'whatsAppNumber',
				"The contact's WhatsApp number, digits only with the country code, e.g. 85256872847",
			),
			text: fromAI('text', 'The message to send, as the contact will read it'),
		},
		credentials: { iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' } },
	},
	superoffice: {
		name: 'Answer in the chat',
		type: 'n8n-nodes-session-messaging.superOfficeTool',
		parameters: {
			authentication: 'superOfficeMessagingApi',
			resource: 'chatMessage',
			operation: 'send',
			chatSessionId: {
				__rl: true,
				mode: 'id',
				value: fromAI('chatSessionId', 'The ID of the chat session to answer in, a number'),
			},
			message: fromAI('text', 'The chat message to send, as the customer will read it'),
			type: 'ToCustomer',
			specialType: 'None',
		},
		credentials: {
			superOfficeMessagingApi: { id: 'superOfficeMessagingApi-demo', name: 'SuperOffice API demo' },
		},
	},
};

/** The AI Agent node with the prompt `text`, and the OpenAI Chat Model node it uses (the scripted model). */
function agentWithModel(text) {
	return [
		{
			id: 'agent',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			// the newest version both n8n 1.123 and 2.40 have (2.x's 3.1 only adds the guardrails prompt source)
			typeVersion: 3,
			position: [220, 0],
			parameters: { promptType: 'define', text, options: {} },
		},
		{
			id: 'model',
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [120, 220],
			parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, options: {} },
			credentials: MODEL_CREDENTIAL,
		},
	];
}

/** `toolSettings`: node settings of the tool node, e.g. `{ onError: 'continueRegularOutput' }`. */
function agentWorkflow(id, provider, prompt, toolSettings = {}) {
	const tool = { ...TOOLS[provider], ...toolSettings };
	return {
		id,
		name: `e2e: AI Agent with the ${provider} tool`,
		active: false,
		nodes: [
			{
				id: 'manual',
				name: 'Run',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...agentWithModel(prompt),
			{ id: 'tool', typeVersion: 1, position: [360, 220], ...tool },
		],
		connections: {
			Run: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[tool.name]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		// n8n's execution order v1 (every new workflow's): with the legacy order the agent resumes before its
		// tool has run and the model gets "" as the tool's result (handleRequest in n8n-core's requests-response.js).
		settings: { executionOrder: 'v1' },
	};
}

/**
 * n8n 2.x's "Human review" tool of one provider's node (`<node>HitlTool`, made by n8n's
 * `createHitlTools`) gating another provider's send: Webhook trigger → AI Agent, whose only tool is the
 * review node with the gated tool attached to it. The prompt comes with the webhook's body, so one published
 * workflow serves an approved and a declined run. The review message is n8n's own default (it names the
 * tool and its input).
 */
function humanReviewWorkflow(id, path, reviewer, gated) {
	const tool = { ...TOOLS[gated], id: 'gated', position: [420, 420] };
	return {
		id,
		name: `e2e: AI Agent with the ${gated} tool behind the ${reviewer.type} Human review`,
		active: false,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5e1d0a17-0000-4000-8000-0000000a9e27',
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			...agentWithModel('={{ $json.body.prompt }}'),
			{
				id: 'review',
				name: 'Human review',
				typeVersion: 1,
				position: [360, 220],
				type: reviewer.type,
				parameters: reviewer.parameters,
				credentials: reviewer.credentials,
			},
			{ typeVersion: 1, ...tool },
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			'Human review': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			[tool.name]: { ai_tool: [[{ node: 'Human review', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

module.exports = { agentWorkflow, humanReviewWorkflow };
