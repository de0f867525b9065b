// Send and Wait for Response inside the running n8n of `npm run test:e2e` (e2e/e2e.js): one published
// workflow with a Webhook trigger per scenario, each starting a provider node's Send and Wait against the
// sandbox, whose answers are echoed back to the sandbox (/_sandbox/echo). The checks read the message the
// provider received, take the signed link from its text and answer through it as the recipient would.
const assert = require('node:assert/strict');
const { FIXTURES } = require('../sandbox/server');
const { freePort, sleep, waitFor } = require('../scripts/n8n-runtime');

const WORKFLOW_ID = 'e2e-send-and-wait';
const REPLY_WORKFLOW_ID = 'e2e-reply-wait';
const ECHO = 'send-and-wait'; // the `provider` of this workflow's echoes

/** Per scenario: the provider node's Send and Wait, the question, and the answer the recipient posts. */
const SCENARIOS = {
	netsapiens: {
		display: 'NetSapiens',
		provider: 'netsapiens',
		type: 'n8n-nodes-session-messaging.netSapiens',
		question: 'Refund 40 EUR to order 1001?',
		parameters: {
			resource: 'message',
			operation: 'sendAndWait',
			messageType: 'sms',
			destination: '18585551234',
			fromNumber: { __rl: true, mode: 'number', value: '18585550001' },
			approvalOptions: { values: { approvalType: 'double', disapproveLabel: 'No refund' } },
		},
		credentials: {
			netSapiensMessagingApi: { id: 'netSapiensMessagingApi-demo', name: 'NetSapiens demo' },
		},
		answer: { approved: 'false' },
		page: ['name="approved" value="true"', 'No refund'],
		data: { approved: false },
		conversation: (item) => {
			assert.match(item['messagesession-id'], /^[A-Za-z0-9]{40}$/);
			assert.equal(item.type, 'sms');
			assert.equal(item.destination, '18585551234');
			assert.equal(item['from-number'], '18585550001');
		},
	},
	evovoice: {
		display: 'EvoVoice',
		provider: 'evovoice',
		type: 'n8n-nodes-session-messaging.evoVoice',
		question: 'Confirm your appointment on Monday at 10:00?',
		parameters: {
			resource: 'message',
			operation: 'sendAndWait',
			sendTo: 'phoneNumber',
			endpointId: { __rl: true, mode: 'id', value: FIXTURES.evovoice.endpointId },
			toAddress: '+15556667777',
		},
		credentials: {
			evoVoiceMessagingApi: { id: 'evoVoiceMessagingApi-demo', name: 'EvoVoice API demo' },
		},
		answer: { approved: 'true' },
		page: ['name="approved" value="true"'],
		data: { approved: true },
		conversation: (item) => {
			assert.equal(item.endpointId, FIXTURES.evovoice.endpointId);
			assert.equal(item.toAddress, '+15556667777');
		},
	},
	islash: {
		display: 'iSlash',
		provider: 'islash',
		type: 'n8n-nodes-session-messaging.iSlash',
		question: 'Which day suits you for the delivery?',
		parameters: {
			resource: 'sessionMessage',
			operation: 'sendAndWait',
			identity: '85256872847',
			responseType: 'freeText',
		},
		credentials: { iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' } },
		answer: { text: 'Friday after 14:00, please' },
		page: ['<textarea id="text" name="text" required>'],
		data: { text: 'Friday after 14:00, please' },
		conversation: (item) => assert.equal(item.identity, '85256872847'),
	},
	superoffice: {
		display: 'SuperOffice',
		provider: 'superoffice',
		type: 'n8n-nodes-session-messaging.superOffice',
		question: 'May I close this case?',
		parameters: {
			authentication: 'superOfficeMessagingApi',
			resource: 'chatMessage',
			operation: 'sendAndWait',
			chatSessionId: { __rl: true, mode: 'id', value: '4343' },
		},
		credentials: {
			superOfficeMessagingApi: { id: 'superOfficeMessagingApi-demo', name: 'SuperOffice API demo' },
		},
		answer: { approved: 'true' },
		page: ['name="approved" value="true"'],
		data: { approved: true },
		conversation: (item) => assert.equal(item.chatSessionId, 4343),
	},
};

/** The wait that nobody answers: EvoVoice with Limit Wait Time 1 minute. */
const LIMITED = {
	...SCENARIOS.evovoice,
	question: 'Still interested in the offer? (nobody answers this one)',
	parameters: {
		...SCENARIOS.evovoice.parameters,
		toAddress: '+15558889999',
		limitWaitTime: true,
		limitType: 'afterTimeInterval',
		resumeAmount: 1,
		resumeUnit: 'minutes',
	},
};

/**
 * Reply (NetSapiens only, e2e/e2e-reply-wait.js): the question goes out without a link and the
 * customer's next message in the conversation answers; its limit is the default 24 hours.
 */
const REPLY = {
	...SCENARIOS.netsapiens,
	question: 'Reply YES to confirm your appointment on Tuesday at 9:00',
	// the approval scenario's send, its approval options replaced by the Reply response type
	parameters: {
		...Object.fromEntries(
			Object.entries(SCENARIOS.netsapiens.parameters).filter(
				([name]) => name !== 'approvalOptions',
			),
		),
		responseType: 'reply',
	},
};

/** The Reply nobody answers: Limit Wait Time 1 minute, to another number. */
const LIMITED_REPLY = {
	...REPLY,
	question: 'Reply YES to keep your booking (nobody answers this one)',
	parameters: {
		...REPLY.parameters,
		destination: '18585557777',
		limitWaitTime: true,
		limitType: 'afterTimeInterval',
		resumeAmount: 1,
		resumeUnit: 'minutes',
	},
};

const ALL = { ...SCENARIOS, limited: LIMITED };

/** The Reply scenarios, in a workflow of their own (its executions are counted apart). */
const REPLIES = { reply: REPLY, limitedReply: LIMITED_REPLY };

/**
 * The workflow: per scenario a Webhook trigger (`/webhook/send-and-wait-<scenario>`, answering at once)
 * and the provider node's Send and Wait; every Send and Wait feeds one HTTP Request node that posts what
 * came out, and from which node, to the sandbox. The nodes of `others` (e.g. the Human review agent's,
 * started by their own Webhook trigger) join it: one workflow is published once, and every `n8n
 * publish:workflow` costs a CLI start.
 */
function sendAndWaitWorkflow(sandboxUrl, ...others) {
	return scenarioWorkflow(sandboxUrl, {
		id: WORKFLOW_ID,
		name: 'e2e: Send and Wait for Response',
		scenarios: ALL,
		webhookIds: '5e1d0a17-0000-4000-8000-00000000000',
		others,
	});
}

/** The Reply scenarios' workflow (e2e/e2e-reply-wait.js), built as sendAndWaitWorkflow. */
function replyWaitWorkflow(sandboxUrl) {
	return scenarioWorkflow(sandboxUrl, {
		id: REPLY_WORKFLOW_ID,
		name: 'e2e: Send and Wait, Response Type Reply',
		scenarios: REPLIES,
		webhookIds: '5e1d0a17-0000-4000-8000-00000000010',
	});
}

function scenarioWorkflow(sandboxUrl, { id, name, scenarios, webhookIds, others = [] }) {
	const nodes = [];
	const connections = {};
	Object.entries(scenarios).forEach(([key, scenario], row) => {
		const trigger = `Start ${key}`;
		const wait = `Ask (${key})`;
		nodes.push(
			{
				id: `start-${key}`,
				name: trigger,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, row * 200],
				webhookId: `${webhookIds}${row}`,
				parameters: {
					httpMethod: 'POST',
					path: `send-and-wait-${key}`,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: `ask-${key}`,
				name: wait,
				type: scenario.type,
				typeVersion: 1,
				position: [240, row * 200],
				parameters: { ...scenario.parameters, message: scenario.question },
				credentials: scenario.credentials,
			},
		);
		connections[trigger] = { main: [[{ node: wait, type: 'main', index: 0 }]] };
		connections[wait] = { main: [[{ node: 'Echo to sandbox', type: 'main', index: 0 }]] };
	});
	nodes.push({
		id: 'echo',
		name: 'Echo to sandbox',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [520, 0],
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/_sandbox/echo`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ provider: '${ECHO}', node: $prevNode.name, item: $json }) }}`,
			options: {},
		},
	});
	for (const other of others) {
		nodes.push(...other.nodes);
		Object.assign(connections, other.connections);
	}
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

/** The signed reply links in a message's text. */
const linksIn = (text) => String(text).match(/https?:\/\/\S+\/webhook-waiting\/\S+/g) ?? [];

/** n8n's record of one execution: status and whether it finished. */
async function executionRecord(n8n, id) {
	const [row] = await n8n.query(
		`SELECT id, status, finished, waitTill FROM execution_entity WHERE id = ${Number(id)}`,
	);
	return row;
}

/**
 * POSTs to a Webhook trigger of the published workflow; until n8n has activated it (readiness comes
 * first) n8n answers 404, so that is retried for a while.
 */
async function startWebhook(url, body) {
	const started = Date.now();
	for (;;) {
		const answer = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await answer.text();
		if (answer.status === 200) return;
		if (answer.status !== 404 || Date.now() - started > 60000)
			throw new Error(`${url} answered ${answer.status}: ${text.slice(0, 300)}`);
		await sleep(500);
	}
}

/**
 * Starts a scenario's execution through its Webhook trigger and returns, once the provider has the
 * message: the message, its one reply link and the execution ID the link names.
 */
async function startScenario({ sandbox, n8n, base }, key) {
	const scenario = ALL[key];
	const before = sandbox.state.messages.length;
	await startWebhook(`${base}/webhook/send-and-wait-${key}`, { scenario: key });
	const mine = () =>
		sandbox.state.messages
			.slice(before)
			.filter((m) => m.provider === scenario.provider && m.text.startsWith(scenario.question));
	await waitFor(() => mine().length > 0, 30000, `the ${scenario.display} question`);
	const [message] = mine();
	const links = linksIn(message.text);
	assert.equal(links.length, 1, message.text);
	const [link] = links;
	assert.equal(message.text.replace(/\r\n/g, '\n'), `${scenario.question}\n\nAnswer here: ${link}`);
	const executionId = new RegExp(
		`^${base}/webhook-waiting/(\\d+)/ask-${key}\\?signature=[0-9a-f]{64}$`,
	).exec(link)?.[1];
	assert.ok(executionId, `a signed link of this n8n: ${link}`);
	await waitFor(
		async () => (await executionRecord(n8n, executionId))?.status === 'waiting',
		20000,
		`execution ${executionId} to wait`,
	);
	return { message, link, executionId };
}

const echoesOf = (sandbox, key) =>
	sandbox.state.echoes.filter((e) => e.provider === ECHO && e.node === `Ask (${key})`);

const post = (link, fields) =>
	fetch(link, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	});

