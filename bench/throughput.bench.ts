import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runNode } from '../test/harness/engine';
import { throughputOfLimit } from '../sandbox/rateLimit';
import { FIXTURES, startSandbox, type Sandbox } from '../sandbox/server';
import { providers, type BenchProvider } from './providers';

/**
 * Issue 9's benchmark, through the real n8n-core engine in this process. Figures are printed and written
 * to bench/results.md; nothing here can fail a build (there are no assertions).
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const RATE_LIMITED_MESSAGES = Number(process.env.BENCH_RATE_LIMITED_MESSAGES ?? 300);
const CONCURRENCY = 10; // the node's default Max Requests In Flight
const RATE_LIMIT = 50; // requests per second the loopback provider allows in scenario 3
const SLOW_MESSAGES = 200;

interface Measure {
	ms: number;
	peakRssMb: number;
}

/** Wall time and the peak resident memory above the starting point, sampled every 5 ms. */
async function measure(run: () => Promise<unknown>): Promise<Measure> {
	global.gc?.();
	const start = process.memoryUsage().rss;
	let peak = start;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const begin = performance.now();
	await run();
	const ms = performance.now() - begin;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	return { ms, peakRssMb: (peak - start) / 1024 / 1024 };
}

const items = (count: number, tag: string) =>
	Array.from({ length: count }, (_, i) => ({ json: { text: `bench ${tag} message ${i}` } }));

/** The send with a fixed text instead of `={{ $json.text }}`: what n8n's engine costs without expressions. */
function withoutExpressions(parameters: BenchProvider['parameters']): BenchProvider['parameters'] {
	return Object.fromEntries(
		Object.entries(parameters).map(([key, value]) => [
			key,
			value === '={{ $json.text }}' ? 'bench fixed text' : value,
		]),
	);
}

async function runThroughNode(
	provider: BenchProvider,
	server: Sandbox,
	count: number,
	tag: string,
	credentials = provider.credentials(server.url),
	parameters = provider.parameters,
) {
	return await runNode({
		nodeType: provider.nodeType,
		credentialTypes: [provider.credentialType],
		credentials: { [provider.credentialType.name]: credentials },
		parameters: { ...parameters, requestOptions: { maxInFlight: CONCURRENCY } },
		items: items(count, tag),
		onError: 'continueRegularOutput',
	});
}

/** The baseline: the same requests from a plain fetch loop at the same concurrency. */
async function runBaseline(provider: BenchProvider, server: Sandbox, count: number, tag: string) {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const { url, init } = provider.baseline(server.url, `bench ${tag} message ${i}`);
			const answer = await fetch(url, init);
			await answer.arrayBuffer();
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function dirSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const inner = dirSize(full);
			bytes += inner.bytes;
			files += inner.files;
		} else {
			bytes += statSync(full).size;
			files++;
		}
	}
	return { bytes, files };
}

const rows: string[] = [];
const line = (text = '') => {
	rows.push(text);
	process.stdout.write(`${text}\n`);
};
const fixed = (value: number, digits = 2) => value.toFixed(digits);

