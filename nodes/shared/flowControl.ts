import type { IExecuteSingleFunctions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * The pace of one provider account (credential) for every execution in this process. A provider's rate
 * limit counts the account's requests, not one run's. The first 429 pauses every run on the account for
 * its Retry-After, and from then on requests start one at a time, at first 2 % under the rate the
 * provider just accepted from this process (its requests of the last second, when there were at least 5)
 * so the runs do not all hit the limit again the moment the pause ends. The pace then probes upwards (2 %
 * of itself per second); a later 429 lowers it by 10 % (once a second at most) and only its own request
 * waits the Retry-After, the others keep their pace. That is how several processes sharing one account
 * (queue-mode workers, which share nothing a community node may use) settle on their shares. A minute
 * without a 429 drops the pace.
 */
class AccountPace {
	private pausedUntil = 0;
	private rate = 0; // requests per second at `rateSetAt`; 0: not paced
	private rateSetAt = 0;
	private nextStartAt = 0;
	private lastLimitedAt = 0;
	private lastLoweredAt = 0;
	private accepted: number[] = []; // start times of recently accepted requests

	private rateAt(now: number): number {
		return this.rate * (1 + (PACE_GROWTH_PER_SECOND * Math.max(now - this.rateSetAt, 0)) / 1000);
	}

	/**
	 * Waits until a request may start; returns its start time. A pause (another request's Retry-After)
	 * that outlasts `maxPauseMs` is not waited out: the pause's remaining time is returned at once.
	 */
	async turn(maxPauseMs: number): Promise<Turn> {
		for (;;) {
			const now = Date.now();
			if (this.pausedUntil > now) {
				if (this.pausedUntil - now > maxPauseMs) return { pausedForMs: this.pausedUntil - now };
				await sleep(this.pausedUntil - now);
				continue;
			}
			if (this.rate > 0 && now - this.lastLimitedAt > PACE_KEPT_MS) this.rate = 0;
			if (this.rate === 0) return { startedAt: now };
			const at = Math.max(now, this.nextStartAt);
			this.nextStartAt = at + 1000 / this.rateAt(at);
			if (at > now) await sleep(at - now);
			if (this.pausedUntil <= Date.now()) return { startedAt: at }; // else a 429 came meanwhile: wait for it
		}
	}

	wasAccepted(startedAt: number): void {
		this.accepted.push(startedAt);
		if (this.accepted.length > 2 * ACCEPTED_KEPT)
			this.accepted = this.accepted.slice(-ACCEPTED_KEPT);
	}

	/** Takes a 429 into account; returns how long its own request must still wait before its retry (ms). */
	wasLimited(waitMs: number): number {
		const now = Date.now();
		this.lastLimitedAt = now;
		if (this.rate > 0) {
			if (now - this.lastLoweredAt >= 1000) {
				this.rate = this.rateAt(now) * PACE_LOWERING;
				this.rateSetAt = now;
				this.lastLoweredAt = now;
			}
			return waitMs;
		}
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		const inLastSecond = this.accepted.filter((at) => at > now - 1000).length;
		if (inLastSecond >= MIN_MEASURED) {
			this.rate = inLastSecond / PACE_MARGIN;
			this.rateSetAt = this.pausedUntil;
			this.lastLoweredAt = now; // the other 429s of this burst measured nothing new
			this.nextStartAt = this.pausedUntil;
		}
		return 0; // the pause holds it
	}

	get idle(): boolean {
		return this.rate === 0 && this.pausedUntil <= Date.now();
	}
}

/** A request's turn: when it started, or how long the account stays paused beyond the item's bound. */
type Turn = { startedAt: number } | { pausedForMs: number };

const PACE_KEPT_MS = 60_000;
const MIN_MEASURED = 5;
/** 2 % under the measured rate: a request exactly one window after another may reach the provider a millisecond early. */
const PACE_MARGIN = 1.02;
const PACE_GROWTH_PER_SECOND = 0.02;
const PACE_LOWERING = 0.9;
const ACCEPTED_KEPT = 1000;

const paces = new Map<string, AccountPace>();

function paceOf(ctx: IExecuteSingleFunctions): AccountPace {
	const node = ctx.getNode();
	const [type, credential] = Object.entries(node.credentials ?? {})[0] ?? [node.type, undefined];
	const account = `${type}\u0000${credential?.id ?? credential?.name ?? ''}`;
	for (const [key, pace] of paces) if (key !== account && pace.idle) paces.delete(key);
	let pace = paces.get(account);
	if (!pace) {
		pace = new AccountPace();
		paces.set(account, pace);
	}
	return pace;
}

/**
 * Flow control for one node run. n8n's declarative engine starts every item's request at once; this
 * keeps at most `limit` in flight, each started when its account's pace allows, so the node slows down
 * under a provider's rate limit instead of failing.
 */
class RunGate {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(
		private readonly limit: number,
		readonly pace: AccountPace,
		private readonly onIdle: () => void,
	) {}

	/**
	 * Holds a slot, then waits for the account's turn; a retry goes first, ahead of items not tried yet.
	 * When the turn is refused (a pause too long) the slot is given back at once.
	 */
	async acquire(retry: boolean, maxPauseMs: number): Promise<Turn> {
		if (this.active < this.limit) {
			this.active++;
		} else {
			await new Promise<void>((resolve) =>
				retry ? this.waiting.unshift(resolve) : this.waiting.push(resolve),
			);
		}
		const turn = await this.pace.turn(maxPauseMs);
		if ('pausedForMs' in turn) this.release();
		return turn;
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) {
			next(); // the slot passes straight to the next waiter
			return;
		}
		this.active--;
		if (this.active === 0) this.onIdle();
	}
}

