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
const { throughputOfLimit, throughputOfShape } = require('../sandbox/rateLimit');
const { nodeExecutionMs } = require('../scripts/n8n-runtime');
const { prepareN8nWithSandbox } = require('../scripts/sandbox-setup');

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const CPU_ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
const RACE_MESSAGES = 300;
const RACE_LIMIT = 50; // requests per second, sliding window, 429 + Retry-After beyond it
const RACE_LATENCY_MS = 50;
const evo = FIXTURES.evovoice;
/** Filling the provider's window (issue 39): each case's sends by the EvoVoice node and by n8n's HTTP Request node batched by hand to the exact limit. */
const SLIDING = { kind: 'sliding', windowMs: 1000 };
const WINDOW_CASES = [
	{ count: 300, latencyMs: 20, limit: 50, shape: SLIDING },
	{ count: 3000, latencyMs: 20, limit: 50, shape: SLIDING },
	{ count: 300, latencyMs: 200, limit: 50, shape: SLIDING, maxInFlight: 20 },
	{ count: 3000, latencyMs: 200, limit: 50, shape: SLIDING, maxInFlight: 20 },
	{ count: 3000, latencyMs: 20, limit: 50, shape: { kind: 'bucket', windowMs: 1000 } },
	{ count: 900, latencyMs: 20, limit: 300, shape: { kind: 'fixed', windowMs: 60_000 } },
].filter(
	(c) =>
		!process.env.BENCH_WINDOW_CASES ||
		process.env.BENCH_WINDOW_CASES.split(',').includes(caseId(c)),
);
function caseId(c) {
	return `${c.shape.kind}-${c.count}-${c.latencyMs}`;
}
const shapeLabel = (c) =>
	c.shape.kind === 'fixed'
		? `fixed ${c.shape.windowMs / 60_000}-min window of ${c.limit}`
		: c.shape.kind === 'bucket'
			? `token bucket of ${c.limit}, ${c.limit}/s refill`
			: `${c.limit}/s sliding window`;

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
/** The EvoVoice node's send into a session, the text from the item; `requestOptions` if not the defaults. */
function evoVoiceSender(requestOptions) {
	return {
		type: 'n8n-nodes-session-messaging.evoVoice',
		typeVersion: 1,
		parameters: {
			resource: 'message',
			operation: 'send',
			sendTo: 'session',
			sessionId: 's1',
			body: '={{ $json.text }}',
			...(requestOptions ? { requestOptions } : {}),
		},
		credentials: credential('evoVoiceMessagingApi'),
	};
}
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
	['race-evovoice', 'EvoVoice node, defaults', () => evoVoiceSender()],
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

function windowSenders(sandboxUrl, c) {
	const evoNode = evoVoiceSender(c.maxInFlight ? { maxInFlight: c.maxInFlight } : undefined);
	return [
		[
			`win-${caseId(c)}-evovoice`,
			`EvoVoice node, ${c.maxInFlight ? `Max Requests In Flight ${c.maxInFlight}` : 'defaults'}`,
			evoNode,
		],
		[
			`win-${caseId(c)}-http`,
			`n8n's HTTP Request node, Batching ${c.limit} items per ${c.shape.windowMs / 1000} s`,
			httpRequestSender(sandboxUrl, {
				options: { batching: { batch: { batchSize: c.limit, batchInterval: c.shape.windowMs } } },
			}),
		],
	];
}

