import { SlidingWindowPacer } from '../nodes/shared/pacer';
import { throughputOfShape } from '../sandbox/rateLimit';
import {
	aloneRun,
	sharedRun,
	SLIDING,
	type Alone,
	type Sender,
} from '../test/harness/pacerSimulation';

/**
 * The account pacer (nodes/shared/pacer.ts) on a simulated clock: one process alone under the limiter shapes
 * of issue 39, then two processes (queue-mode workers) sharing one 50/s sliding window the way n8n splits
 * queue-mode scenario a (`npm run test:queue`, 3 × 200 and 2 × 200 sends) between its workers. The figures do
 * not depend on the machine; prints them and asserts nothing.
 */

const ALONE: Array<[name: string, run: Alone]> = [
	['50/s sliding', { count: 300, latencyMs: 20 }],
	['50/s sliding', { count: 3000, latencyMs: 20 }],
	['50/s sliding', { count: 300, latencyMs: 200, inFlight: 20 }],
	['50/s sliding', { count: 3000, latencyMs: 200, inFlight: 20 }],
	[
		'50/s sliding, the first 10 reach the provider 200 ms after their turn',
		{ count: 300, latencyMs: 20, lateMs: (sent) => (sent < 10 ? 200 : 1) },
	],
	[
		'token bucket 50, refill 50/s',
		{ count: 3000, latencyMs: 20, shape: { kind: 'bucket', windowMs: 1000 }, startsAt: 10_000 },
	],
	[
		'fixed 1-min window of 300, from 10 s into a minute',
		{
			count: 900,
			latencyMs: 20,
			limit: 300,
			shape: { kind: 'fixed', windowMs: 60_000 },
			startsAt: 10_000,
		},
	],
];

/** n8n preparing a worker's other executions holds its requests after its first 10 (seen in real runs). */
const heldAfterFirst10 = (sent: number) => (sent >= 10 && sent < 30 ? 1500 : 1);

/** The two workers of queue-mode scenario a: 3 executions of 200 sends (30 in flight) and 2 of 200 (20). */
const workers = (threeRuns: Partial<Sender>, twoRuns: Partial<Sender>): Sender[] => [
	{ count: 600, inFlight: 30, startsAfterMs: 0, ...threeRuns },
	{ count: 400, inFlight: 20, startsAfterMs: 0, ...twoRuns },
];

const SHARED: Array<[name: string, senders: Sender[]]> = [
	['both start together', workers({}, {})],
	['the 2-run worker starts 1 s later', workers({}, { startsAfterMs: 1000 })],
	['the 2-run worker starts 3 s later', workers({}, { startsAfterMs: 3000 })],
	['the 3-run worker starts 2 s later', workers({ startsAfterMs: 2000 }, {})],
	['the 3-run worker held 1.5 s after its first 10', workers({ lateMs: heldAfterFirst10 }, {})],
	['the 2-run worker held 1.5 s after its first 10', workers({}, { lateMs: heldAfterFirst10 })],
];

describe('pacer benchmark (simulated clock)', () => {
	it('measures', async () => {
		const lines = [
			'| limit | sends | answers in | in flight | throughput ÷ limit | 429s | of them after the first window | learned |',
			'|---|---|---|---|---|---|---|---|',
		];
		for (const [name, run] of ALONE) {
			const { pacer, target } = await aloneRun(run);
			const limit = run.limit ?? 50;
			const shape = run.shape ?? SLIDING;
			const { ratio } = throughputOfShape(target.accepted, limit, shape);
			const firstWindowEnds = target.accepted[0] + shape.windowMs;
			const { windowMs, size } = pacer.learned;
			lines.push(
				`| ${name} | ${run.count} | ${run.latencyMs} ms | ${run.inFlight ?? 10} | ${ratio.toFixed(2)} | ${target.refused.length} | ${target.refused.filter((at) => at > firstWindowEnds).length} | ${size} per ${(windowMs / 1000).toFixed(1)} s |`,
			);
		}
		lines.push(
			'',
			'Two workers, 600 sends (30 in flight: 3 executions) and 400 (20 in flight), one 50/s sliding window, 50-ms answers:',
			'',
			'| how n8n split the start | throughput ÷ limit | seconds | 429s | accepted per second (3-run worker/2-run worker/429s) |',
			'|---|---|---|---|---|',
		);
		for (const [name, senders] of SHARED) {
			const run = await sharedRun(senders);
			lines.push(
				`| ${name} | ${run.ratio.toFixed(2)} | ${run.spanSeconds.toFixed(1)} | ${run.refused} | \`${run.perSecond}\` |`,
			);
		}
		// what the pacer itself costs a send when no limit is met: a turn and its answer, on the real clock
		const alone = new SlidingWindowPacer();
		for (const count of [1000, 10_000]) {
			const begin = performance.now();
			for (let i = 0; i < count; i++) {
				const turn = await alone.turn();
				if ('startedAt' in turn) alone.wasAccepted(turn.startedAt);
			}
			const perSendUs = ((performance.now() - begin) * 1000) / count;
			lines.push(
				'',
				`Pacer's own work without a limit, ${count} turns and answers: ${perSendUs.toFixed(1)} µs a send`,
			);
		}
		process.stdout.write(`${lines.join('\n')}\n`);
	});
});
