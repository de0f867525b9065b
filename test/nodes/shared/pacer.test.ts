import { SlidingWindowPacer, type PacerClock } from '../../../nodes/shared/pacer';
import { createRateLimiter, throughputOfShape, type RateShape } from '../../../sandbox/rateLimit';

/**
 * The account pacer (nodes/shared/pacer.ts) on a simulated clock, against the sandbox's provider limits:
 * no test here depends on how fast the machine is.
 */

/** Simulated time: `sleep` resolves when `run` advances the clock to it, in time order. */
class SimulatedClock implements PacerClock {
	time = 1_000_000;
	private timers: Array<{ at: number; order: number; resolve: () => void }> = [];
	private order = 0;

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((resolve) =>
			this.timers.push({ at: this.time + Math.max(ms, 0), order: this.order++, resolve }),
		);
	}

	/** Runs until nothing is left to do. */
	async run(): Promise<void> {
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve)); // every promise chain settles
			if (this.timers.length === 0) return;
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift()!;
			this.time = Math.max(this.time, next.at);
			next.resolve();
		}
	}
}

interface Provider {
	limit: number;
	shape: RateShape;
	latencyMs: number;
	accepted: number[];
	refused: number[];
	refuse(now: number): string | undefined;
}

function provider(limit: number, shape: RateShape, latencyMs: number): Provider {
	const limiter = createRateLimiter(shape);
	const accepted: number[] = [];
	const refused: number[] = [];
	return {
		limit,
		shape,
		latencyMs,
		accepted,
		refused,
		refuse(now) {
			const retryAfter = limiter.refuse(now, limit);
			(retryAfter === undefined ? accepted : refused).push(now);
			return retryAfter;
		},
	};
}

/**
 * One sender as nodes/shared/flowControl.ts drives the pacer: `inFlight` requests at most, each started on
 * the pacer's turn, checked by the provider when it starts and answered `latencyMs` later; a 429 is
 * retried after the wait the pacer gives it. Resolves when all `count` were accepted.
 */
async function send(
	clock: SimulatedClock,
	pacer: SlidingWindowPacer,
	target: Provider,
	count: number,
	inFlight = 10,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			next++;
			for (;;) {
				const startedAt = await startOf(pacer);
				const retryAfter = target.refuse(clock.now());
				await clock.sleep(target.latencyMs);
				if (retryAfter === undefined) {
					pacer.wasAccepted(startedAt);
					break;
				}
				await clock.sleep(pacer.wasLimited(Number(retryAfter) * 1000, startedAt));
			}
		}
	};
	await Promise.all(Array.from({ length: inFlight }, worker));
}

/** A turn's start time; these pacers are never asked to bound their pause. */
async function startOf(pacer: SlidingWindowPacer): Promise<number> {
	const turn = await pacer.turn();
	if (!('startedAt' in turn)) throw new Error(`paused for ${turn.pausedForMs} ms`);
	return turn.startedAt;
}

const SLIDING: RateShape = { kind: 'sliding', windowMs: 1000 };

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
			const clock = new SimulatedClock();
			const pacer = new SlidingWindowPacer(clock);
			const target = provider(50, SLIDING, 20);
			const done = send(clock, pacer, target, count);
			await clock.run();
			await done;
			expect(target.accepted).toHaveLength(count);
			expect(pacer.learned).toEqual({ windowMs: 1000, size: 50 });
			expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.97);
			const firstWindowEnds = target.accepted[0] + 1000;
			expect(target.refused.filter((at) => at > firstWindowEnds).length).toBeLessThanOrEqual(8);
		},
	);

	it('fills the window with 200-ms answers and 20 in flight', async () => {
		const clock = new SimulatedClock();
		const pacer = new SlidingWindowPacer(clock);
		const target = provider(50, SLIDING, 200);
		const done = send(clock, pacer, target, 3000, 20);
		await clock.run();
		await done;
		expect(target.accepted).toHaveLength(3000);
		expect(throughputOfShape(target.accepted, 50, SLIDING).ratio).toBeGreaterThanOrEqual(0.97);
		expect(
			target.refused.filter((at) => at > target.accepted[0] + 1000).length,
		).toBeLessThanOrEqual(8);
	});

	it.each([
		[
			'a token bucket of 50 refilled at 50/s',
			50,
			{ kind: 'bucket', windowMs: 1000 } as RateShape,
			3000,
		],
		['a fixed 1-minute window of 300', 300, { kind: 'fixed', windowMs: 60_000 } as RateShape, 900],
	])('fills %s', async (_name, limit, shape, count) => {
		const clock = new SimulatedClock();
		clock.time = 10_000; // 10 s into a minute
		const pacer = new SlidingWindowPacer(clock);
		const target = provider(limit, shape, 20);
		const done = send(clock, pacer, target, count);
		await clock.run();
		await done;
		expect(target.accepted).toHaveLength(count);
		expect(throughputOfShape(target.accepted, limit, shape).ratio).toBeGreaterThanOrEqual(0.97);
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
