// Workflows that prove the trigger nodes inside a real n8n: each trigger feeds an HTTP Request node that
// posts what it received back to the sandbox (/_sandbox/echo). The SuperOffice example (trigger → send)
// is used as it is.
const FIXTURES = require('../sandbox/fixtures');

const ISLASH_WEBHOOK_SECRET = FIXTURES.islash.webhookSecret;
const ISLASH_WEBHOOK_ID = '6b1d3c2a-0000-4000-8000-0000000151a5';

function echo(url, provider) {
	return {
		id: 'echo',
		name: 'Echo to sandbox',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [300, 0],
		parameters: {
			method: 'POST',
			url: `${url}/_sandbox/echo`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ provider: '${provider}', item: $json }) }}`,
			options: {},
		},
	};
}

function triggerWorkflow(id, name, trigger, url, provider) {
	return {
		id,
		name,
		active: false,
		nodes: [{ position: [0, 0], typeVersion: 1, ...trigger }, echo(url, provider)],
		connections: {
			[trigger.name]: { main: [[{ node: 'Echo to sandbox', type: 'main', index: 0 }]] },
		},
		settings: {},
	};
}

function triggerWorkflows(url) {
	return [
		triggerWorkflow(
			'e2e-netsapiens',
			'e2e: NetSapiens Trigger',
			{
				id: 'ns',
				name: 'NetSapiens Trigger',
				type: 'n8n-nodes-session-messaging.netSapiensTrigger',
				webhookId: '6b1d3c2a-0000-4000-8000-00000000a5e5',
				parameters: { event: 'message', domain: '~', inboundOnly: true },
				credentials: {
					netSapiensMessagingApi: { id: 'netSapiensMessagingApi-demo', name: 'NetSapiens demo' },
				},
			},
			url,
			'netsapiens',
		),
		triggerWorkflow(
			'e2e-evovoice',
			'e2e: EvoVoice Trigger',
			{
				id: 'ev',
				name: 'EvoVoice Trigger',
				type: 'n8n-nodes-session-messaging.evoVoiceTrigger',
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: {
					evoVoiceMessagingApi: { id: 'evoVoiceMessagingApi-demo', name: 'EvoVoice API demo' },
				},
			},
			url,
			'evovoice',
		),
		triggerWorkflow(
			'e2e-islash',
			'e2e: iSlash Trigger',
			{
				id: 'is',
				name: 'iSlash Trigger',
				type: 'n8n-nodes-session-messaging.iSlashTrigger',
				webhookId: ISLASH_WEBHOOK_ID,
				parameters: { events: ['messages'] },
				credentials: {
					iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' },
				},
			},
			url,
			'islash',
		),
	];
}

/** Where iSlash must deliver for the e2e trigger workflow: n8n's production webhook URL plus the secret. */
function iSlashWebhookUrl(n8nBaseUrl, secret = ISLASH_WEBHOOK_SECRET) {
	return `${n8nBaseUrl}/webhook/${ISLASH_WEBHOOK_ID}/webhook${secret === undefined ? '' : `?secret=${secret}`}`;
}

module.exports = { triggerWorkflows, iSlashWebhookUrl, echo };
