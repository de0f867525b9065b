import { sleep } from 'n8n-workflow';

/** Time as the pacer sees it: n8n's `sleep` and `Date.now` by default, a simulated clock in tests. */
export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep };

/**
 * The pace of one provider account (credential) in this process: a sliding-window admission that learns
 * the provider's window from what the provider answers, without being told the limit.
 *
 * - Until the first 429 every request starts at once.
 * - The first 429 pauses every request on the account for its Retry-After, and teaches the window: its
 *   length is that Retry-After (at least 1 s) and its size the number of requests the provider accepted
 *   in the trailing window when the 429 came. Once every request of that burst has its answer, the window
 *   takes over from the pause (the refused requests still wait their Retry-After themselves).
 * - From then on a request starts whenever fewer than that many are still in the trailing window, so the
 *   window the provider refills is used at once instead of being spread evenly. The provider counts a
 *   request when it arrives, which can be well after its turn here: n8n prepares it first (the run's first
 *   requests load the credential, and on a busy machine the event loop holds requests and answers up). A
 *   request counts until one window (plus a 1 % margin) after the latest it can have reached the provider:
 *   its answer for the requests sent before the window was learned (they all started at once, then left
 *   one by one), else its start plus however much longer its round trip took than the quickest one kept
 *   (the quickest had the least such delay); and until its answer came in any case.
 * - Rarely (after 2, 4 … 8 windows of a full window without a 429) it admits one request more per window;
 *   a window without a 429 keeps the gain and the next probe adds twice as much (at most doubling the
 *   size), a 429 takes it back to what the provider accepted in the window. Squeezed below half of the
 *   most it once had (another process took the rest and may since have stopped), it probes every 2
 *   windows and each probe doubles the size: the window a stopped process leaves is taken in a few windows.
 * - A later 429 takes a probe back, or else lowers the size by one (once a window), and only its own
 *   request waits its Retry-After. That is how processes sharing one account (queue-mode workers, which
 *   share nothing a community node may use) settle on shares that add up to the provider's limit: each
 *   keeps what it was accepted, and a probe that overshoots costs a 429 to one of them, which gives
 *   back one request per window.
 * - A 429 for a request when nothing else of this process was in the window means the provider's window
 *   is not the one learned (a fixed window, say) or another process filled it: every request waits the
 *   Retry-After, and a Retry-After over a second makes the window longer by it.
 * - A window size unused (no 429) for a minute, or 20 windows, is forgotten.
 */
/** A request's turn: when it started, or how long the account stays paused beyond the caller's bound. */
export type Turn = { startedAt: number } | { pausedForMs: number };

export class SlidingWindowPacer {
	private pausedUntil = 0;
	/** Learned window; 0 until the first 429 has been settled. */
	private windowMs = 0;
	private size = 0;
	/** The first 429 not yet turned into a window (its time and Retry-After). */
	private learning: { at: number; waitMs: number } | undefined;
	/** When the window was learned: requests started before it were not paced. */
	private learnedAt = 0;
	private lastLimitedAt = 0;
	private lastLoweredAt = 0;
	private probeStep = 1;
	private lowerStep = 1;
	private probeEveryWindows = MIN_PROBE_EVERY_WINDOWS;
	/** The largest size that went a whole window without a 429: what the account can give this process. */
	private peak = 0;
	private nextProbeAt = 0;
	private probeStartedAt = 0;
	private probeFrom = 0;
	/** Whether a request waited for room while the probe ran (else it proved nothing). */
	private probeFilled = false;
	/** Start times of the requests admitted and not refused, oldest first, and when each was answered (0: not yet). */
	private starts: number[] = [];
	private answeredAt: number[] = [];

	constructor(private readonly clock: PacerClock = realClock) {}

