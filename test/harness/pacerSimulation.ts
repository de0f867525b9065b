import { SlidingWindowPacer, type PacerClock } from '../../nodes/shared/pacer';
import { createRateLimiter, throughputOfShape, type RateShape } from '../../sandbox/rateLimit';

/**
 * The account pacer (nodes/shared/pacer.ts) on a simulated clock against the sandbox's provider limits,
 * driven as nodes/shared/flowControl.ts drives it: shared by test/nodes/shared/pacer.test.ts (thresholds) and
 * bench/pacer.bench.ts (figures). Nothing here depends on how fast the machine is.
 */

/** Simulated time: `sleep` resolves when `run` advances the clock to it, in time order. */
export class SimulatedClock implements PacerClock {
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

export interface Provider {
	limit: number;
	shape: RateShape;
	latencyMs: number;
	accepted: number[];
	refused: number[];
	refuse(now: number): string | undefined;
}

export function provider(limit: number, shape: RateShape, latencyMs: number): Provider {
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
 * One sender as nodes/shared/flowControl.ts drives the pacer: every item holds one of `inFlight` slots
 * while it waits for the pacer's turn and for its answer; its request reaches the provider `lateMs(n)`
 * after the turn (n counts the requests sent, from 0), is checked by the provider then and answered
 * `latencyMs` later. A 429 gives the slot back while the item waits what the pacer says, then the retry
 * takes the next free slot ahead of items not tried yet. Resolves when all `count` were accepted.
 */
export async function send(
	clock: SimulatedClock,
	pacer: SlidingWindowPacer,
	target: Provider,
	count: number,
	inFlight = 10,
	lateMs: (sent: number) => number = () => 0,
): Promise<void> {
	let active = 0;
	let sent = 0;
	const waiting: Array<() => void> = [];
	const acquire = async (retry: boolean) => {
		if (active < inFlight) active++;
		else
			await new Promise<void>((resolve) =>
				retry ? waiting.unshift(resolve) : waiting.push(resolve),
			);
	};
	const release = () => {
		const next = waiting.shift();
		if (next) next();
		else active--;
	};
	const item = async () => {
		let ownWaitMs = 0;
		for (let attempt = 0; ; attempt++) {
			if (ownWaitMs > 0) await clock.sleep(ownWaitMs);
			await acquire(attempt > 0);
			try {
				const startedAt = await startOf(pacer);
				const late = lateMs(sent++);
				if (late > 0) await clock.sleep(late);
				const retryAfter = target.refuse(clock.now());
				await clock.sleep(target.latencyMs);
				if (retryAfter === undefined) {
					pacer.wasAccepted(startedAt);
					return;
				}
				ownWaitMs = pacer.wasLimited(Number(retryAfter) * 1000, startedAt);
			} finally {
				release();
			}
		}
	};
	await Promise.all(Array.from({ length: count }, item));
}

/** A turn's start time; these pacers are never asked to bound their pause. */
export async function startOf(pacer: SlidingWindowPacer): Promise<number> {
	const turn = await pacer.turn();
	if (!('startedAt' in turn)) throw new Error(`paused for ${turn.pausedForMs} ms`);
	return turn.startedAt;
}

export const SLIDING: RateShape = { kind: 'sliding', windowMs: 1000 };

/** One process alone under a provider limit (a 1-s sliding window of 50 unless said otherwise). */
export interface Alone {
	count: number;
	latencyMs: number;
	inFlight?: number;
	limit?: number;
	shape?: RateShape;
	/** The simulated clock's start (ms): where in a fixed window the run begins. */
	startsAt?: number;
	lateMs?: (sent: number) => number;
}

/** Runs one pacer until every send was accepted; returns the pacer and what the provider saw. */
export async function aloneRun(
	run: Alone,
): Promise<{ pacer: SlidingWindowPacer; target: Provider }> {
	const clock = new SimulatedClock();
	if (run.startsAt !== undefined) clock.time = run.startsAt;
	const pacer = new SlidingWindowPacer(clock);
	const target = provider(run.limit ?? 50, run.shape ?? SLIDING, run.latencyMs);
	const done = send(clock, pacer, target, run.count, run.inFlight, run.lateMs);
	await clock.run();
	await done;
	return { pacer, target };
}

/** One process (a queue-mode worker) in a shared run: its sends, its in-flight bound, when it starts. */
export interface Sender {
	count: number;
	inFlight: number;
	startsAfterMs: number;
	/** How long after its turn each request reaches the provider (n counts its requests, from 0). */
	lateMs?: (sent: number) => number;
}

export interface SharedRun {
	ratio: number;
	spanSeconds: number;
	refused: number;
	/** `second:accepted of each sender/429s`, second by second from the first request. */
	perSecond: string;
}

/** Senders with a pacer each (one per process) under one provider limit, as queue-mode workers share one. */
export async function sharedRun(
	senders: Sender[],
	limit = 50,
	shape: RateShape = SLIDING,
	latencyMs = 50,
): Promise<SharedRun> {
	const clock = new SimulatedClock();
	const begin = clock.time;
	const target = provider(limit, shape, latencyMs);
	const acceptedBy = senders.map((): number[] => []);
	const done = Promise.all(
		senders.map(async (sender, i) => {
			await clock.sleep(sender.startsAfterMs);
			const own: Provider = {
				...target,
				refuse(now) {
					const retryAfter = target.refuse(now);
					if (retryAfter === undefined) acceptedBy[i].push(now);
					return retryAfter;
				},
			};
			await send(
				clock,
				new SlidingWindowPacer(clock),
				own,
				sender.count,
				sender.inFlight,
				sender.lateMs,
			);
		}),
	);
	await clock.run();
	await done;
	const { ratio, spanSeconds } = throughputOfShape(target.accepted, limit, shape);
	const last = Math.max(...target.accepted, ...target.refused);
	const seconds: string[] = [];
	for (let s = 0; begin + s * 1000 <= last; s++) {
		const inSecond = (times: number[]) =>
			times.filter((t) => t >= begin + s * 1000 && t < begin + (s + 1) * 1000).length;
		seconds.push(`${s}:${[...acceptedBy, target.refused].map(inSecond).join('/')}`);
	}
	return { ratio, spanSeconds, refused: target.refused.length, perSecond: seconds.join(' ') };
}