const gates = new Map<string, RunGate>();

function gateFor(ctx: IExecuteSingleFunctions, limit: number): RunGate {
	const node = ctx.getNode();
	const key = `${ctx.getExecutionId() ?? 'manual'}\u0000${node.id ?? node.name}`;
	let gate = gates.get(key);
	if (!gate) {
		gate = new RunGate(limit, paceOf(ctx), () => gates.delete(key));
		gates.set(key, gate);
	}
	return gate;
}

export interface FlowSettings {
	maxInFlight: number;
	/** How many times a 429 is retried (the request was not processed, so a retry cannot duplicate). */
	maxRateLimitRetries: number;
	/** The most one item may wait for 429s in all, in seconds. */
	maxRateLimitWaitSeconds: number;
}

export const DEFAULT_FLOW: FlowSettings = {
	maxInFlight: 10,
	maxRateLimitRetries: 5,
	maxRateLimitWaitSeconds: 60,
};

/** Used when a 429 carries no Retry-After: 1 s, 2 s, 4 s … */
const FALLBACK_BACKOFF_SECONDS = 1;

export function readFlowSettings(ctx: IExecuteSingleFunctions): FlowSettings {
	const options = ctx.getNodeParameter('requestOptions', {}) as Partial<FlowSettings>;
	const number = (value: unknown, fallback: number, min: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
	return {
		maxInFlight: Math.floor(number(options.maxInFlight, DEFAULT_FLOW.maxInFlight, 1)),
		maxRateLimitRetries: Math.floor(
			number(options.maxRateLimitRetries, DEFAULT_FLOW.maxRateLimitRetries, 0),
		),
		maxRateLimitWaitSeconds: number(
			options.maxRateLimitWaitSeconds,
			DEFAULT_FLOW.maxRateLimitWaitSeconds,
			0,
		),
	};
}

function rateLimitWaitSeconds(
	error: NodeApiError | NodeOperationError,
	attempt: number,
): number | undefined {
	if (!('httpCode' in error) || error.httpCode !== '429') return undefined;
	const retryAfter = error.context.retryAfterSeconds;
	return typeof retryAfter === 'number' ? retryAfter : FALLBACK_BACKOFF_SECONDS * 2 ** attempt;
}

/**
 * Runs one request under the run's gate. Only a 429 is retried: any other failure (5xx, timeout, reset)
 * is thrown at once, because the provider may already have delivered the message.
 * `toError` turns whatever the request threw into the n8n error the user will see.
 */
export async function withFlowControl<T>(
	ctx: IExecuteSingleFunctions,
	settings: FlowSettings,
	send: () => Promise<T>,
	toError: (error: unknown) => NodeApiError | NodeOperationError,
): Promise<T> {
	const gate = gateFor(ctx, settings.maxInFlight);
	let waitedSeconds = 0;
	let ownWaitMs = 0;
	let heldByPause = 0; // seconds of the last wait that the account's pause holds, not our own sleep
	for (let attempt = 0; ; attempt++) {
		if (ownWaitMs > 0) await sleep(ownWaitMs);
		const budgetMs = (settings.maxRateLimitWaitSeconds - waitedSeconds + heldByPause) * 1000;
		const turn = await gate.acquire(attempt > 0, Math.max(budgetMs, 0));
		if ('pausedForMs' in turn) {
			// Another request's Retry-After paused the account for longer than this item may still wait.
			throw new NodeOperationError(
				ctx.getNode(),
				`The provider paused this account for ${Math.ceil(turn.pausedForMs / 1000)} s more (Retry-After of an earlier request), longer than this item may still wait (Max Rate-Limit Wait: ${settings.maxRateLimitWaitSeconds} s); nothing was sent`,
				{
					itemIndex: ctx.getItemIndex(),
					description:
						'Raise Max Rate-Limit Wait in the node’s Request Options, or run the workflow again later.',
				},
			);
		}
		const { startedAt } = turn;
		try {
			const result = await send();
			gate.pace.wasAccepted(startedAt);
			return result;
		} catch (error) {
			const nodeError = toError(error);
			const wait = rateLimitWaitSeconds(nodeError, attempt);
			if (wait === undefined) {
				gate.pace.wasAccepted(startedAt); // refused for another reason, but counted by the provider
				throw nodeError;
			}
			// A wait beyond the item's bound fails the item without holding up the others.
			if (
				attempt >= settings.maxRateLimitRetries ||
				waitedSeconds + wait > settings.maxRateLimitWaitSeconds
			)
				throw nodeError;
			ownWaitMs = gate.pace.wasLimited(wait * 1000);
			heldByPause = ownWaitMs > 0 ? 0 : wait;
			waitedSeconds += wait;
		} finally {
			gate.release();
		}
	}
}