	/** Waits until a request may start; returns its start time (which identifies it in the calls below). */
	async turn(maxPauseMs = Infinity): Promise<Turn> {
		for (;;) {
			const now = this.clock.now();
			if (this.pausedUntil > now) {
				// a pause (another request's Retry-After) that outlasts what the caller may wait is not waited out
				if (this.pausedUntil - now > maxPauseMs) return { pausedForMs: this.pausedUntil - now };
				if (this.learning && !this.answerPendingSince(this.learning.at)) {
					// every request of the first burst has its answer: the window can be learned now, and from
					// then on it (not the rest of the pause) says when the next request may start
					this.settle(now);
					if (this.windowMs > 0) this.pausedUntil = now;
					continue;
				}
				await this.clock.sleep(
					this.learning
						? Math.min(this.pausedUntil - now, LEARNING_POLL_MS)
						: this.pausedUntil - now,
				);
				continue;
			}
			this.settle(now);
			const roomAt = this.roomAt(now);
			if (roomAt <= now) {
				this.starts.push(now);
				this.answeredAt.push(0);
				return { startedAt: now };
			}
			if (this.probeStartedAt === 0 && now >= this.nextProbeAt) {
				this.probeFrom = this.size;
				// squeezed below half of what it once had (another process took the rest and may have stopped):
				// the probe doubles the size at once
				this.size += this.squeezed() ? Math.max(this.probeStep, this.size) : this.probeStep;
				this.probeStartedAt = now;
				this.probeFilled = false;
				continue;
			}
			if (this.probeStartedAt > 0) this.probeFilled = true;
			await this.clock.sleep(roomAt - now);
		}
	}

	wasAccepted(startedAt: number): void {
		const index = this.indexOf(startedAt);
		if (index >= 0) this.answeredAt[index] = Math.max(this.clock.now(), startedAt + 1);
	}

	/** Takes a 429 into account; returns how long its own request must still wait before its retry (ms). */
	wasLimited(waitMs: number, startedAt?: number): number {
		const now = this.clock.now();
		this.lastLimitedAt = now;
		if (startedAt !== undefined) this.forget(startedAt);
		if (this.windowMs === 0 || this.pausedUntil > now) {
			// the first 429, or one of the same burst: everyone waits; the first teaches the window when the pause ends
			if (this.windowMs === 0) this.learning ??= { at: now, waitMs };
			this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
			return waitMs;
		}
		const refusedAt = startedAt ?? now;
		if (this.countBetween(refusedAt - this.windowMs - this.marginMs(), refusedAt - 1) === 0) {
			// refused although nothing of this process was in the window: the provider's window is not the one
			// learned (a fixed window that has not restarted yet, say) or another process filled it; every
			// request waits the Retry-After, and a wait longer than a second means a longer window
			this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
			if (waitMs > MIN_WINDOW_MS) this.windowMs += waitMs;
			return waitMs;
		}
		if (waitMs >= LONG_WAIT_MS) {
			// a Retry-After of seconds (beyond a short window's whole-second rounding): the provider's window is
			// full until then and longer than learned (a fixed minute, say, first seen part-way through); every
			// request waits, and the window spans from the oldest request in it to then
			this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
			const oldest = this.starts[this.firstIndexAfter(refusedAt - this.windowMs - this.marginMs())];
			this.windowMs = Math.max(this.windowMs, now + waitMs - (oldest ?? now));
			return waitMs;
		}
		if (this.probeStartedAt > 0) {
			// the probe overshot: down to what the provider accepted in the window (at least the size before the
			// probe), and the next probe waits twice as long
			this.size = Math.max(
				this.probeFrom,
				Math.min(this.size, this.acceptedBetween(refusedAt - this.windowMs, refusedAt - 1)),
			);
			this.probeEveryWindows = Math.min(this.probeEveryWindows * 2, MAX_PROBE_EVERY_WINDOWS);
			this.lastLoweredAt = now;
		} else if (now - this.lastLoweredAt >= this.windowMs) {
			// Another process took more of the window, or the limit is a rate the window overshoots (a token
			// bucket drained by earlier probes): down to what the provider accepted in the window at most, and
			// further each window that still ends in a 429, as a probe goes up.
			this.lowerStep = now - this.lastLoweredAt <= 2 * this.windowMs ? this.lowerStep * 2 : 1;
			const inWindow = this.countBetween(refusedAt - this.windowMs, refusedAt - 1);
			this.size = Math.max(
				1,
				Math.min(this.size - Math.min(this.lowerStep, Math.ceil(this.size / 8)), inWindow),
			);
			this.lastLoweredAt = now;
		}
		this.probeStep = 1;
		this.probeStartedAt = 0;
		this.nextProbeAt =
			now + (this.squeezed() ? MIN_PROBE_EVERY_WINDOWS : this.probeEveryWindows) * this.windowMs;
		return waitMs;
	}

