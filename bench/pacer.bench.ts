import { SlidingWindowPacer } from '../nodes/shared/pacer';
import { throughputOfShape, type RateShape } from '../sandbox/rateLimit';
import {
	provider,
	send,
	sharedRun,
	SimulatedClock,
	SLIDING,
	type Sender,
} from '../test/harness/pacerSimulation';

/**
 * The account pacer (nodes/shared/pacer.ts) on a simulated clock: one process alone under the limiter shapes
 * of issue 39, then two processes (queue-mode workers) sharing one 50/s sliding window the way n8n splits
 * queue-mode scenario a (`npm run test:queue`, 3 × 200 and 2 × 200 sends) between its workers. The figures do
 * not depend on the machine; prints them and asserts nothing.
 */

interface AloneCase {
	name: string;
	limit: number;
	shape: RateShape;
	count: number;
	latencyMs: number;
	inFlight: number;
	startAt?: number;
	lateMs?: (sent: number) => number;
}

const ALONE: AloneCase[] = [
	{ name: '50/s sliding', limit: 50, shape: SLIDING, count: 300, latencyMs: 20, inFlight: 10 },
	{ name: '50/s sliding', limit: 50, shape: SLIDING, count: 3000, latencyMs: 20, inFlight: 10 },
	{ name: '50/s sliding', limit: 50, shape: SLIDING, count: 300, latencyMs: 200, inFlight: 20 },
	{ name: '50/s sliding', limit: 50, shape: SLIDING, count: 3000, latencyMs: 200, inFlight: 20 },
	{
		name: '50/s sliding, the first 10 reach the provider 200 ms after their turn',
		limit: 50,
		shape: SLIDING,
		count: 300,
		latencyMs: 20,
		inFlight: 10,
		lateMs: (sent) => (sent < 10 ? 200 : 1),
	},
	{
		name: 'token bucket 50, refill 50/s',
		limit: 50,
		shape: { kind: 'bucket', windowMs: 1000 },
		count: 3000,
		latencyMs: 20,
		inFlight: 10,
		startAt: 10_000,
	},
	{
		name: 'fixed 1-min window of 300, from 10 s into a minute',
		limit: 300,
		shape: { kind: 'fixed', windowMs: 60_000 },
		count: 900,
		latencyMs: 20,
		inFlight: 10,
		startAt: 10_000,
	},
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
		for (const c of ALONE) {
			const clock = new SimulatedClock();
			if (c.startAt !== undefined) clock.time = c.startAt;
			const pacer = new SlidingWindowPacer(clock);
			const target = provider(c.limit, c.shape, c.latencyMs);
			const done = send(clock, pacer, target, c.count, c.inFlight, c.lateMs);
			await clock.run();
			await done;
			const { ratio } = throughputOfShape(target.accepted, c.limit, c.shape);
			const firstWindowEnds = target.accepted[0] + c.shape.windowMs;
			const { windowMs, size } = pacer.learned;
			lines.push(
				`| ${c.name} | ${c.count} | ${c.latencyMs} ms | ${c.inFlight} | ${ratio.toFixed(2)} | ${target.refused.length} | ${target.refused.filter((at) => at > firstWindowEnds).length} | ${size} per ${(windowMs / 1000).toFixed(1)} s |`,
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