describe('throughput benchmark', () => {
	let server: Sandbox;
	beforeAll(async () => {
		server = await startSandbox();
	});
	afterAll(async () => {
		await server.close();
		writeFileSync(path.join(__dirname, 'results.md'), `${rows.join('\n')}\n`);
	});

	it('measures', async () => {
		line(`# Benchmark results`);
		line();
		line(
			`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${MESSAGES} sends per provider, concurrency ${CONCURRENCY}, provider sandbox on loopback (sandbox/server.js: authentication and required fields checked, every message recorded) answering at once. Through n8n-core's WorkflowExecute + RoutingNode in one process; baseline = a plain fetch loop with the same concurrency and the same requests.`,
		);
		line();
		line(
			'| provider | node ms | baseline ms | node ÷ baseline | node ms, text without expression | ÷ baseline | node peak RSS MB | baseline peak RSS MB | messages accepted | requests per message | max in flight (bound 10) |',
		);
		line('|---|---|---|---|---|---|---|---|---|---|---|');
		for (const provider of providers) {
			// warm-up: module loading and JIT, for both sides
			await runThroughNode(provider, server, 50, 'warm');
			await runBaseline(provider, server, 50, 'warm');
			server.reset();
			const node = await measure(() => runThroughNode(provider, server, MESSAGES, 'node'));
			const requests = server.state.requests;
			const accepted = server.state.messages.length;
			const maxInFlight = server.state.maxInFlight;
			server.reset();
			const baseline = await measure(() => runBaseline(provider, server, MESSAGES, 'baseline'));
			server.reset();
			const fixedText = await measure(() =>
				runThroughNode(
					provider,
					server,
					MESSAGES,
					'static',
					undefined,
					withoutExpressions(provider.parameters),
				),
			);
			server.reset();
			line(
				`| ${provider.name} | ${fixed(node.ms, 0)} | ${fixed(baseline.ms, 0)} | ${fixed(node.ms / baseline.ms)} | ${fixed(fixedText.ms, 0)} | ${fixed(fixedText.ms / baseline.ms)} | ${fixed(node.peakRssMb, 1)} | ${fixed(baseline.peakRssMb, 1)} | ${accepted} | ${fixed(requests / MESSAGES, 3)} | ${maxInFlight} |`,
			);
		}

		line();
		line('## Token requests (NetSapiens password grant)');
		line();
		const netSapiens = providers.find((p) => p.name === 'NetSapiens')!;
		const password = {
			baseUrl: `${server.url}/netsapiens/ns-api/v2`,
			authentication: 'password',
			clientId: FIXTURES.netsapiens.clientId,
			clientSecret: FIXTURES.netsapiens.clientSecret,
			username: FIXTURES.netsapiens.username,
			password: FIXTURES.netsapiens.password,
		};
		server.reset();
		const first = await runThroughNode(netSapiens, server, MESSAGES, 'token', password);
		const firstRun = { requests: server.state.requests, tokens: server.state.tokensIssued };
		// the second run reuses the token n8n stored in the credential, as n8n's database keeps it
		server.reset();
		await runNode({
			nodeType: netSapiens.nodeType,
			credentialsHelper: first.credentialsHelper,
			parameters: { ...netSapiens.parameters, requestOptions: { maxInFlight: CONCURRENCY } },
			items: items(MESSAGES, 'token2'),
		});
		line(`| run | messages | token requests | all requests | requests per message |`);
		line('|---|---|---|---|---|');
		line(
			`| first (no token yet) | ${MESSAGES} | ${firstRun.tokens} | ${firstRun.requests} | ${fixed(firstRun.requests / MESSAGES, 3)} |`,
		);
		line(
			`| second (token reused) | ${MESSAGES} | ${server.state.tokensIssued} | ${server.state.requests} | ${fixed(server.state.requests / MESSAGES, 3)} |`,
		);

		line();
		line(
			`## Under a rate limit of ${RATE_LIMIT} requests/s (429 + Retry-After beyond it), ${RATE_LIMITED_MESSAGES} messages`,
		);
		line();
		line(
			`The sandbox accepts at most ${RATE_LIMIT} in any 1-s window (sliding). Throughput ÷ limit = delivered ÷ (${RATE_LIMIT} × (⌊S⌋ + 1)), S the seconds from the first to the last accepted request: 1.00 is the most the limit allows (sandbox/rateLimit.js).`,
		);
		line();
		line(
			'| provider | delivered | lost | duplicated | 429 answers | seconds | throughput ÷ limit | max in flight |',
		);
		line('|---|---|---|---|---|---|---|---|');
		for (const provider of providers) {
			server.reset();
			server.configure({ perSecond: RATE_LIMIT });
			const begin = performance.now();
			const result = await runThroughNode(provider, server, RATE_LIMITED_MESSAGES, 'limited');
			const seconds = (performance.now() - begin) / 1000;
			server.configure({});
			const perText = new Map<string, number>();
			for (const message of server.state.messages)
				perText.set(message.text, (perText.get(message.text) ?? 0) + 1);
			const counts = [...perText.values()];
			const delivered = counts.filter((n) => n >= 1).length;
			const duplicated = counts.filter((n) => n > 1).length;
			const failedItems = result.main.filter((item) => item.json.error !== undefined).length;
			const lost = RATE_LIMITED_MESSAGES - delivered;
			line(
				`| ${provider.name} | ${delivered} | ${lost} (error items: ${failedItems}) | ${duplicated} | ${server.state.rateLimited} | ${fixed(seconds, 1)} | ${fixed(
					throughputOfLimit(
						server.state.messages.map((m) => Date.parse(m.at)),
						RATE_LIMIT,
					).ratio,
				)} | ${server.state.maxInFlight} |`,
			);
		}

		line();
		line(
			`## Requests in flight with a provider answering in 50 ms (${SLOW_MESSAGES} messages, node bound ${CONCURRENCY})`,
		);
		line();
		line('| provider | max in flight | seconds | messages/s |');
		line('|---|---|---|---|');
		for (const provider of providers) {
			server.reset();
			server.configure({ delayMs: 50 });
			const begin = performance.now();
			await runThroughNode(provider, server, SLOW_MESSAGES, 'slow');
			const seconds = (performance.now() - begin) / 1000;
			server.configure({});
			line(
				`| ${provider.name} | ${server.state.maxInFlight} | ${fixed(seconds, 2)} | ${fixed(SLOW_MESSAGES / seconds, 0)} |`,
			);
		}

		line();
		line('## Package');
		line();
		const dist = path.join(__dirname, '..', 'dist');
		const { bytes, files } = dirSize(dist);
		const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		const modules = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) =>
			path.join(__dirname, '..', file),
		);
		// a fresh process, so nothing is cached: the time n8n's loader pays to require every module
		const load = spawnSync(
			process.execPath,
			[
				'-e',
				`const t=process.hrtime.bigint();for(const f of ${JSON.stringify(modules)})require(f);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`,
			],
			{ encoding: 'utf8' },
		);
		line(`- dist/: ${files} files, ${fixed(bytes / 1024, 1)} KiB`);
		line(
			`- loading all ${modules.length} node and credential modules in a fresh Node process: ${fixed(Number(load.stdout), 0)} ms (n8n-workflow included)`,
		);
	});
});