/** Filling the window: per case, the EvoVoice node and the hand-batched HTTP Request node, one after the other. */
async function fillTheWindow(sandbox, n8n) {
	const lines = [
		'',
		`## In a real n8n 2.40.7: filling the provider's window (one execution each)`,
		'',
		"Counted from the sandbox's records. Throughput ÷ limit = accepted ÷ the most the limit's shape lets through between the first and the last accepted request (sandbox/rateLimit.js `throughputOfShape`; 1.00 is the best any sender can do). 429s after the first window: answered later than one window after the first accepted request. The HTTP Request node is batched by hand to the exact limit, which its user has to know; ours is left to learn it.",
		'',
		'| limit | sends | provider answers in | sender | run | delivered | lost | duplicated | 429 answers | of them after the first window | most in flight | seconds | throughput ÷ limit |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const c of WINDOW_CASES) {
		for (const [id, label] of windowSenders(sandbox.url, c)) {
			sandbox.reset();
			sandbox.configure({ perSecond: c.limit, delayMs: c.latencyMs, rateShape: c.shape });
			const run = await n8n.execute(id);
			await new Promise((resolve) => setTimeout(resolve, 500));
			const accepted = sandbox.state.messages.filter((m) =>
				String(m.text).startsWith('window message '),
			);
			const perText = new Map();
			for (const m of accepted) perText.set(m.text, (perText.get(m.text) ?? 0) + 1);
			const duplicated = [...perText.values()].reduce((sum, n) => sum + n - 1, 0);
			const times = accepted.map((m) => Date.parse(m.at));
			const firstWindowEnds = Math.min(...times) + c.shape.windowMs;
			const late = sandbox.state.rateLimitedAt.filter((at) => at > firstWindowEnds).length;
			const ms = nodeExecutionMs(run, 'Send');
			const { ratio } = throughputOfShape(times, c.limit, c.shape);
			const row = `| ${shapeLabel(c)} | ${c.count} | ${c.latencyMs} ms | ${label} | ${run.status ?? 'error'} | ${perText.size} | ${c.count - perText.size} | ${duplicated} | ${sandbox.state.rateLimited} | ${late} | ${sandbox.state.maxInFlight} | ${ms === undefined ? '–' : (ms / 1000).toFixed(1)} | ${perText.size < c.count ? '– (not all delivered)' : ratio.toFixed(2)} |`;
			process.stdout.write(`${row}\n`);
			lines.push(row);
		}
	}
	sandbox.configure({});
	lines.push(
		'',
		`Machine load while measuring (1/5/15-min load averages, ${require('node:os').cpus().length} cores): ${require('node:os')
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')}`,
	);
	return lines;
}

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

/**
 * CPU per send: both nodes on an instant sandbox (so a run is the engine's CPU), three rounds one after
 * the other, since the machine may be shared: the median round's ratio is the figure.
 */
async function cpuPerSend(sandbox, n8n) {
	const rounds = [];
	for (let round = 0; round < CPU_ROUNDS; round++) {
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
		rounds.push(rows);
	}
	const ratios = rounds.map(([ours, http]) => ours.ms / http.ms);
	const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
	return [
		'',
		`## In a real n8n 2.40.7: ${MESSAGES} sends, this package's node vs n8n's HTTP Request node`,
		'',
		`Same sandbox, same items, node execution time from n8n's run data; ${CPU_ROUNDS} rounds, one node after the other.`,
		'',
		'| round | node | execution ms | messages accepted | max in flight | run |',
		'|---|---|---|---|---|---|',
		...rounds.flatMap((rows, i) =>
			rows.map(
				(r) =>
					`| ${i + 1} | ${r.label} | ${r.ms} | ${r.accepted} | ${r.maxInFlight} | ${r.status} |`,
			),
		),
		'',
		`Ratio (ours ÷ HTTP Request) per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median.toFixed(2)}`,
		`(load averages while measuring: ${require('node:os')
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')} on ${require('node:os').cpus().length} cores)`,
	];
}

async function main() {
	const { sandbox, n8n } = await prepareN8nWithSandbox();
	try {
		await n8n.importWorkflows([
			workflow('bench-package-node', evoVoiceSender()),
			workflow('bench-http-request-node', httpRequestSender(sandbox.url)),
			...RACE.map(([id, , sender]) =>
				workflow(id, sender(sandbox.url), RACE_MESSAGES, 'race message '),
			),
			...WINDOW_CASES.flatMap((c) =>
				windowSenders(sandbox.url, c).map(([id, , sender]) =>
					workflow(id, sender, c.count, 'window message '),
				),
			),
		]);
		const parts = (process.env.BENCH_PARTS ?? 'cpu,race,window').split(',');
		const lines = [];
		if (parts.includes('cpu')) lines.push(...(await cpuPerSend(sandbox, n8n)));
		if (parts.includes('race')) lines.push(...(await race(sandbox, n8n)));
		if (parts.includes('window')) lines.push(...(await fillTheWindow(sandbox, n8n)));
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
