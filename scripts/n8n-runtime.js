// Drives a real n8n (provided by provide-n8n.sh) for the e2e tests, the demo, the dev editor and the
// benchmark: a fresh user folder with this package installed as a community package, credentials and
// workflows imported through n8n's own CLI (which encrypts credentials), workflows executed by `n8n execute`.
const { execFile, execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const PACKAGE = 'n8n-nodes-session-messaging';

/** The n8n versions the package is tested on: the e2e suite runs on the first, the examples on both. */
const N8N_VERSIONS = ['2.40.7', '1.123.81'];

/** Runs provide-n8n.sh for `version` (fast when cached) and returns the Node 24 binary and n8n's bin script. */
function provideN8n(version = N8N_VERSIONS[0]) {
	const out = execFileSync('bash', [path.join(__dirname, 'provide-n8n.sh'), version], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [node, n8n] = out.trim().split('\n').slice(-2);
	return { node, n8n };
}

/** A fresh n8n user folder with this package linked where n8n looks for community packages. */
function createUserFolder() {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-session-messaging-'));
	const nodesDir = path.join(folder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.symlinkSync(REPO, path.join(nodesDir, PACKAGE), 'dir');
	return folder;
}

class N8n {
	constructor({ node, n8n }, userFolder, extraEnv = {}) {
		this.node = node;
		this.bin = n8n;
		this.userFolder = userFolder;
		this.env = {
			...process.env,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: 'session-messaging-e2e-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			// a free port per instance, so several n8n processes (and a running editor) can coexist
			N8N_RUNNERS_BROKER_PORT: String(20000 + Math.floor(Math.random() * 20000)),
			...extraEnv,
		};
	}

	/**
	 * Runs an n8n CLI command. Asynchronous on purpose: the sandbox may live in this same process and
	 * must keep answering while n8n runs. Standard output goes to a file, not a pipe: n8n exits before an
	 * asynchronous pipe is drained, which cuts `execute --rawOutput`'s JSON (seen with n8n 2.40.7).
	 * Resolves with {code, stdout, stderr}.
	 */
	cli(args, timeoutMs = 5 * 60 * 1000) {
		const outFile = path.join(this.userFolder, `cli-${process.pid}-${Date.now()}.out`);
		const out = fs.openSync(outFile, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(this.node, [this.bin, ...args], {
				env: this.env,
				stdio: ['ignore', out, 'pipe'],
			});
			let stderr = '';
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				fs.closeSync(out);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				resolve({ code, stdout, stderr });
			});
		});
	}

	async run(args) {
		const result = await this.cli(args);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args[0]} failed (${result.code}): ${(result.stdout + result.stderr).slice(-2000)}`,
			);
		return result.stdout;
	}

	async importCredentials(credentials) {
		const file = path.join(this.userFolder, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials));
		await this.run(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows) {
		const file = path.join(this.userFolder, 'workflows.json');
		fs.writeFileSync(file, JSON.stringify(workflows));
		await this.run(['import:workflow', `--input=${file}`]);
	}

	/** Executes a workflow; returns n8n's run data (log lines come before the JSON; a failed run exits 1). */
	async execute(id) {
		const { stdout, stderr } = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		const start = stdout.search(/^\{/m);
		if (start === -1)
			throw new Error(`n8n execute ${id} printed no run data: ${(stdout + stderr).slice(-2000)}`);
		return JSON.parse(firstJsonObject(stdout.slice(start)));
	}

	/**
	 * Rows of a read-only query on n8n's SQLite database, run with the sqlite3 module n8n itself uses,
	 * under n8n's own Node (the module is built for it).
	 */
	async query(sql) {
		const sqlite3 = path.resolve(path.dirname(this.bin), '..', '..', 'sqlite3');
		const script = `const sqlite3 = require(${JSON.stringify(sqlite3)});
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all(process.argv[2], (error, rows) => {
	if (error) { process.stderr.write(error.message); process.exit(1); }
	process.stdout.write(JSON.stringify(rows));
	db.close();
});`;
		const database = path.join(this.userFolder, '.n8n', 'database.sqlite');
		const stdout = await new Promise((resolve, reject) => {
			execFile(this.node, ['-e', script, database, sql], { encoding: 'utf8' }, (error, out, err) =>
				error ? reject(new Error(`${error.message} ${err}`)) : resolve(out),
			);
		});
		return JSON.parse(stdout);
	}

	/** Executions n8n has recorded, per workflow ID. */
	async executionCounts() {
		const rows = await this.query(
			'SELECT workflowId AS id, COUNT(*) AS count FROM execution_entity GROUP BY workflowId',
		);
		return Object.fromEntries(rows.map((row) => [row.id, row.count]));
	}

	/** A workflow's static data as n8n saved it. */
	async staticData(workflowId) {
		const [row] = await this.query(
			`SELECT staticData FROM workflow_entity WHERE id = '${workflowId.replace(/'/g, "''")}'`,
		);
		return row?.staticData ? JSON.parse(row.staticData) : undefined;
	}

	/** `n8n start`: the editor and API on 127.0.0.1:port. */
	start(port = 5678, stdio = 'inherit') {
		return spawn(this.node, [this.bin, 'start'], {
			env: { ...this.env, N8N_PORT: String(port) },
			stdio,
		});
	}

	/**
	 * `n8n start` for a test: its output is kept, not shown (the last `tailChars` characters, for failure
	 * messages). The handle waits for readiness and stops n8n, with SIGKILL if SIGTERM is not enough.
	 */
	serve(port, { tailChars = 20000 } = {}) {
		const child = this.start(port, ['ignore', 'pipe', 'pipe']);
		const url = `http://127.0.0.1:${port}`;
		let output = '';
		const keep = (chunk) => (output = (output + chunk).slice(-tailChars));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		// listened for from the spawn on, so an early exit is never missed
		const exited = new Promise((resolve) => child.once('exit', resolve));
		const running = () => child.exitCode === null && child.signalCode === null;
		const signal = (name) => {
			try {
				process.kill(child.pid, name);
			} catch {
				// already gone
			}
		};
		return {
			url,
			log: () => output,
			ready: (timeoutMs = 180000) =>
				waitFor(
					async () => {
						if (!running())
							throw new Error(
								`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready`,
							);
						return (await fetch(`${url}/healthz/readiness`).catch(() => ({ ok: false }))).ok;
					},
					timeoutMs,
					'n8n to start',
				),
			async stop(graceMs = 15000) {
				if (!running()) return;
				signal('SIGTERM');
				let timer;
				await Promise.race([
					exited,
					new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
				]);
				clearTimeout(timer); // a pending timer would hold the test's exit back
				if (running()) {
					signal('SIGKILL');
					await exited;
				}
			},
		};
	}
}

