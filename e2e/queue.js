#!/usr/bin/env node
// `npm run test:queue`: the package in n8n's queue mode — a real n8n 2.40.7 main, two workers and a webhook
// processor sharing Redis (Bull queue) and Postgres, all started here from Debian packages on loopback ports.
// Executions start from production webhooks (the only way into the queue: `n8n execute` always runs in
// regular mode), and every figure printed is counted from the provider sandbox's own records.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startSandbox, FIXTURES } = require('../sandbox/server');
const { throughputOfLimit } = require('../sandbox/rateLimit');
const {
	provideN8n,
	createUserFolder,
	N8n,
	sleep,
	waitFor,
	freePorts,
	ensureDebianPackages,
	commandExists,
} = require('../scripts/n8n-runtime');
const {
	sandboxCredentials,
	publishableSuperOfficeExample,
	repliesQuoting,
} = require('../scripts/sandbox-setup');
const { triggerWorkflows, iSlashWebhookUrl, echo } = require('./trigger-workflows');

const PG_BIN = '/usr/lib/postgresql/15/bin';
const RATE_LIMIT = 50; // sandbox requests per second in scenario a
// Provider latency in scenarios a and d: with instant answers no two requests overlap at the sandbox and
// its max-in-flight figure says nothing about the nodes' concurrency.
const LATENCY_MS = 50;
const RUNS = 5;
const EVO_ITEMS = 200;
const NS_ITEMS = 200; // 5 × 200 = 1,000 sends a round
const KILL_RATE = 20; // slow enough (10 s for a run) to kill a worker in the middle of one

const log = (line) => process.stdout.write(`${line}\n`);
/** `QUEUE_SCENARIOS=a,c` runs only those scenarios (to measure one again without the others' minutes). */
const ONLY_SCENARIOS = process.env.QUEUE_SCENARIOS?.split(',').map((name) => name.trim());

// Everything started here, stopped by PID at the end (also on failure), newest first.
const started = [];
const tempDirs = [];

function track(name, child, { stopSignal = 'SIGTERM' } = {}) {
	const entry = { name, child, stopSignal, log: '' };
	const append = (chunk) => {
		entry.log += chunk;
		if (entry.log.length > 2_000_000) entry.log = entry.log.slice(-1_000_000);
	};
	child.stdout?.on('data', append);
	child.stderr?.on('data', append);
	entry.exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	);
	started.push(entry);
	return entry;
}

