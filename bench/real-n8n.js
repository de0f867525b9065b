#!/usr/bin/env node
// Benchmark 1b: inside a real n8n 2.40.7, the same sends by this package's EvoVoice node and by n8n's own
// HTTP Request node (same sandbox, same items), timed by n8n itself (each node's executionTime in the run
// data); then the race under a provider rate limit: 300 sends by n8n's HTTP Request node (defaults, Retry On
// Fail, Continue On Fail, batching set to the limit) and by each provider's node with its defaults, counted
// from the sandbox's records. Appends its tables to bench/results.md. Prints figures only; never fails on a
// slow machine.
const fs = require('node:fs');
const path = require('node:path');
const { FIXTURES } = require('../sandbox/server');
const { throughputOfLimit } = require('../sandbox/rateLimit');
const { nodeExecutionMs } = require('../scripts/n8n-runtime');
const { prepareN8nWithSandbox } = require('../scripts/sandbox-setup');

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const RACE_MESSAGES = 300;
const RACE_LIMIT = 50; // requests per second, sliding window, 429 + Retry-After beyond it
const RACE_LATENCY_MS = 50;
const evo = FIXTURES.evovoice;

function workflow(id, sender, count = MESSAGES, textPrefix = 'bench message ') {
	return {
		id,
		name: id,
		active: false,
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'c',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { text: ${JSON.stringify(textPrefix)} + i } }));`,
				},
			},
			{ id: 's', name: 'Send', position: [400, 0], ...sender },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
		settings: {},
	};
}

/** n8n's HTTP Request node sending what the EvoVoice node sends, with n8n's node settings `settings`. */
function httpRequestSender(sandboxUrl, { options = {}, ...settings } = {}) {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/evovoice/sessions/s1/messages`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{
						name: 'Authorization',
						value: `Basic ${Buffer.from(`${evo.username}:${evo.password}`).toString('base64')}`,
					},
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ sessionId: "s1", body: $json.text }) }}',
			options,
		},
		...settings,
	};
}

const credential = (type) => ({ [type]: { id: `${type}-demo`, name: 'sandbox' } });
// Each provider's send as in examples/, the message text from the item; every node setting left at its default.
const RACE = [
	['race-http-defaults', "n8n's HTTP Request node, defaults", (url) => httpRequestSender(url)],
	[
		'race-http-retry',
		"n8n's HTTP Request node, Retry On Fail (5 tries, 1 s apart)",
		(url) => httpRequestSender(url, { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 }),
	],
	[
		'race-http-continue',
		"n8n's HTTP Request node, Continue On Fail",
		(url) => httpRequestSender(url, { onError: 'continueRegularOutput' }),
	],
	[
		'race-http-batching',
		`n8n's HTTP Request node, Batching ${RACE_LIMIT} items per 1 s`,
		(url) =>
			httpRequestSender(url, {
				options: { batching: { batch: { batchSize: RACE_LIMIT, batchInterval: 1000 } } },
			}),
	],
	[
		'race-netsapiens',
		'NetSapiens node, defaults',
		() => ({
			type: 'n8n-nodes-session-messaging.netSapiens',
			typeVersion: 1,
			parameters: {
				resource: 'message',
				operation: 'send',
				messagesession: { __rl: true, mode: 'list', value: '' },
				messageType: 'sms',
				destination: '18585551234',
				fromNumber: { __rl: true, mode: 'number', value: '18585550001' },
				message: '={{ $json.text }}',
			},
			credentials: credential('netSapiensMessagingApi'),
		}),
	],
	[
		'race-evovoice',
		'EvoVoice node, defaults',
		() => ({
			type: 'n8n-nodes-session-messaging.evoVoice',
			typeVersion: 1,
			parameters: {
				resource: 'message',
				operation: 'send',
				sendTo: 'session',
				sessionId: 's1',
				body: '={{ $json.text }}',
			},
			credentials: credential('evoVoiceMessagingApi'),
		}),
	],
	[
		'race-islash',
		'iSlash node, defaults',
		() => ({
			type: 'n8n-nodes-session-messaging.iSlash',
			typeVersion: 1,
			parameters: {
				resource: 'sessionMessage',
				operation: 'send',
				identity: '85256872847',
				text: '={{ $json.text }}',
				attachment: 'none',
			},
			credentials: credential('iSlashMessagingApi'),
		}),
	],
	[
		'race-superoffice',
		'SuperOffice node, defaults',
		() => ({
			type: 'n8n-nodes-session-messaging.superOffice',
			typeVersion: 1,
			parameters: {
				authentication: 'superOfficeMessagingApi',
				resource: 'chatMessage',
				operation: 'send',
				chatSessionId: {
					__rl: true,
					mode: 'id',
					value: String(FIXTURES.superoffice.chatSessionId),
				},
				message: '={{ $json.text }}',
				type: 'ToCustomer',
				specialType: 'None',
			},
			credentials: credential('superOfficeMessagingApi'),
		}),
	],
];

