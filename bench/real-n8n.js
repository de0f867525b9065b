#!/usr/bin/env node
// Benchmark 1b: inside a real n8n 2.40.7, the same sends by this package's EvoVoice node and by n8n's own
// HTTP Request node (same sandbox, same items), timed by n8n itself (each node's executionTime in the run
// data). Appends its table to bench/results.md. Prints figures only; never fails on a slow machine.
const fs = require('node:fs');
const path = require('node:path');
const { FIXTURES } = require('../sandbox/server');
const { nodeExecutionMs } = require('../scripts/n8n-runtime');
const { prepareN8nWithSandbox } = require('../scripts/sandbox-setup');

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const evo = FIXTURES.evovoice;

function workflow(id, sender) {
	return {
		id,
		name: id,
		active: false,
		nodes: [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'c',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return Array.from({ length: ${MESSAGES} }, (_, i) => ({ json: { text: 'bench message ' + i } }));` },
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

async function main() {
	const { sandbox, n8n } = await prepareN8nWithSandbox();
	try {
		await n8n.importWorkflows([
			workflow('bench-package-node', {
				type: 'n8n-nodes-session-messaging.evoVoice',
				typeVersion: 1,
				parameters: { resource: 'message', operation: 'send', sendTo: 'session', sessionId: 's1', body: '={{ $json.text }}' },
				credentials: { evoVoiceApi: { id: 'evoVoiceApi-demo', name: 'EvoVoice API demo' } },
			}),
			workflow('bench-http-request-node', {
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `${sandbox.url}/evovoice/sessions/s1/messages`,
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Authorization', value: `Basic ${Buffer.from(`${evo.username}:${evo.password}`).toString('base64')}` }] },
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ sessionId: "s1", body: $json.text }) }}',
					options: {},
				},
			}),
		]);
		const rows = [];
		for (const [id, label] of [
			['bench-package-node', 'EvoVoice node (this package, bound 10 in flight)'],
			['bench-http-request-node', "n8n's HTTP Request node"],
		]) {
			sandbox.reset();
			const run = await n8n.execute(id);
			rows.push({ label, ms: nodeExecutionMs(run, 'Send'), status: run.status, accepted: sandbox.state.messages.length, maxInFlight: sandbox.state.maxInFlight });
		}
		const [ours, http] = rows;
		const lines = [
			'',
			`## In a real n8n 2.40.7: ${MESSAGES} sends, this package's node vs n8n's HTTP Request node`,
			'',
			'Same sandbox, same items, node execution time from n8n\'s run data.',
			'',
			'| node | execution ms | messages accepted | max in flight | run |',
			'|---|---|---|---|---|',
			...rows.map((r) => `| ${r.label} | ${r.ms} | ${r.accepted} | ${r.maxInFlight} | ${r.status} |`),
			'',
			`Ratio (ours ÷ HTTP Request): ${(ours.ms / http.ms).toFixed(2)}`,
		];
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