	get idle(): boolean {
		return this.windowMs === 0 && !this.learning && this.pausedUntil <= this.clock.now();
	}

	/** What the pacer has learned, for tests and benchmarks. */
	get learned(): { windowMs: number; size: number } {
		return { windowMs: this.windowMs, size: this.size };
	}

	private squeezed(): boolean {
		return this.size * 2 <= this.peak;
	}

	private marginMs(): number {
		return Math.max(3, this.windowMs / 100);
	}

	private settle(now: number): void {
		if (this.learning) {
			const { at, waitMs } = this.learning;
			this.learning = undefined;
			const windowMs = Math.max(waitMs, MIN_WINDOW_MS);
			let size = 0;
			for (let i = 0; i < this.starts.length; i++)
				if (this.answeredAt[i] > 0 && this.starts[i] > at - windowMs && this.starts[i] <= at)
					size++;
			if (size > 0) {
				this.windowMs = windowMs;
				this.size = size;
				this.peak = size;
				this.learnedAt = now;
				this.lastLoweredAt = now;
				this.probeStep = 1;
				this.probeEveryWindows = MIN_PROBE_EVERY_WINDOWS;
				this.probeStartedAt = 0;
				this.nextProbeAt = now + this.probeEveryWindows * windowMs;
			}
		}
		if (this.windowMs > 0) {
			if (now - this.lastLimitedAt > Math.max(KEPT_MS, KEPT_WINDOWS * this.windowMs)) {
				this.windowMs = 0;
				this.size = 0;
				this.peak = 0;
			} else if (
				this.probeStartedAt > 0 &&
				now - this.probeStartedAt > this.windowMs + this.marginMs()
			) {
				// a whole window at the larger size without a 429: keep it; when the window was full meanwhile, the
				// next probe adds more at once, else nothing was learned and the next one waits its turn
				this.probeStartedAt = 0;
				if (this.probeFilled) {
					this.peak = Math.max(this.peak, this.size);
					// the window had room for more: the next probe doubles the step, up to doubling the size
					this.probeStep = Math.min(this.probeStep * 2, this.size);
					this.nextProbeAt = now;
				} else {
					this.size = this.probeFrom;
					this.nextProbeAt = now + this.probeEveryWindows * this.windowMs;
				}
			}
		}
		this.prune(now);
	}

	/**
	 * When the next request may start: when the window has room (enough of the requests in it have left it,
	 * see leavesAt), and not sooner than half the window's average gap after the last one, so that a
	 * window's worth never piles up in n8n at once: requests held up in the engine reach the provider later
	 * than they started here, and the next window's would reach it too early.
	 */
	private roomAt(now: number): number {
		if (this.windowMs === 0) return now;
		const last = this.starts.length > 0 ? this.starts[this.starts.length - 1] : -Infinity;
		const spaced = Math.max(now, last + this.windowMs / this.size / 2);
		const quickest = this.quickestRoundTrip();
		const leaving: number[] = [];
		for (let i = 0; i < this.starts.length; i++) {
			const leavesAt = this.leavesAt(i, quickest);
			if (leavesAt > now) leaving.push(leavesAt);
		}
		if (leaving.length < this.size) return spaced;
		leaving.sort((a, b) => a - b);
		const freedAt = leaving[leaving.length - this.size];
		// a request still without its answer holds its place: look again shortly
		return Math.max(spaced, freedAt === Infinity ? now + ANSWER_POLL_MS : freedAt);
	}