/**
 * Per provider: the message goes out with one signed link; a GET shows the page and resumes nothing; a
 * changed link is refused; the POST of the answer resumes and the execution finishes with n8n's
 * send-and-wait shape; a second POST is refused. Pushes one line per provider to `counts`.
 */
async function sendAndWaitChecks({
	sandbox,
	n8n,
	base,
	check,
	counts,
	label = '',
	scenarios = Object.keys(SCENARIOS),
}) {
	for (const key of scenarios) {
		const scenario = SCENARIOS[key];
		await check(
			`${label}Send and Wait (${scenario.display}, ${scenario.data.text === undefined ? 'approval' : 'free text'}): the link's GET shows the page and resumes nothing, its POST resumes the execution with the answer, a second POST is refused`,
			async () => {
				const executionsBefore = (await n8n.executionCounts())[WORKFLOW_ID] ?? 0;
				const { link, executionId } = await startScenario({ sandbox, n8n, base }, key);

				const page = await fetch(link);
				assert.equal(page.status, 200);
				assert.equal(page.headers.get('cache-control'), 'no-store');
				assert.match(page.headers.get('content-security-policy'), /^default-src 'none'/);
				const html = await page.text();
				assert.ok(html.includes(scenario.question), 'the page shows the question');
				for (const part of scenario.page) assert.ok(html.includes(part), part);
				// a link preview (or the recipient just looking) answers nothing
				const changed = link.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
				assert.equal((await post(changed, scenario.answer)).status, 401);
				const asked = await post(link, {});
				assert.equal(asked.status, 400, 'a POST without an offered answer');
				assert.equal((await executionRecord(n8n, executionId)).status, 'waiting');
				assert.equal(echoesOf(sandbox, key).length, 0);

				const answered = await post(link, scenario.answer);
				assert.equal(answered.status, 200);
				assert.match(await answered.text(), /Your answer has been recorded/);
				await waitFor(() => echoesOf(sandbox, key).length > 0, 20000, 'the resumed execution');
				await waitFor(
					async () => (await executionRecord(n8n, executionId)).status === 'success',
					20000,
					`execution ${executionId} to finish`,
				);
				const [{ item }] = echoesOf(sandbox, key);
				assert.deepEqual(
					Object.keys(item.data).sort(),
					[...Object.keys(scenario.data), 'respondedAt'].sort(),
				);
				for (const [name, value] of Object.entries(scenario.data))
					assert.deepEqual(item.data[name], value, name);
				assert.match(item.data.respondedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
				scenario.conversation(item);

				// once the execution has moved on, n8n answers the link with its "No action required" page
				const again = await post(link, scenario.answer);
				assert.equal(again.status, 200);
				assert.match(await again.text(), /<title>No action required<\/title>/);
				await new Promise((resolve) => setTimeout(resolve, 1000));
				assert.equal(echoesOf(sandbox, key).length, 1, 'the second POST resumed nothing');
				const record = await executionRecord(n8n, executionId);
				assert.equal(record.status, 'success');
				const ran = ((await n8n.executionCounts())[WORKFLOW_ID] ?? 0) - executionsBefore;
				assert.equal(ran, 1);
				counts.push([
					`${label}Send and Wait, ${scenario.display}`,
					'1 start, GET + changed link + empty POST + answer + second POST',
					ran,
					echoesOf(sandbox, key).length,
				]);
			},
		);
	}
}

/**
 * Starts the wait nobody answers (Limit Wait Time: 1 minute) and returns a check to run once n8n's
 * WaitTracker has had its chance (it looks for due executions every 60 s, and at start-up).
 */
async function startLimitedWait({ sandbox, n8n, base, check }) {
	let started;
	const before = (await n8n.executionCounts())[WORKFLOW_ID] ?? 0;
	await check(
		'Send and Wait with Limit Wait Time 1 minute: the question goes out and the execution waits',
		async () => {
			started = await startScenario({ sandbox, n8n, base }, 'limited');
			started.at = Date.now();
		},
	);
	return async function limitedWaitEnded(counts) {
		await check(
			'Send and Wait with Limit Wait Time 1 minute: with no answer, the execution resumes after the limit (across the restart) with its input, without data',
			async () => {
				assert.ok(started, 'the wait was started');
				await waitFor(
					() => echoesOf(sandbox, 'limited').length > 0,
					Math.max(0, started.at + 130000 - Date.now()),
					'the end of the 1-minute wait',
				);
				const record = await executionRecord(n8n, started.executionId);
				assert.equal(record.status, 'success');
				const echoes = echoesOf(sandbox, 'limited');
				assert.equal(echoes.length, 1);
				const [{ item }] = echoes;
				assert.equal('data' in item, false);
				assert.deepEqual(item.body, { scenario: 'limited' }); // the Webhook trigger's item, unchanged
				const ran = ((await n8n.executionCounts())[WORKFLOW_ID] ?? 0) - before;
				assert.equal(ran, 1);
				counts.push([
					'Send and Wait, 1-minute limit',
					'1 start, no answer, n8n restarted meanwhile',
					ran,
					echoes.length,
				]);
			},
		);
	};
}

/**
 * For an n8n version whose other checks run through the CLI only (1.x): the workflow published with that
 * version's CLI, one short `n8n start`, and the approval and free-text scenarios in it. Returns the
 * milliseconds it all took (the start-up is most of it).
 */
async function sendAndWaitInShortStart({ sandbox, n8n, check, label, counts }) {
	const began = Date.now();
	await n8n.importWorkflows([sendAndWaitWorkflow(sandbox.url)]);
	// 1.x activates with update:workflow (publish:workflow is 2.x's)
	await n8n.run(['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true']);
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	n8n.env.WEBHOOK_URL = `${base}/`;
	const editor = n8n.serve(port);
	let failed = false;
	try {
		await editor.ready();
		await sendAndWaitChecks({
			sandbox,
			n8n,
			base,
			label,
			counts,
			scenarios: ['evovoice', 'islash'],
			check: async (name, fn) =>
				await check(name, async () => {
					try {
						await fn();
					} catch (error) {
						failed = true;
						throw error;
					}
				}),
		});
	} finally {
		await editor.stop();
		if (failed) process.stdout.write(`\n--- n8n start log ---\n${editor.log().slice(-3000)}\n`);
	}
	return Date.now() - began;
}

module.exports = {
	sendAndWaitInShortStart,
	SEND_AND_WAIT_WORKFLOW_ID: WORKFLOW_ID,
	sendAndWaitWorkflow,
	sendAndWaitChecks,
	startLimitedWait,
	linksIn,
	executionRecord,
	startWebhook,
	echoesOf,
	REPLY_WORKFLOW_ID,
	replyWaitWorkflow,
	REPLY_QUESTIONS: Object.fromEntries(Object.entries(REPLIES).map(([key, s]) => [key, s.question])),
};
