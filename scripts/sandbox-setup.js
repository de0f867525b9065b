// n8n credentials pointing at the provider sandbox, and the workflows of examples/ adapted to it
// (sandbox endpoint ids) — what the e2e tests, the demo and the dev editor import.
const fs = require('node:fs');
const path = require('node:path');
const { FIXTURES } = require('../sandbox/server');
const { REPO } = require('./n8n-runtime');

function sandboxCredentials(url) {
	const ns = FIXTURES.netsapiens;
	const so = FIXTURES.superoffice;
	return [
		{
			id: 'netSapiensMessagingApi-demo',
			name: 'NetSapiens demo',
			type: 'netSapiensMessagingApi',
			data: {
				server: '127.0.0.1',
				baseUrl: `${url}/netsapiens/ns-api/v2`,
				authentication: 'password',
				clientId: ns.clientId,
				clientSecret: ns.clientSecret,
				username: ns.username,
				password: ns.password,
				accessToken: '',
			},
		},
		{
			id: 'evoVoiceMessagingApi-demo',
			name: 'EvoVoice API demo',
			type: 'evoVoiceMessagingApi',
			data: {
				baseUrl: `${url}/evovoice`,
				username: FIXTURES.evovoice.username,
				password: FIXTURES.evovoice.password,
			},
		},
		{
			id: 'iSlashMessagingApi-demo',
			name: 'iSlash API demo',
			type: 'iSlashMessagingApi',
			data: {
				host: `${url}/islash`,
				userToken: FIXTURES.islash.userToken,
				defaultSession: FIXTURES.islash.session,
				webhookSecret: FIXTURES.islash.webhookSecret,
			},
		},
		// n8n's own OpenAI credential, its Base URL the sandbox's scripted model (sandbox/model.js)
		{
			id: 'openAiApi-demo',
			name: 'OpenAI account',
			type: 'openAiApi',
			data: { apiKey: FIXTURES.openai.apiKey, url: `${url}/openai/v1`, header: false },
		},
		{
			id: 'superOfficeMessagingApi-demo',
			name: 'SuperOffice API demo',
			type: 'superOfficeMessagingApi',
			data: {
				connection: 'custom',
				baseUrl: `${url}/superoffice/${so.tenant}`,
				authType: 'bearer',
				accessToken: so.accessToken,
			},
		},
	];
}

/** The examples, with ids n8n can execute by and the values only the sandbox knows. */
function sandboxWorkflows() {
	return fs
		.readdirSync(path.join(REPO, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(REPO, 'examples', file), 'utf8'));
			// n8n keeps a workflow's static data only when its ID has at most 21 characters (`isWorkflowIdValid`
			// in n8n's utils.js, checked by WorkflowStaticDataService.saveStaticData): longer IDs run, but a
			// trigger's memory is silently never saved. So `example-<provider>`, as short as n8n's own IDs.
			workflow.id = `example-${file.split('-')[0]}`;
			workflow.active = false;
			for (const node of workflow.nodes) {
				const p = node.parameters;
				if (p?.endpointId?.value === 'YOUR_PHONE_NUMBER_ENDPOINT_ID')
					p.endpointId.value = FIXTURES.evovoice.endpointId;
			}
			return workflow;
		});
}

/**
 * The SuperOffice example ready to publish: it ships with its trigger disabled (so the editor's first
 * Execute runs the sample message), and its sticky note tells a user to enable it before publishing.
 */
function publishableSuperOfficeExample() {
	const workflow = sandboxWorkflows().find(({ id }) => id === 'example-superoffice');
	for (const node of workflow.nodes)
		if (node.type.endsWith('superOfficeTrigger')) delete node.disabled;
	return workflow;
}

/** How many of the SuperOffice example's auto-replies quote a customer's message (it replies `… ("<message>") …`). */
const repliesQuoting = (replies, text) =>
	replies.filter((m) => String(m.body?.Message).includes(`("${text}")`)).length;

/** What the scripted model does with the AI Agent example's request, so that the example runs as shipped. */
const EXAMPLE_MODEL_SCRIPTS = [
	{
		prompt: 'order #1042',
		tool: 'Text_the_customer',
		arguments: {
			phoneNumber: '+15557778888',
			text: 'Good news: your order #1042 has shipped and arrives on Friday.',
		},
	},
];

module.exports = {
	sandboxCredentials,
	sandboxWorkflows,
	publishableSuperOfficeExample,
	repliesQuoting,
	EXAMPLE_MODEL_SCRIPTS,
};

/** The editor's owner account for local use: the sandbox's, never a real one. */
const SANDBOX_OWNER = { email: 'owner@sandbox.test', password: 'Sandbox-owner-1' };

/**
 * n8n (2.17 and later) creates the owner from the environment at start-up when
 * N8N_INSTANCE_OWNER_MANAGED_BY_ENV is set, so the editor opens on its sign-in page instead of asking a
 * newcomer to set up an owner. It takes a bcrypt hash, made here with the bcryptjs n8n itself ships.
 */
function ownerEnvironment(n8nBin, owner) {
	const bcrypt = require(require.resolve('bcryptjs', { paths: [path.dirname(n8nBin)] }));
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Sandbox',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
}

/**
 * The set-up the e2e tests, the demo and the dev editor share: the pinned n8n, the sandbox, a fresh n8n
 * user folder with this package, and the sandbox credentials and adapted examples imported into it.
 */
async function prepareN8nWithSandbox({ sandboxPort = 0, owner, version } = {}) {
	const { startSandbox } = require('../sandbox/server');
	const { provideN8n, createUserFolder, N8n } = require('./n8n-runtime');
	const runtime = provideN8n(version);
	const sandbox = await startSandbox({ port: sandboxPort });
	sandbox.state.modelScripts.push(...EXAMPLE_MODEL_SCRIPTS);
	const n8n = new N8n(
		runtime,
		createUserFolder(),
		owner ? ownerEnvironment(runtime.n8n, owner) : {},
	);
	const workflows = sandboxWorkflows();
	await n8n.importCredentials(sandboxCredentials(sandbox.url));
	await n8n.importWorkflows(workflows);
	return { sandbox, n8n, workflows };
}

module.exports.prepareN8nWithSandbox = prepareN8nWithSandbox;
module.exports.SANDBOX_OWNER = SANDBOX_OWNER;