	/** When request `i` left the provider's window: one window after it reached the provider at the latest. */
	private leavesAt(i: number, quickestRoundTrip: number): number {
		const answeredAt = this.answeredAt[i];
		if (answeredAt === 0) return Infinity;
		const reachedBy =
			this.starts[i] < this.learnedAt
				? answeredAt
				: Math.min(answeredAt, Math.max(answeredAt - quickestRoundTrip, this.starts[i]));
		return reachedBy + this.windowMs + this.marginMs();
	}

	private quickestRoundTrip(): number {
		let quickest = Infinity;
		for (let i = 0; i < this.starts.length; i++)
			if (this.answeredAt[i] > 0)
				quickest = Math.min(quickest, this.answeredAt[i] - this.starts[i]);
		return quickest === Infinity ? 0 : quickest;
	}

	/** Requests started after `from` and not after `to` that the provider accepted. */
	private acceptedBetween(from: number, to: number): number {
		let accepted = 0;
		const end = this.firstIndexAfter(to);
		for (let i = this.firstIndexAfter(from); i < end; i++) if (this.answeredAt[i] > 0) accepted++;
		return accepted;
	}

	/** Requests started after `from` and not after `to`. */
	private countBetween(from: number, to: number): number {
		return this.firstIndexAfter(to) - this.firstIndexAfter(from);
	}

	private firstIndexAfter(time: number): number {
		let low = 0;
		let high = this.starts.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (this.starts[middle] > time) high = middle;
			else low = middle + 1;
		}
		return low;
	}

	/** Whether a request started by `time` still waits for its answer. */
	private answerPendingSince(time: number): boolean {
		for (let i = 0; i < this.starts.length && this.starts[i] <= time; i++)
			if (this.answeredAt[i] === 0) return true;
		return false;
	}

	/** The request started at `startedAt` that has no answer yet. */
	private indexOf(startedAt: number): number {
		for (let i = this.starts.length - 1; i >= 0 && this.starts[i] >= startedAt; i--)
			if (this.starts[i] === startedAt && this.answeredAt[i] === 0) return i;
		return -1;
	}

	/** A refused request does not count in the provider's window. */
	private forget(startedAt: number): void {
		const index = this.indexOf(startedAt);
		if (index < 0) return;
		this.starts.splice(index, 1);
		this.answeredAt.splice(index, 1);
	}

	private prune(now: number): void {
		// a request reaching the provider late may stay in its window up to a window longer (see leavesAt)
		const keepMs =
			this.windowMs > 0 ? 2 * this.windowMs + this.marginMs() : Math.max(KEPT_MS, LEARNING_KEPT_MS);
		let drop = this.firstIndexAfter(now - keepMs);
		if (this.starts.length - drop > MAX_KEPT) drop = this.starts.length - MAX_KEPT;
		if (drop > 0) {
			this.starts.splice(0, drop);
			this.answeredAt.splice(0, drop);
		}
	}
}

const MIN_WINDOW_MS = 1000;
/** A Retry-After this long means the window is full for a while, not that one request came a little early. */
const LONG_WAIT_MS = 2000;
/** How often requests held by the first pause look whether the window can be learned yet. */
const LEARNING_POLL_MS = 25;
/** How often a request waiting on another's answer (to know when that one leaves the window) looks again. */
const ANSWER_POLL_MS = 5;
const MIN_PROBE_EVERY_WINDOWS = 2;
const MAX_PROBE_EVERY_WINDOWS = 8;
const KEPT_MS = 60_000;
const KEPT_WINDOWS = 20;
/** Before the first 429, how far back the accepted requests are kept to measure the window. */
const LEARNING_KEPT_MS = 3_600_000;
const MAX_KEPT = 100_000;