/** The race: each sender's run under the limit, counted from what the sandbox accepted. */
async function race(sandbox, n8n) {
	const lines = [
		'',
		`## In a real n8n 2.40.7: ${RACE_MESSAGES} sends under a provider limit of ${RACE_LIMIT}/s (429 + Retry-After beyond it), provider answering in ${RACE_LATENCY_MS} ms`,
		'',
		`Counted from the sandbox's records; "lost" = items never accepted; seconds = the node's execution time in n8n's run data; throughput ÷ limit = accepted ÷ (${RACE_LIMIT} × (⌊S⌋ + 1)), S from the first to the last accepted request (1.00 is the most the limit allows).`,
		'',
		'| sender | run | delivered | lost | duplicated | error items | 429 answers | most in flight | seconds | throughput ÷ limit |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const [id, label] of RACE) {
		sandbox.reset();
		sandbox.configure({ perSecond: RACE_LIMIT, delayMs: RACE_LATENCY_MS });
		const run = await n8n.execute(id);
		await new Promise((resolve) => setTimeout(resolve, 500)); // what is still in flight lands
		const accepted = sandbox.state.messages.filter((m) =>
			String(m.text).startsWith('race message '),
		);
		const perText = new Map();
		for (const m of accepted) perText.set(m.text, (perText.get(m.text) ?? 0) + 1);
		const duplicated = [...perText.values()].reduce((sum, n) => sum + n - 1, 0);
		const output = run.data?.resultData?.runData?.Send?.[0]?.data?.main?.[0] ?? [];
		const errorItems = output.filter((item) => item.json?.error !== undefined).length;
		const ms = nodeExecutionMs(run, 'Send');
		const { ratio } = throughputOfLimit(
			accepted.map((m) => Date.parse(m.at)),
			RACE_LIMIT,
		);
		lines.push(
			`| ${label} | ${run.status ?? (run.data?.resultData?.error ? 'error' : 'success')} | ${perText.size} | ${RACE_MESSAGES - perText.size} | ${duplicated} | ${errorItems} | ${sandbox.state.rateLimited} | ${sandbox.state.maxInFlight} | ${ms === undefined ? '–' : (ms / 1000).toFixed(1)} | ${perText.size < RACE_MESSAGES ? '– (not all delivered)' : ratio.toFixed(2)} |`,
		);
	}
	sandbox.configure({});
	return lines;
}

async function main() {
	const { sandbox, n8n } = await prepareN8nWithSandbox();
	try {
		await n8n.importWorkflows([
			workflow('bench-package-node', {
				type: 'n8n-nodes-session-messaging.evoVoice',
				typeVersion: 1,
				parameters: {
					resource: 'message',
					operation: 'send',
					sendTo: 'session',
					sessionId: 's1',
					body: '={{ $json.text }}',
				},
				credentials: {
					evoVoiceMessagingApi: { id: 'evoVoiceMessagingApi-demo', name: 'EvoVoice API demo' },
				},
			}),
			workflow('bench-http-request-node', httpRequestSender(sandbox.url)),
			...RACE.map(([id, , sender]) =>
				workflow(id, sender(sandbox.url), RACE_MESSAGES, 'race message '),
			),
		]);
		const rows = [];
		for (const [id, label] of [
			['bench-package-node', 'EvoVoice node (this package, bound 10 in flight)'],
			['bench-http-request-node', "n8n's HTTP Request node"],
		]) {
			sandbox.reset();
			const run = await n8n.execute(id);
			rows.push({
				label,
				ms: nodeExecutionMs(run, 'Send'),
				status: run.status,
				accepted: sandbox.state.messages.length,
				maxInFlight: sandbox.state.maxInFlight,
			});
		}
		const [ours, http] = rows;
		const lines = [
			'',
			`## In a real n8n 2.40.7: ${MESSAGES} sends, this package's node vs n8n's HTTP Request node`,
			'',
			"Same sandbox, same items, node execution time from n8n's run data.",
			'',
			'| node | execution ms | messages accepted | max in flight | run |',
			'|---|---|---|---|---|',
			...rows.map(
				(r) => `| ${r.label} | ${r.ms} | ${r.accepted} | ${r.maxInFlight} | ${r.status} |`,
			),
			'',
			`Ratio (ours ÷ HTTP Request): ${(ours.ms / http.ms).toFixed(2)}`,
		];
		lines.push(...(await race(sandbox, n8n)));
		process.stdout.write(`${lines.join('\n')}\n`);
		fs.appendFileSync(path.join(__dirname, 'results.md'), `${lines.join('\n')}\n`);
	} finally {
		await sandbox.close();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exitCode = 1;
});
