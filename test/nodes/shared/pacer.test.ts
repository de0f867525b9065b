import { SlidingWindowPacer } from '../../../nodes/shared/pacer';
import { throughputOfShape, type RateShape } from '../../../sandbox/rateLimit';
import {
	aloneRun,
	provider,
	send,
	SimulatedClock,
	SLIDING,
	startOf,
} from '../../harness/pacerSimulation';

/**
 * The account pacer (nodes/shared/pacer.ts) on a simulated clock, against the sandbox's provider limits:
 * no test here depends on how fast the machine is.
 */

describe('one pacer', () => {
	it('starts every request at once until the provider answers a 429', async () => {
		const clock = new SimulatedClock();
		const pacer = new SlidingWindowPacer(clock);
		const starts = await Promise.all(Array.from({ length: 100 }, () => startOf(pacer)));
		expect(new Set(starts)).toEqual(new Set([clock.time]));
		expect(pacer.idle).toBe(true);
	});

	it.each([300, 3000])(
		'fills a 50/s sliding window: all %i sent, at least 0.97 of the limit, a handful of 429s after the first window',
		async (count) => {
			const { pacer, target } = await aloneRun({ count, latencyMs: 20 });
			expect(target.accepted).toHaveLength(count);
			expect(pacer.learned).toEqual({ windowMs: 1000, size: 50 });
			expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.97);
			const firstWindowEnds = target.accepted[0] + 1000;
			expect(target.refused.filter((at) => at > firstWindowEnds).length).toBeLessThanOrEqual(8);
		},
	);

	it('fills the window with 200-ms answers and 20 in flight', async () => {
		const { target } = await aloneRun({ count: 3000, latencyMs: 200, inFlight: 20 });
		expect(target.accepted).toHaveLength(3000);
		expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.97);
		expect(
			target.refused.filter((at) => at > target.accepted[0] + 1000).length,
		).toBeLessThanOrEqual(8);
	});

	it.each([
		['n8n prepares the first requests 200 ms', (sent: number) => (sent < 10 ? 200 : 1)],
		['a busy event loop holds requests up 0–80 ms', (sent: number) => (sent * 37) % 81],
	])(
		'requests reaching the provider later than their turn cost no more 429s (%s)',
		async (_name, lateMs) => {
			const { target } = await aloneRun({ count: 300, latencyMs: 20, lateMs });
			expect(target.accepted).toHaveLength(300);
			// the first burst's overflow comes within 100 ms; after it a probe upward may cost one
			const afterFirstBurst = target.refused.filter((at) => at > target.refused[0] + 500);
			expect(afterFirstBurst.length).toBeLessThanOrEqual(1);
			expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.85);
		},
	);

	it.each([
		[
			'a token bucket of 50 refilled at 50/s',
			50,
			{ kind: 'bucket', windowMs: 1000 } as RateShape,
			3000,
			// a probe the bucket accepts until it is drained looks successful: about one 429 per 50 sends
			60,
		],
		[
			'a fixed 1-minute window of 300',
			300,
			{ kind: 'fixed', windowMs: 60_000 } as RateShape,
			900,
			// the first burst's 10 in flight each time a minute fills, not every item left for the next one
			25,
		],
	])('fills %s, with few 429s', async (_name, limit, shape, count, most429s) => {
		// 10 s into a minute
		const { target } = await aloneRun({ count, latencyMs: 20, limit, shape, startsAt: 10_000 });
		expect(target.accepted).toHaveLength(count);
		expect(throughputOfShape(target.accepted, limit, shape).ratio).toBeGreaterThanOrEqual(0.97);
		expect(target.refused.length).toBeLessThanOrEqual(most429s);
	});

	it('backs off on a 429 and honours its Retry-After for every request of the account', async () => {
		const clock = new SimulatedClock();
		const pacer = new SlidingWindowPacer(clock);
		const first = await startOf(pacer);
		pacer.wasAccepted(first);
		const limited = await startOf(pacer);
		expect(pacer.wasLimited(2000, limited)).toBe(2000); // its own wait; the others wait the pause
		let startedAt = 0;
		const next = startOf(pacer).then((at) => (startedAt = at));
		await clock.run();
		await next;
		expect(startedAt - limited).toBeGreaterThanOrEqual(2000);
		expect(pacer.learned).toEqual({ windowMs: 2000, size: 1 });
	});
});

describe('two pacers on one account (two queue-mode workers)', () => {
	it('converge on the shared limit instead of oscillating', async () => {
		const clock = new SimulatedClock();
		const target = provider(50, SLIDING, 20);
		const pacers = [new SlidingWindowPacer(clock), new SlidingWindowPacer(clock)];
		// the two window sizes once a second while both still send
		const sizes: number[][] = [];
		let busy = 2;
		const sample = async () => {
			while (busy === 2) {
				await clock.sleep(1000);
				if (busy === 2) sizes.push(pacers.map((p) => p.learned.size));
			}
		};
		const sampler = sample();
		let firstDoneAt = Infinity;
		const done = Promise.all(
			pacers.map((pacer) =>
				send(clock, pacer, target, 1500).then(() => {
					busy--;
					firstDoneAt = Math.min(firstDoneAt, clock.now());
				}),
			),
		);
		await clock.run();
		await Promise.all([done, sampler]);
		expect(target.accepted).toHaveLength(3000);
		// while both send, together they keep the provider's window full
		const bothBusy = target.accepted.filter((at) => at <= firstDoneAt);
		expect(throughputOfShape(bothBusy, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.95);
		// from the first 429 on, the shares add up to the limit, give or take a probe
		const sums = sizes.slice(1).map(([a, b]) => a + b);
		expect(sums.length).toBeGreaterThan(30);
		expect(Math.min(...sums)).toBeGreaterThanOrEqual(49);
		expect(Math.max(...sums)).toBeLessThanOrEqual(53);
		const firstWindowEnds = target.accepted[0] + 1000;
		expect(target.refused.filter((at) => at > firstWindowEnds).length).toBeLessThanOrEqual(60);
	});

	it.each([
		[0, 0.9],
		[1000, 0.9],
		// the late one learns only what the first left over and cannot see it stop: it probes up from there
		[3000, 0.8],
	])(
		'queue-mode scenario a (3 × 200 and 2 × 200): the one that starts %i ms later gets a share, and the window is filled to at least %d of the limit, also after one stops',
		async (lateByMs, least) => {
			const clock = new SimulatedClock();
			const target = provider(50, SLIDING, 50);
			const [first, late] = [new SlidingWindowPacer(clock), new SlidingWindowPacer(clock)];
			const done = Promise.all([
				send(clock, first, target, 600, 30),
				clock.sleep(lateByMs).then(() => send(clock, late, target, 400, 20)),
			]);
			await clock.run();
			await done;
			expect(target.accepted).toHaveLength(1000);
			expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(least);
		},
	);

	it('one takes the whole window when the other stops', async () => {
		const clock = new SimulatedClock();
		const target = provider(50, SLIDING, 20);
		const [a, b] = [new SlidingWindowPacer(clock), new SlidingWindowPacer(clock)];
		const done = Promise.all([send(clock, a, target, 2000), send(clock, b, target, 250)]);
		await clock.run();
		await done;
		expect(target.accepted).toHaveLength(2250);
		expect(a.learned.size).toBeGreaterThanOrEqual(45);
		expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.9);
	});
});
