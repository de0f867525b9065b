import { createHash } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * How the webhook triggers answer a delivery and remember what they already handled, so that each new
 * incoming event starts exactly one execution.
 *
 * What n8n 2.40 does with a webhook trigger's static data (compiled source of the `n8n` package):
 * - every delivery builds its Workflow from the database row (`LiveWebhooks.executeWebhook`) and saves
 *   the static data after the node ran, only when it is marked changed
 *   (`WorkflowStaticDataService.saveStaticData`);
 * - when the node returns `workflowData` and leaves the answer to n8n, `WorkflowRunner.run` first builds a
 *   second Workflow over the same object (`WorkflowRunner.establishContextForPersistence`), and `ObservableObject.create` resets
 *   its changed flag, so that save writes nothing;
 * - when the node answers the request itself and returns `noWebhookResponse: true` with `workflowData`, n8n
 *   calls back before it starts the execution (`executeWebhook` in `webhooks/webhook-helpers.js`), so the
 *   save happens.
 * So every trigger here answers itself ({@link startExecution}). Deliveries that arrive together each read
 * the row before the others save and the last save wins: within one n8n process they are run one after
 * another per trigger node, spaced so their saves land in order, and merged with what this process
 * already saw ({@link withDeliveryState}).
 */

/** Event keys remembered per trigger node; the oldest are forgotten beyond this. */
const REMEMBERED_KEYS = 1000;
/** Per-session cursors remembered per trigger node; the least recently active are forgotten beyond this. */
const REMEMBERED_CURSORS = 1000;
const STATE_KEY = 'delivered';

/** What a trigger node remembers between deliveries. */
interface DeliveryState {
	/** Keys of the events already handled (oldest first). */
	seen: string[];
	/** The last handled position per session (e.g. SuperOffice's last message ID), least recently active first. */
	cursors: Record<string, number>;
}

/** What this n8n process last knew per trigger node (workflow + node), newer than the row a delivery read. */
const processStates = new Map<string, DeliveryState>();
/** Per trigger node, the tail of the deliveries running in this process, so they run one at a time. */
const queues = new Map<string, Promise<unknown>>();

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** Test deliveries ("Listen for test event") have static data of their own in n8n, so a memory of their own. */
function nodeKey(ctx: TriggerContext, mode = ctx.getMode() === 'manual' ? 'test' : 'live'): string {
	const node = ctx.getNode();
	return `${mode}\u0000${ctx.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}`;
}

function stored(data: IDataObject): DeliveryState {
	const value = data[STATE_KEY] as Partial<DeliveryState> | undefined;
	const seen = Array.isArray(value?.seen)
		? value.seen.filter((key): key is string => typeof key === 'string')
		: [];
	const cursors: Record<string, number> = {};
	if (value?.cursors && typeof value.cursors === 'object') {
		for (const [session, position] of Object.entries(value.cursors)) {
			if (typeof position === 'number' && Number.isFinite(position)) cursors[session] = position;
		}
	}
	return { seen, cursors };
}

/** The union of what the row and this process know: every key either saw, each cursor at its furthest. */
function merged(row: DeliveryState, known: DeliveryState | undefined): DeliveryState {
	if (!known) return row;
	const seen = [...new Set([...row.seen, ...known.seen])];
	const cursors = { ...row.cursors };
	for (const [session, position] of Object.entries(known.cursors)) {
		if (!(session in cursors) || cursors[session] < position) {
			delete cursors[session];
			cursors[session] = position;
		}
	}
	return { seen, cursors };
}

function trimmed(state: DeliveryState): DeliveryState {
	const sessions = Object.keys(state.cursors);
	const cursors: Record<string, number> = {};
	for (const session of sessions.slice(Math.max(0, sessions.length - REMEMBERED_CURSORS))) {
		cursors[session] = state.cursors[session];
	}
	return { seen: state.seen.slice(Math.max(0, state.seen.length - REMEMBERED_KEYS)), cursors };
}

/**
 * How long the next delivery for the same node waits after one finished. n8n writes a delivery's static
 * data after the node returned, over a pool of database connections (SQLite: 3): two writes issued at
 * the same moment may land in either order, and an older, shorter memory landing last would be what a
 * restarted n8n reads. Spacing the writes keeps them in order.
 */
const SAVE_SPACING_MS = 50;