async function stopAll() {
	for (const entry of [...started].reverse()) {
		const { child } = entry;
		if (child.exitCode !== null || child.signalCode !== null) continue;
		try {
			process.kill(child.pid, entry.stopSignal);
		} catch {
			continue;
		}
		const done = await Promise.race([entry.exited, sleep(15000).then(() => undefined)]);
		if (!done) {
			// n8n processes are group leaders (detached): the group holds their task runners too.
			try {
				process.kill(entry.group ? -child.pid : child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
			await Promise.race([entry.exited, sleep(3000)]);
		}
	}
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** Redis and Postgres from Debian packages, installed when missing (CI runs as root). */
function ensurePackages() {
	ensureDebianPackages(
		['redis-server', 'postgresql'],
		() => commandExists('redis-server') && fs.existsSync(path.join(PG_BIN, 'postgres')),
	);
}

async function startRedis(port) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	tempDirs.push(dir);
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const entry = track('redis', child);
	await waitFor(() => redisPing(port), 20000, 'redis').catch((error) => {
		throw new Error(`${error.message}\n${entry.log.slice(-2000)}`);
	});
}

function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			socket.destroy();
			resolve(String(data).startsWith('+PONG'));
		});
		socket.on('error', () => resolve(false));
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** Postgres refuses to run as root: as root, initdb and postgres run as the `postgres` user, owning the data dir. */
async function startPostgres(port) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	tempDirs.push(dir);
	const asUser = {};
	if (process.getuid?.() === 0) {
		asUser.uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		asUser.gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		fs.chownSync(dir, asUser.uid, asUser.gid);
	}
	const data = path.join(dir, 'data');
	execFileSync(
		path.join(PG_BIN, 'initdb'),
		['-D', data, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		{ ...asUser, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
	);
	// A throwaway database: durability settings off, for speed.
	const args = [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		dir,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	];
	const child = spawn(path.join(PG_BIN, 'postgres'), args, {
		...asUser,
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const entry = track('postgres', child, { stopSignal: 'SIGINT' }); // SIGINT: Postgres's fast shutdown
	await waitFor(() => psqlOk(port), 30000, 'postgres').catch((error) => {
		throw new Error(`${error.message}\n${entry.log.slice(-2000)}`);
	});
	psql(port, 'CREATE DATABASE n8n', 'postgres');
}

function psqlOk(port) {
	try {
		psql(port, 'SELECT 1', 'postgres');
		return true;
	} catch {
		return false;
	}
}

/** Rows of a query on n8n's Postgres database, as arrays of strings (psql's unaligned output). */
function psql(port, sql, database = 'n8n') {
	const out = execFileSync(
		'psql',
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'n8n',
			'-d',
			database,
			'-At',
			'-F',
			'\t',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	);
	return out
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split('\t'));
}

// --- workflows ----------------------------------------------------------------------------------------------

/** A production webhook that answers at once: how executions get into the queue here. */
function startWebhook(webhookId, webhookPath) {
	return {
		id: 'hook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
}

/** Webhook (answers at once) → Code (makes `count` items, each naming its run, execution and item) → `send`. */
function bulkWorkflow(id, name, webhookId, webhookPath, send) {
	const code = [
		// `items` (item numbers) resumes a run with only what the provider did not receive
		'const { run, count, items } = $input.first().json.body;',
		'const execution = $execution.id;',
		'const numbers = items ?? Array.from({ length: count }, (_, i) => i + 1);',
		'return numbers.map((item) => ({ json: { run, item, text: `queue run ${run} exec ${execution} item ${item}` } }));',
	].join('\n');
	return {
		id,
		name,
		active: false,
		nodes: [
			startWebhook(webhookId, webhookPath),
			{
				id: 'items',
				name: 'Make items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: code },
			},
			{ id: 'send', name: 'Send', position: [440, 0], ...send },
		],
		connections: {
			Webhook: { main: [[{ node: 'Make items', type: 'main', index: 0 }]] },
			'Make items': { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

// Parameters as in examples/evovoice-send-and-read.json and examples/netsapiens-sms-reply.json.
const evoVoiceSend = {
	type: 'n8n-nodes-session-messaging.evoVoice',
	typeVersion: 1,
	parameters: {
		resource: 'message',
		operation: 'send',
		sendTo: 'phoneNumber',
		endpointId: { __rl: true, mode: 'id', value: FIXTURES.evovoice.endpointId },
		toAddress: '+15556667777',
		body: '={{ $json.text }}',
	},
	credentials: {
		evoVoiceMessagingApi: { id: 'evoVoiceMessagingApi-demo', name: 'EvoVoice API demo' },
	},
};
// Its own credential (same login): the trigger's credential already fetched a token when main activated it.
const NS_QUEUE_CREDENTIAL = { id: 'netSapiensMessagingApi-queue', name: 'NetSapiens queue' };
const netSapiensSend = {
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
	credentials: { netSapiensMessagingApi: NS_QUEUE_CREDENTIAL },
};

const WORKFLOWS = {
	evo: bulkWorkflow(
		'queue-evovoice',
		'queue: EvoVoice bulk send',
		'7c2e0f1a-0000-4000-8000-0000000e0001',
		'queue-evovoice',
		evoVoiceSend,
	),
	ns: bulkWorkflow(
		'queue-netsapiens',
		'queue: NetSapiens bulk send',
		'7c2e0f1a-0000-4000-8000-0000000e0002',
		'queue-netsapiens',
		netSapiensSend,
	),
};

// The Send and Wait node's id: its answer link is /webhook-waiting/<execution>/<node id> (n8n-core's
// `getSignedResumeUrl`), and n8n checks the signature because this node's operation is `sendAndWait`.
const SEND_AND_WAIT_NODE_ID = '7c2e0f1a-0000-4000-8000-0000000e5a17';
const SEND_AND_WAIT_CONTACT = '85256872847';
const SEND_AND_WAIT_QUESTION = 'Approve the refund of order 1001?';

/** Webhook → iSlash Send and Wait for Response (approve or decline) → what the answer resumed with, echoed to the sandbox. */
function sendAndWaitWorkflow(sandboxUrl) {
	return {
		id: 'queue-send-and-wait',
		name: 'queue: iSlash Send and Wait for Response',
		active: false,
		nodes: [
			startWebhook('7c2e0f1a-0000-4000-8000-0000000e0003', 'queue-send-and-wait'),
			{
				id: SEND_AND_WAIT_NODE_ID,
				name: 'Ask for approval',
				type: 'n8n-nodes-session-messaging.iSlash',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'sessionMessage',
					operation: 'sendAndWait',
					identity: SEND_AND_WAIT_CONTACT,
					message: SEND_AND_WAIT_QUESTION,
					responseType: 'approval',
					approvalOptions: { values: { approvalType: 'double' } },
				},
				credentials: {
					iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' },
				},
			},
			{ ...echo(sandboxUrl, 'send-and-wait'), position: [440, 0] },
		],
		connections: {
			Webhook: { main: [[{ node: 'Ask for approval', type: 'main', index: 0 }]] },
			'Ask for approval': { main: [[{ node: 'Echo to sandbox', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

// --- checks ---------------------------------------------------------------------------------------------------

const rows = []; // the summary: [scenario, what, expected, measured, ok]
function expect(scenario, what, expected, measured) {
	const ok = expected === undefined || String(expected) === String(measured);
	rows.push([
		scenario,
		what,
		expected === undefined ? '(figure)' : String(expected),
		String(measured),
		ok,
	]);
	return ok;
}

/** Messages counted per (run, item) from their text: delivered, lost, duplicated, and the execution of each run. */
function tally(messages, runs, items) {
	const seen = new Map();
	const executionsOfRun = new Map();
	for (const m of messages) {
		const match = /^queue run (\d+) exec (\d+) item (\d+)$/.exec(m.text);
		if (!match) continue;
		const key = `${match[1]}:${match[3]}`;
		seen.set(key, (seen.get(key) ?? 0) + 1);
		if (!executionsOfRun.has(match[1])) executionsOfRun.set(match[1], new Set());
		executionsOfRun.get(match[1]).add(match[2]);
	}
	let lost = 0;
	for (let run = 1; run <= runs; run++)
		for (let item = 1; item <= items; item++) if (!seen.has(`${run}:${item}`)) lost++;
	const duplicated = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
	return { delivered: messages.length, unique: seen.size, lost, duplicated, executionsOfRun };
}

async function main() {
	const began = Date.now();
	ensurePackages();
	const runtime = provideN8n();
	const [redisPort, pgPort, mainPort, webhookPort, health1, health2, ...brokers] =
		await freePorts(10);
	await Promise.all([startRedis(redisPort), startPostgres(pgPort)]);
	log(
		`redis on 127.0.0.1:${redisPort}, postgres on 127.0.0.1:${pgPort} (${Date.now() - began} ms)`,
	);

	const sandbox = await startSandbox();
	const webhookBase = `http://127.0.0.1:${webhookPort}`;
	const userFolder = createUserFolder(); // one user folder, the package installed once, shared by all processes
	tempDirs.push(userFolder);
	const n8n = new N8n(runtime, userFolder, {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		// production webhooks are served by the webhook processor only, at this URL
		WEBHOOK_URL: `${webhookBase}/`,
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		// A killed worker's job lock lapses after 15 s instead of 60 s (scenario d); renewed every 3 s, so
		// a busy but living worker keeps its lock.
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		N8N_RUNNERS_BROKER_PORT: String(brokers[0]),
	});

	let failure;
	try {
		// Imports and publishing before main starts: main activates what is published when it starts.
		const credentials = sandboxCredentials(sandbox.url);
		const ns = credentials.find((c) => c.id === 'netSapiensMessagingApi-demo');
		credentials.push({ ...ns, ...NS_QUEUE_CREDENTIAL, data: { ...ns.data } });
		await n8n.importCredentials(credentials);
		// NetSapiens, EvoVoice (poller), iSlash, and the SuperOffice example (trigger → reply).
		const workflows = [
			WORKFLOWS.evo,
			WORKFLOWS.ns,
			sendAndWaitWorkflow(sandbox.url),
			...triggerWorkflows(sandbox.url),
			publishableSuperOfficeExample(),
		];
		await n8n.importWorkflows(workflows);
		await Promise.all(workflows.map(({ id }) => n8n.run(['publish:workflow', `--id=${id}`])));
		log(
			`credentials and ${workflows.length} workflows imported and published (${Date.now() - began} ms)`,
		);

		const spawnN8n = (name, args, env) => {
			const child = spawn(n8n.node, [n8n.bin, ...args], {
				env: { ...n8n.env, ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			const entry = track(name, child);
			entry.group = true;
			return entry;
		};
		const processes = {};
		const ready = async (entry, url) => {
			await waitFor(
				async () => {
					if (entry.child.exitCode !== null)
						throw new Error(
							`n8n ${entry.name} exited (${entry.child.exitCode}):\n${entry.log.slice(-3000)}`,
						);
					const answer = await fetch(url).catch(() => undefined);
					return answer?.status === 200;
				},
				150000,
				`n8n ${entry.name} at ${url}`,
			);
		};
		// The webhook processor before main (the imports above have migrated the database): when main
		// activates the SuperOffice trigger, SuperOffice's test event goes to WEBHOOK_URL, and a registration
		// whose target does not answer it is refused.
		processes.webhook = spawnN8n('webhook', ['webhook'], {
			N8N_PORT: String(webhookPort),
			N8N_RUNNERS_BROKER_PORT: String(brokers[1]),
		});
		await ready(processes.webhook, `${webhookBase}/healthz/readiness`);
		processes.main = spawnN8n('main', ['start'], {
			N8N_PORT: String(mainPort),
			N8N_RUNNERS_BROKER_PORT: String(brokers[0]),
		});
		await ready(processes.main, `http://127.0.0.1:${mainPort}/healthz/readiness`);
		processes.worker1 = spawnN8n('worker1', ['worker'], {
			QUEUE_HEALTH_CHECK_PORT: String(health1),
			N8N_RUNNERS_BROKER_PORT: String(brokers[2]),
		});
		processes.worker2 = spawnN8n('worker2', ['worker'], {
			QUEUE_HEALTH_CHECK_PORT: String(health2),
			N8N_RUNNERS_BROKER_PORT: String(brokers[3]),
		});
		await Promise.all([
			ready(processes.worker1, `http://127.0.0.1:${health1}/healthz/readiness`),
			ready(processes.worker2, `http://127.0.0.1:${health2}/healthz/readiness`),
		]);
		// Main activated the published workflows: their webhooks are in the database, the trigger is subscribed.
		// (6 with webhooks: the two bulk sends, Send and Wait, NetSapiens, iSlash, SuperOffice; the EvoVoice
		// poller has none.)
		await waitFor(
			() =>
				psql(pgPort, `SELECT DISTINCT "workflowId" FROM webhook_entity`).length >= 6 &&
				sandbox.state.subscriptions.length === 1 &&
				sandbox.state.webhooks.length === 1,
			60000,
			'the activation of the published workflows',
		);
		log(
			`main :${mainPort}, webhook processor :${webhookPort}, workers (health :${health1}, :${health2}) ready (${Date.now() - began} ms)\n`,
		);

		/** Which worker logged "Worker started execution <id>". */
		const workerOf = (executionId) =>
			['worker1', 'worker2'].find((name) =>
				new RegExp(`Worker started execution ${executionId}\\b`).test(processes[name].log),
			) ?? '?';
		const executions = (workflowId) =>
			psql(
				pgPort,
				`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
			).map(([id, status, mode]) => ({ id, status, mode }));
		const finished = (workflowId, count) => {
			const list = executions(workflowId);
			return (
				list.length >= count && list.every((e) => !['new', 'running', 'waiting'].includes(e.status))
			);
		};
		const postRuns = async (webhookPath, count) => {
			const answers = await Promise.all(
				Array.from({ length: RUNS }, (_, i) =>
					fetch(`${webhookBase}/webhook/${webhookPath}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ run: i + 1, count }),
					}),
				),
			);
			return answers.map((answer) => answer.status);
		};
		const sentBy = (provider) => sandbox.state.messages.filter((m) => m.provider === provider);

		// a. 5 executions × 200 EvoVoice sends at once, provider limit 50/s.
		await scenario('a', async () => {
			sandbox.reset();
			sandbox.configure({ perSecond: RATE_LIMIT, delayMs: LATENCY_MS });
			const t0 = Date.now();
			const statuses = await postRuns('queue-evovoice', EVO_ITEMS);
			expect(
				'a',
				'webhook POSTs answered 200',
				[200, 200, 200, 200, 200].join(','),
				statuses.join(','),
			);
			await waitFor(
				() => sentBy('evovoice').length >= RUNS * EVO_ITEMS && finished('queue-evovoice', RUNS),
				150000,
				'1000 EvoVoice sends',
			).catch((e) => log(`    ${e.message}`));
			await sleep(2000); // a late or repeated send would show up meanwhile
			const messages = sentBy('evovoice');
			const t = tally(messages, RUNS, EVO_ITEMS);
			const times = messages.map((m) => Date.parse(m.at));
			const { ratio, spanSeconds, mostAllowed } = throughputOfLimit(times, RATE_LIMIT);
			const list = executions('queue-evovoice');
			expect('a', 'messages delivered', RUNS * EVO_ITEMS, t.delivered);
			expect('a', 'messages lost', 0, t.lost);
			expect('a', 'messages duplicated', 0, t.duplicated);
			expect(
				'a',
				'executions (all status success)',
				`${RUNS} success`,
				`${list.length} ${[...new Set(list.map((e) => e.status))].join('/')}`,
			);
			expect(
				'a',
				'throughput ÷ limit',
				undefined,
				`${ratio.toFixed(2)} (${messages.length} accepted in ${spanSeconds.toFixed(1)} s, most allowed ${mostAllowed}; first POST → last send ${((Math.max(...times) - t0) / 1000).toFixed(1)} s)`,
			);
			expect(
				'a',
				`max requests in flight at the provider (${LATENCY_MS} ms latency)`,
				undefined,
				sandbox.state.maxInFlight,
			);
			expect('a', '429s answered (retried by the node)', undefined, sandbox.state.rateLimited);
			expect('a', 'requests to the provider', undefined, sandbox.state.byProvider.evovoice ?? 0);
			const byRun = [...t.executionsOfRun.entries()]
				.sort(([a], [b]) => a - b)
				.map(
					([run, ids]) =>
						`run ${run}→exec ${[...ids].join('+')}@${[...ids].map(workerOf).join('+')}`,
				);
			expect('a', 'execution and worker of each run', undefined, byRun.join(', '));
			expect('a', 'executions per worker', undefined, perWorker(list.map((e) => workerOf(e.id))));
			const workerOfRun = new Map(
				[...t.executionsOfRun.entries()].map(([run, ids]) => [run, workerOf([...ids][0])]),
			);
			expect(
				'a',
				'accepted per second from the first (worker1/worker2), then 429s',
				undefined,
				secondBySecond(messages, workerOfRun, sandbox.state.rateLimitedAt, Math.min(...times)),
			);
		});

		// b. The password-grant NetSapiens credential used by executions on both workers.
		await scenario('b', async () => {
			for (const round of [1, 2]) {
				sandbox.reset();
				sandbox.configure({});
				const before = executions('queue-netsapiens').length;
				const statuses = await postRuns('queue-netsapiens', NS_ITEMS);
				expect(
					'b',
					`round ${round}: webhook POSTs answered 200`,
					[200, 200, 200, 200, 200].join(','),
					statuses.join(','),
				);
				await waitFor(
					() =>
						sentBy('netsapiens').length >= RUNS * NS_ITEMS &&
						finished('queue-netsapiens', before + RUNS),
					90000,
					`${RUNS * NS_ITEMS} NetSapiens sends`,
				).catch((e) => log(`    ${e.message}`));
				await sleep(1500);
				const t = tally(sentBy('netsapiens'), RUNS, NS_ITEMS);
				const list = executions('queue-netsapiens').slice(before);
				expect(
					'b',
					`round ${round}: messages delivered exactly once (lost, duplicated)`,
					`${RUNS * NS_ITEMS} (0, 0)`,
					`${t.unique} (${t.lost}, ${t.duplicated})`,
				);
				expect(
					'b',
					`round ${round}: executions`,
					`${RUNS} success`,
					`${list.length} ${[...new Set(list.map((e) => e.status))].join('/')}`,
				);
				expect(
					'b',
					`round ${round}: token requests (POST /tokens)`,
					undefined,
					`${sandbox.state.tokensIssued} for ${RUNS} executions on ${perWorker(list.map((e) => workerOf(e.id)))}`,
				);
			}
		});

		// c. Triggers: webhook deliveries (NetSapiens, iSlash, SuperOffice) reach the webhook processor, the EvoVoice poller
		// runs on main; every execution runs on a worker. Scenario e runs beside it (c spends most of its time
		// waiting for the EvoVoice poll minute); c resets the sandbox before its first await, e never does.
		const triggersChecked = scenario('c', async () => {
			sandbox.reset();
			sandbox.configure({});
			const echoesOf = (provider) => sandbox.state.echoes.filter((e) => e.provider === provider);
			// The poller's first poll (at activation) set its cursor; this message waits for the next poll.
			await sandbox.deliver({ provider: 'evovoice', text: 'Polled in queue mode' });
			const evoBefore = executions('e2e-evovoice').length;

			const [subscription] = sandbox.state.subscriptions;
			expect(
				'c',
				'NetSapiens: subscription post-url is the webhook processor',
				true,
				subscription['post-url'].startsWith(`${webhookBase}/webhook/`),
			);
			const nsBefore = executions('e2e-netsapiens').length;
			const statuses = (
				await Promise.all(
					['Burst 1', 'Burst 2', 'Burst 3'].map((text) =>
						sandbox.deliver({ provider: 'netsapiens', text }),
					),
				)
			).flat();
			statuses.push(...(await sandbox.deliver({ provider: 'netsapiens', again: true })));
			expect(
				'c',
				'NetSapiens: delivery answers (3 at once + 1 repeated)',
				'200,200,200,200',
				statuses.join(','),
			);

			const isBefore = executions('e2e-islash').length;
			const url = iSlashWebhookUrl(webhookBase);
			const isStatuses = (
				await Promise.all(
					['WhatsApp 1', 'WhatsApp 2'].map((text) =>
						sandbox.deliver({ provider: 'islash', url, text }),
					),
				)
			).flat();
			isStatuses.push(
				...(
					await Promise.all([1, 2].map(() => sandbox.deliver({ provider: 'islash', again: true })))
				).flat(),
			);
			expect(
				'c',
				'iSlash: delivery answers (2 at once + the last one twice again)',
				'200,200,200,200',
				isStatuses.join(','),
			);

			// SuperOffice: two customer messages back to back, each firing an event; the bot's replies fire events too.
			expect(
				'c',
				'SuperOffice: webhook TargetUrl is the webhook processor',
				true,
				sandbox.state.webhooks[0].TargetUrl.startsWith(`${webhookBase}/webhook/`),
			);
			const soBefore = executions('example-superoffice').length;
			const soTexts = ['Is my order shipped?', 'It is order 1001'];
			const soSession = 6161;
			expect(
				'c',
				'SuperOffice: delivery answers (2 events)',
				'200,200',
				(
					await sandbox.deliver({
						provider: 'superoffice',
						texts: soTexts,
						chatSessionId: soSession,
					})
				).join(','),
			);
			const repliesIn = () =>
				sentBy('superoffice').filter((m) => m.path.includes(`/${soSession}/`));

			await waitFor(
				() =>
					echoesOf('netsapiens').length >= 3 &&
					echoesOf('islash').length >= 2 &&
					repliesIn().length >= 2 &&
					finished('e2e-netsapiens', nsBefore + 3) &&
					finished('e2e-islash', isBefore + 2),
				30000,
				'the webhook trigger executions',
			).catch((e) => log(`    ${e.message}`));
			await sleep(3000); // what a late or repeated execution would need to show up
			const nsList = executions('e2e-netsapiens').slice(nsBefore);
			const isList = executions('e2e-islash').slice(isBefore);
			expect('c', 'NetSapiens: executions', 3, nsList.length);
			expect(
				'c',
				'NetSapiens: items echoed',
				'Burst 1,Burst 2,Burst 3',
				echoesOf('netsapiens')
					.map((e) => e.item?.text)
					.sort()
					.join(','),
			);
			expect('c', 'iSlash: executions', 2, isList.length);
			expect(
				'c',
				'iSlash: items echoed',
				'WhatsApp 1,WhatsApp 2',
				echoesOf('islash')
					.map((e) => e.item?.text)
					.sort()
					.join(','),
			);
			const soList = executions('example-superoffice').slice(soBefore);
			expect(
				'c',
				'SuperOffice: replies quoting each customer message',
				'1,1',
				soTexts.map((text) => repliesQuoting(repliesIn(), text)).join(','),
			);
			expect(
				'c',
				'SuperOffice: executions (the first event finds both messages)',
				1,
				soList.length,
			);

			// n8n's shortest poll interval is a minute: the message shows up within one, then one more poll must add nothing.
			await waitFor(() => echoesOf('evovoice').length >= 1, 75000, 'the EvoVoice poll').catch((e) =>
				log(`    ${e.message}`),
			);
			await sleep(62000);
			const evoList = executions('e2e-evovoice').slice(evoBefore);
			expect(
				'c',
				'EvoVoice poller: executions, items echoed (after one more poll)',
				'1, Polled in queue mode',
				`${evoList.length}, ${echoesOf('evovoice')
					.map((e) => e.item?.text)
					.join(',')}`,
			);
			expect(
				'c',
				'executions per worker (all four triggers)',
				undefined,
				perWorker([...nsList, ...isList, ...soList, ...evoList].map((e) => workerOf(e.id))),
			);
		});

		// e. Send and Wait for Response: a worker sends the question and the execution waits; the answer link
		// goes to the webhook processor (WEBHOOK_URL is the base of n8n's waiting-webhook URLs; main, with
		// N8N_DISABLE_PRODUCTION_MAIN_PROCESS, serves no /webhook-waiting/ route: `AbstractServer.start`
		// registers it only when production webhooks are enabled). There `WaitingWebhooks.executeWebhook` checks
		// the signature and runs the node's webhook(); an answer resumes through `WorkflowRunner.run`, which in
		// queue mode enqueues the execution again for a worker. A GET shows the page only.
		await scenario('e', async () => {
			const questions = () =>
				sentBy('islash').filter((m) => m.text.startsWith(SEND_AND_WAIT_QUESTION));
			const answers = () => sandbox.state.echoes.filter((e) => e.provider === 'send-and-wait');
			const execution = () => executions('queue-send-and-wait');
			/** Which worker logged each "Worker started|finished execution <id>" line (worker1's first). */
			const workerRuns = (id, verb) =>
				['worker1', 'worker2'].flatMap((name) =>
					(
						processes[name].log.match(new RegExp(`Worker ${verb} execution ${id}\\b`, 'g')) ?? []
					).map(() => name),
				);
			const state = (id) =>
				`${execution()[0]?.status}; worker runs ${workerRuns(id, 'started').length} (finished ${workerRuns(id, 'finished').length}); answers ${answers().length}`;

			const posted = await fetch(`${webhookBase}/webhook/queue-send-and-wait`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			expect('e', 'webhook POST answered', 200, posted.status);
			await waitFor(
				() => {
					const [waiting] = execution();
					return (
						questions().length >= 1 &&
						waiting?.status === 'waiting' &&
						workerRuns(waiting.id, 'finished').length >= 1
					);
				},
				60000,
				'the question and a waiting execution',
			);
			const [{ id }] = execution();
			const link = /https?:\/\/\S+/.exec(questions()[0].text)?.[0] ?? '';
			expect('e', 'questions sent to the contact', 1, questions().length);
			expect(
				'e',
				"link: webhook processor's /webhook-waiting/<exec>/<node>?signature=",
				true,
				link.startsWith(`${webhookBase}/webhook-waiting/${id}/${SEND_AND_WAIT_NODE_ID}?signature=`),
			);
			const [sentOn] = workerRuns(id, 'started');
			expect(
				'e',
				'after the send: status, worker runs, answers',
				'waiting; worker runs 1 (finished 1); answers 0',
				state(id),
			);

			// What a link preview does: the page comes back, its form posts to the link as it is.
			const page = await fetch(link);
			const html = await page.text();
			expect(
				'e',
				'GET of the link: status, a form with the approve button',
				'200 true',
				`${page.status} ${html.includes('<form method="post">') && html.includes('name="approved" value="true"')}`,
			);
			await sleep(2000); // what a resume would need to reach a worker
			expect(
				'e',
				'after the GET: status, worker runs, answers',
				'waiting; worker runs 1 (finished 1); answers 0',
				state(id),
			);

			const answer = () =>
				fetch(link, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: 'approved=true',
				});
			const approved = await answer();
			expect(
				'e',
				'POST approved=true: status, page',
				'200 Thank you',
				`${approved.status} ${/<title>([^<]*)<\/title>/.exec(await approved.text())?.[1]}`,
			);
			await waitFor(
				() =>
					answers().length >= 1 &&
					execution()[0]?.status === 'success' &&
					workerRuns(id, 'finished').length >= 2,
				60000,
				'the resumed execution',
			).catch((e) => log(`    ${e.message}`));
			const again = await answer();
			expect(
				'e',
				"second POST: status, page (n8n's own, nothing resumed)",
				'200 No action required',
				`${again.status} ${/<title>([^<]*)<\/title>/.exec(await again.text())?.[1]}`,
			);
			await sleep(2000); // a second resume would reach a worker meanwhile
			const [resumed] = answers();
			expect(
				'e',
				'the answer: data.approved, identity',
				`true (boolean), ${SEND_AND_WAIT_CONTACT}`,
				`${resumed?.item?.data?.approved} (${typeof resumed?.item?.data?.approved}), ${resumed?.item?.identity}`,
			);
			expect(
				'e',
				'at the end: status, worker runs, answers',
				'success; worker runs 2 (finished 2); answers 1',
				state(id),
			);
			expect('e', 'executions of the workflow', 1, execution().length);
			const resumedOn = workerRuns(id, 'started');
			resumedOn.splice(resumedOn.indexOf(sentOn), 1);
			expect(
				'e',
				`execution ${id}: worker of the send, worker of the resume`,
				undefined,
				`${sentOn}, ${resumedOn.join('+')}`,
			);
		});
		await triggersChecked;

		// d. A worker killed in the middle of a run: what was sent stays sent, n8n does not run the job again
		// (its Bull queue has maxStalledCount 0), and a resume with only the missing items completes it.
		await scenario('d', async () => {
			sandbox.reset();
			sandbox.configure({ perSecond: KILL_RATE, delayMs: LATENCY_MS });
			const run = 1;
			const posted = await fetch(`${webhookBase}/webhook/queue-evovoice`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run, count: EVO_ITEMS }),
			});
			expect('d', 'webhook POST answered', 200, posted.status);
			await waitFor(() => sentBy('evovoice').length >= 40, 60000, '40 sends before the kill');
			const executionId = /exec (\d+)/.exec(sentBy('evovoice')[0].text)[1];
			const victim = processes[workerOf(executionId)];
			process.kill(-victim.child.pid, 'SIGKILL'); // its process group: the worker and its task runner
			await victim.exited;
			const atKill = sentBy('evovoice').length;
			const survivor = victim === processes.worker1 ? processes.worker2 : processes.worker1;
			// Lock lapse (15 s) plus a stalled check (every 5 s), and a margin: n8n would re-run it by then.
			await sleep(25000);
			const after = sentBy('evovoice');
			const [stored] = executions('queue-evovoice').filter((e) => e.id === executionId);
			// The process that enqueued the job (the webhook processor) records Bull's stalled failure as n8n's MaxStalledCountError.
			const [[stalled] = []] = psql(
				pgPort,
				`SELECT position('failed to be processed too many times' in data) > 0 FROM execution_data WHERE "executionId" = ${Number(executionId)}`,
			);
			expect(
				'd',
				`sends of execution ${executionId} on ${victim.name}: at SIGKILL, 25 s later`,
				undefined,
				`${atKill}, ${after.length}`,
			);
			expect(
				'd',
				`execution ${executionId} started again on ${survivor.name}`,
				false,
				new RegExp(`Worker started execution ${executionId}\\b`).test(survivor.log),
			);
			expect(
				'd',
				'execution status in Postgres, with MaxStalledCountError',
				'error t',
				`${stored?.status ?? '(none)'} ${stalled ?? '(no data)'}`,
			);
			const missing = [];
			const delivered = new Set(after.map((m) => Number(/item (\d+)$/.exec(m.text)[1])));
			for (let item = 1; item <= EVO_ITEMS; item++) if (!delivered.has(item)) missing.push(item);
			// Resumed with what the provider did not receive (a real workflow reads it back from the provider).
			const resumed = await fetch(`${webhookBase}/webhook/queue-evovoice`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run, items: missing }),
			});
			expect('d', `resume with the ${missing.length} missing items answered`, 200, resumed.status);
			await waitFor(() => sentBy('evovoice').length >= EVO_ITEMS, 60000, 'the resumed sends').catch(
				(e) => log(`    ${e.message}`),
			);
			await sleep(2000);
			const t = tally(sentBy('evovoice'), 1, EVO_ITEMS);
			expect(
				'd',
				'after the resume: delivered (lost, duplicated)',
				`${EVO_ITEMS} (0, 0)`,
				`${t.unique} (${t.lost}, ${t.duplicated})`,
			);
		});
	} catch (error) {
		failure = error;
	} finally {
		if (failure || rows.some((r) => !r[4])) {
			for (const entry of started.filter((e) => e.group))
				log(`\n--- n8n ${entry.name} log (last 2500 characters) ---\n${entry.log.slice(-2500)}`);
		}
		await sandbox.close();
		await stopAll();
	}

	log('\nqueue mode: main + 2 workers + webhook processor, Redis, Postgres');
	rows.sort(([a], [b]) => a.localeCompare(b)); // c and e ran side by side
	const width = (i) => Math.min(60, Math.max(...rows.map((r) => String(r[i]).length), 4));
	for (const [s, what, expected, measured, ok] of rows) {
		log(
			`  ${ok ? '✓' : '✕'} ${s}  ${what.padEnd(width(1))}  ${expected.padEnd(Math.min(width(2), 24))}  ${measured}`,
		);
	}
	if (failure) log(`\nfailed: ${failure.stack || failure}`);
	const failed = rows.filter((r) => !r[4]).length + (failure ? 1 : 0);
	log(
		`\ntest:queue: ${rows.filter((r) => r[4]).length} checks passed, ${failed} failed, ${((Date.now() - began) / 1000).toFixed(0)} s`,
	);
	process.exitCode = failed ? 1 : 0;
}

function perWorker(names) {
	const counts = {};
	for (const name of names) counts[name] = (counts[name] ?? 0) + 1;
	return (
		Object.entries(counts)
			.sort()
			.map(([name, n]) => `${name}: ${n}`)
			.join(', ') || 'none'
	);
}

/** Per second of the run: accepted sends of each worker's executions and the 429s answered, e.g. `0:30/20/12`. */
function secondBySecond(messages, workerOfRun, limitedAt, from) {
	const seconds = [];
	const at = (time) => (seconds[Math.floor((time - from) / 1000)] ??= [0, 0, 0]);
	for (const m of messages) {
		const run = /^queue run (\d+) /.exec(m.text)?.[1];
		const worker = workerOfRun.get(run);
		if (worker === 'worker1') at(Date.parse(m.at))[0]++;
		else if (worker === 'worker2') at(Date.parse(m.at))[1]++;
	}
	for (const time of limitedAt) if (time >= from) at(time)[2]++;
	return [...seconds]
		.map((counts, second) => `${second}:${(counts ?? [0, 0, 0]).join('/')}`)
		.join(' ');
}

/** One scenario; a throw is a failed row, the others still run. */
async function scenario(name, fn) {
	if (ONLY_SCENARIOS && !ONLY_SCENARIOS.includes(name)) return;
	const t0 = Date.now();
	log(`scenario ${name} …`);
	try {
		await fn();
	} catch (error) {
		rows.push([
			name,
			'scenario ran to the end',
			'yes',
			String(error.message).split('\n')[0],
			false,
		]);
	}
	log(`scenario ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

process.on('SIGINT', () => stopAll().finally(() => process.exit(130)));
// Whatever crashes the run, the processes it started are stopped (Postgres, Redis and four n8n would live on).
process.on('unhandledRejection', (error) => {
	process.stderr.write(`${error?.stack || error}\n`);
	stopAll().finally(() => process.exit(1));
});
main().catch(async (error) => {
	process.stderr.write(`${error.stack || error}\n`);
	await stopAll();
	process.exitCode = 1;
});