/** The JSON object at the start of a text that log lines may follow. */
function firstJsonObject(text) {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return text.slice(0, i + 1);
	}
	return text;
}

/** Items of a node's first run (main output 0), from `n8n execute` run data. */
function nodeOutput(run, nodeName) {
	const runData = run.data?.resultData?.runData?.[nodeName];
	return runData?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? [];
}

function nodeExecutionMs(run, nodeName) {
	return run.data?.resultData?.runData?.[nodeName]?.[0]?.executionTime;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Polls `condition` (sync or async) every 250 ms until it holds; throws after `timeoutMs`, naming `what`. */
async function waitFor(condition, timeoutMs, what) {
	const started = Date.now();
	while (!(await condition())) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(250);
	}
}

/** A free loopback port: bound to port 0, read, released (n8n and the servers bind it again right after). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort()); // distinct even if the OS hands one out twice
	return [...ports];
}

function commandExists(command) {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Debian packages a test needs, installed with apt-get when `present()` says they are missing (CI runs as root). */
function ensureDebianPackages(packages, present) {
	if (present()) return;
	if (process.getuid?.() !== 0)
		throw new Error(`${packages.join(' and ')} missing: install them (Debian 12), or run as root`);
	process.stdout.write(`installing ${packages.join(' ')} (apt-get)\n`);
	const apt = (args) =>
		execFileSync('apt-get', args, {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	const install = ['install', '-y', '--no-install-recommends', ...packages];
	try {
		apt(install);
	} catch {
		apt(['update']); // a fresh image may have no package lists yet
		apt(install);
	}
	if (!present()) throw new Error(`apt-get did not provide ${packages.join(' and ')}`);
}

module.exports = {
	N8N_VERSIONS,
	provideN8n,
	createUserFolder,
	N8n,
	nodeOutput,
	nodeExecutionMs,
	REPO,
	sleep,
	waitFor,
	freePort,
	freePorts,
	commandExists,
	ensureDebianPackages,
};