async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const run = previous.then(work, work);
	const tail = run.then(
		async () => await sleep(SAVE_SPACING_MS),
		async () => await sleep(SAVE_SPACING_MS),
	);
	queues.set(key, tail);
	// Released only after the spacing, so a delivery arriving meanwhile waits for it too.
	void tail.then(() => {
		if (queues.get(key) === tail) queues.delete(key);
	});
	return await run;
}

/**
 * Runs one delivery's work on the trigger node's remembered state, one delivery at a time per node in this
 * process, and writes the state back to the node's static data (assigned whole, so n8n marks it changed).
 * When the work throws, nothing is remembered: the provider's retry is handled as new.
 */
export async function withDeliveryState<T>(
	ctx: IWebhookFunctions,
	work: (state: DeliveryState) => Promise<T>,
): Promise<T> {
	const key = nodeKey(ctx);
	return await oneAtATime(key, async () => {
		const data = ctx.getWorkflowStaticData('node');
		const state = merged(stored(data), processStates.get(key));
		const result = await work(state);
		const next = trimmed(state);
		data[STATE_KEY] = { seen: next.seen, cursors: next.cursors } as unknown as IDataObject;
		processStates.set(key, { seen: [...next.seen], cursors: { ...next.cursors } });
		return result;
	});
}

/** Forgets what a trigger node handled, in static data and in this process (on deactivation). */
export function forgetDeliveryState(ctx: TriggerContext): void {
	delete ctx.getWorkflowStaticData('node')[STATE_KEY];
	processStates.delete(nodeKey(ctx, 'live'));
	processStates.delete(nodeKey(ctx, 'test'));
}

/** The entries whose key is not yet in `state.seen`, once each; their keys are added to it. */
export function keepUnseen<T>(
	state: DeliveryState,
	entries: T[],
	keyOf: (entry: T) => string,
): T[] {
	const seen = new Set(state.seen);
	const kept: T[] = [];
	for (const entry of entries) {
		const key = keyOf(entry);
		if (seen.has(key)) continue;
		seen.add(key);
		state.seen.push(key);
		kept.push(entry);
	}
	return kept;
}

/** Nesting beyond which an event's content is not walked for its key (real deliveries nest a few levels). */
const KEY_DEPTH = 64;

const digest = (data: string | Buffer) =>
	createHash('sha256').update(data).digest('base64url').slice(0, 32);

/** What a trigger answers (400) for an event too deeply nested to be keyed, when its raw bytes are not at hand. */
export const UNKEYABLE = 'The delivery is nested too deeply to be told apart from a redelivery';

/**
 * A key for an event that has no ID of its own: a digest of its content, key order ignored. The walk
 * stops at {@link KEY_DEPTH} levels (an unbounded one overflows the stack on a hostile body, n8n answers
 * 500 and the provider sends it again for ever): a deeper event is keyed by the delivery's raw bytes and
 * its position in them, so the same bytes sent again get the same key. Without raw bytes there is no key
 * (undefined); the trigger answers {@link UNKEYABLE} with 400.
 */
export function contentKey(
	value: unknown,
	delivery?: { raw?: Buffer; index: number },
): string | undefined {
	let tooDeep = false;
	const canonical = (entry: unknown, depth: number): unknown => {
		if (tooDeep || depth > KEY_DEPTH) {
			tooDeep = true;
			return null;
		}
		if (Array.isArray(entry)) return entry.map((item) => canonical(item, depth + 1));
		if (entry && typeof entry === 'object') {
			return Object.fromEntries(
				Object.keys(entry)
					.sort()
					.map((key) => [key, canonical((entry as IDataObject)[key], depth + 1)]),
			);
		}
		return entry;
	};
	const text = JSON.stringify(canonical(value, 0)) ?? '';
	if (!tooDeep) return digest(text);
	if (!delivery?.raw || delivery.raw.length === 0) return undefined;
	return `raw:${digest(delivery.raw)}:${delivery.index}`;
}

/** The raw bytes of a delivery, when n8n kept them (read on demand where n8n reads them lazily). */
export async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject();
	if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

/** Answers the delivery without starting anything. */
export function answerOnly(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject | string,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	if (typeof body === 'string') res.status(status).send(body);
	else res.status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Answers 200 and starts one execution with these items. Answering here, not through n8n, is what makes
 * n8n save the static data this delivery wrote (see the top of this file).
 */
export function startExecution(
	ctx: IWebhookFunctions,
	items: INodeExecutionData[],
	body: IDataObject | string = { received: true },
): IWebhookResponseData {
	answerOnly(ctx, 200, body);
	return { noWebhookResponse: true, workflowData: [items] };
}
