import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetSapiensMessagingApi } from '../credentials/NetSapiensMessagingApi.credentials';
import { NetSapiens } from '../nodes/NetSapiens/NetSapiens.node';
import { runNode } from '../test/harness/engine';

/**
 * Memory of media sends: NetSapiens MMS sends of 4 MB files (base64 in a JSON body) with Max Requests In
 * Flight = 2. Media is read and encoded only inside a flow-control slot, so the memory a run holds should
 * stay flat as the item count grows (items share one input string, so the input itself costs the same for
 * every N). Measured as the peak of heap + external memory with a full collection every 100 ms (`npm run
 * bench` starts node with --expose-gc): what the run keeps alive, not garbage V8 has yet to collect, whose
 * amount follows V8's heuristics. Prints the peak and its ratio to the 8-item run; asserts nothing.
 */
const FILE_BYTES = 4_000_000;
const COUNTS = [8, 24, 48];
/** A send needs a session ID of at least 32 characters (NetSapiens' docs: long and random). */
const SESSION_ID = 'bench_media_session_0123456789abcdef';

async function peakHeldDuring(run: () => Promise<unknown>): Promise<number> {
	if (!global.gc) throw new Error('run with node --expose-gc (npm run bench does)');
	global.gc();
	const live = () => {
		const m = process.memoryUsage();
		return m.heapUsed + m.external;
	};
	const start = live();
	let peak = start;
	const sampler = setInterval(() => {
		global.gc!();
		peak = Math.max(peak, live());
	}, 100);
	await run();
	clearInterval(sampler);
	global.gc();
	// what the run left behind or freed of earlier runs (compiled code, caches) is not what it held
	const floor = Math.min(start, live());
	return (peak - floor) / 1024 / 1024;
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
		const sendAll = async (count: number) => {
			const items = Array.from({ length: count }, () => ({
				json: {},
				binary: { data: { data: shared, mimeType: 'video/mp4', fileName: 'clip.mp4' } },
			}));
			const receivedBefore = received;
			const result = await runNode({
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
					messagesession: { __rl: true, mode: 'id', value: SESSION_ID },
					messageType: 'mms',
					destination: '18585551234',
					binaryPropertyName: 'data',
					requestOptions: { maxInFlight: 2 },
				},
				items,
			});
			// a benchmark of sends that did not happen measures nothing
			if (result.error || received - receivedBefore !== count)
				throw new Error(
					`${count} items: ${received - receivedBefore} requests received (${result.error?.message ?? 'no error'})`,
				);
		};
		await sendAll(COUNTS[0]); // loads and compiles the engine's code before anything is measured
		const rows: string[] = [];
		let baseline = 0;
		for (const count of COUNTS) {
			const mb = await peakHeldDuring(async () => await sendAll(count));
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
				'| items | peak memory held (heap + external, collected every 100 ms) | vs 8 items |',
				'| --- | --- | --- |',
				...rows,
				'',
			].join('\n'),
		);
	});
});
