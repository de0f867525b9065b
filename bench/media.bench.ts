import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetSapiensMessagingApi } from '../credentials/NetSapiensMessagingApi.credentials';
import { NetSapiens } from '../nodes/NetSapiens/NetSapiens.node';
import { runNode } from '../test/harness/engine';

/**
 * Issue 33's memory benchmark: NetSapiens MMS sends of 4 MB files (base64 in a JSON body) with Max
 * Requests In Flight = 2. Media is read and encoded only inside a flow-control slot, so peak memory
 * should stay flat as the item count grows (items share one input string, so the input itself costs the
 * same for every N). Prints peak RSS growth and its ratio to the 2-item baseline; asserts nothing.
 */
const FILE_BYTES = 4_000_000;
const COUNTS = [2, 8, 24];

async function peakRssDuring(run: () => Promise<unknown>): Promise<number> {
	global.gc?.();
	const start = process.memoryUsage().rss;
	let peak = start;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	await run();
	clearInterval(sampler);
	return (Math.max(peak, process.memoryUsage().rss) - start) / 1024 / 1024;
}

describe('media memory benchmark', () => {
	it('measures', async () => {
		let received = 0;
		const server = createServer((req, res) => {
			req.on('data', () => undefined);
			req.on('end', () => {
				received++;
				res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"code":202}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const shared = Buffer.alloc(FILE_BYTES, 7).toString('base64');
		const rows: string[] = [];
		let baseline = 0;
		for (const count of COUNTS) {
			const items = Array.from({ length: count }, () => ({
				json: {},
				binary: { data: { data: shared, mimeType: 'video/mp4', fileName: 'clip.mp4' } },
			}));
			const mb = await peakRssDuring(
				async () =>
					await runNode({
						nodeType: new NetSapiens(),
						credentialTypes: [new NetSapiensMessagingApi()],
						credentials: {
							netSapiensMessagingApi: {
								baseUrl: `${origin}/ns-api/v2`,
								authentication: 'apiKey',
								apiKey: 'nsd_bench',
							},
						},
						parameters: {
							resource: 'message',
							operation: 'send',
							messagesession: { __rl: true, mode: 'id', value: 'bench' },
							messageType: 'mms',
							destination: '18585551234',
							binaryPropertyName: 'data',
							requestOptions: { maxInFlight: 2 },
						},
						items,
					}),
			);
			if (count === COUNTS[0]) baseline = mb;
			rows.push(
				`| ${count} × ${FILE_BYTES / 1e6} MB | ${mb.toFixed(0)} MB | ${(mb / Math.max(baseline, 1)).toFixed(2)}× |`,
			);
		}
		await new Promise((resolve) => server.close(resolve));
		process.stdout.write(
			[
				'',
				`## Media memory: NetSapiens MMS, Max Requests In Flight 2 (${received} requests)`,
				'| items | peak RSS growth | vs 2 items |',
				'| --- | --- | --- |',
				...rows,
				'',
			].join('\n'),
		);
	});
});
