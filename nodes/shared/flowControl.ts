import type { IExecuteSingleFunctions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import type { Turn } from './pacer';
import { SlidingWindowPacer } from './pacer';

const paces = new Map<string, SlidingWindowPacer>();

function paceOf(ctx: IExecuteSingleFunctions): SlidingWindowPacer {
	const node = ctx.getNode();
	const [type, credential] = Object.entries(node.credentials ?? {})[0] ?? [node.type, undefined];
	const account = `${type}\u0000${credential?.id ?? credential?.name ?? ''}`;
	for (const [key, pace] of paces) if (key !== account && pace.idle) paces.delete(key);
	let pace = paces.get(account);
	if (!pace) {
		pace = new SlidingWindowPacer();
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
		readonly pace: SlidingWindowPacer,
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
			ownWaitMs = gate.pace.wasLimited(wait * 1000, startedAt);
			heldByPause = ownWaitMs > 0 ? 0 : wait;
			waitedSeconds += wait;
		} finally {
			gate.release();
		}
	}
}
