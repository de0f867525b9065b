import type { IDataObject } from 'n8n-workflow';

/**
 * How far back every poll reads again. A message that becomes visible in EvoVoice's API after a newer one
 * was already polled (a provider stamps the carrier's receive time and stores the message later) is still
 * found while its date is at most this much older than the newest date the trigger has read; later than
 * that it is missed (README › Guarantees).
 */
const LOOKBACK_MS = 10 * 60 * 1000;

/** IDs remembered at most; the oldest by date are forgotten first. Far above one window's messages. */
export const MAX_SEEN_IDS = 10000;

/**
 * Where the trigger stands, kept in the workflow's static data. Every poll asks for the messages from
 * `lastDate` minus {@link LOOKBACK_MS} (never before `floor`), and `seen` tells which of them were
 * already handled. An ID is forgotten once its date falls out of the window, so the memory holds one
 * window's messages (plus any dated in the future), never the whole history.
 */
export interface MessageCursor {
	/** ISO 8601 (UTC, milliseconds): the newest message date read that was not in the future. */
	lastDate: string;
	/** ISO 8601 (UTC): messages dated before this are never emitted (the moment of first activation). */
	floor: string;
	/** Handled message IDs with their date (milliseconds since the epoch). */
	seen: Record<string, number>;
}

/** The cursor an earlier version stored: the newest date and the IDs seen at it. */
interface EarlierCursor {
	lastDate: string;
	seenIds: string[];
}

/** A stored cursor of this or an earlier version as a {@link MessageCursor}; undefined when there is none. */
export function readCursor(value: unknown): MessageCursor | undefined {
	const cursor = value as Partial<MessageCursor & EarlierCursor> | undefined;
	if (typeof cursor?.lastDate !== 'string' || !Number.isFinite(Date.parse(cursor.lastDate))) {
		return undefined;
	}
	if (typeof cursor.floor === 'string' && cursor.seen && typeof cursor.seen === 'object') {
		return cursor as MessageCursor;
	}
	if (Array.isArray(cursor.seenIds)) {
		// An earlier version emitted everything up to lastDate: nothing before it may come again.
		const at = Date.parse(cursor.lastDate);
		return {
			lastDate: cursor.lastDate,
			floor: cursor.lastDate,
			seen: Object.fromEntries(cursor.seenIds.map((id) => [String(id), at])),
		};
	}
	return undefined;
}

/** The cursor of a first activation: nothing before `now` is emitted. */
export function startCursor(now: number): MessageCursor {
	const at = new Date(now).toISOString();
	return { lastDate: at, floor: at, seen: {} };
}

/** Where a poll starts reading: the look-back window before the cursor, never before the floor. */
function windowStart(cursor: MessageCursor): number {
	return Math.max(Date.parse(cursor.lastDate) - LOOKBACK_MS, Date.parse(cursor.floor));
}

/** ISO 8601 of {@link windowStart}, for ListMessages' `afterDate`. */
export function readFrom(cursor: MessageCursor): string {
	return new Date(windowStart(cursor)).toISOString();
}

/**
 * A message's date in milliseconds. EvoVoice (ServiceStack) may write a date without an offset; it means
 * UTC, never the time zone of the server n8n runs on.
 */
export function messageTime(message: IDataObject): number {
	if (typeof message.date !== 'string') return NaN;
	const date = message.date.trim();
	const hasTime = /T|\d \d/.test(date);
	const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(date);
	return Date.parse(hasTime && !hasOffset ? `${date.replace(' ', 'T')}Z` : date);
}

/**
 * Which fetched messages to emit, and the next cursor. Everything is compared in milliseconds, so a
 * provider date with finer precision lands on the same instant as the cursor made from it.
 *
 * - A message is new when it has an ID and a readable date inside the window (from {@link windowStart}
 *   on) and its ID is not in `seen`; whatever its date within the window, so a late arrival still counts.
 *   Only `Incoming` ones are emitted; every fetched ID is remembered.
 * - The cursor moves to the newest date fetched that is not after `now`: a message dated in the future
 *   (a scheduled text, a wrong clock) is handled once but never moves the cursor, which would otherwise
 *   skip every message until that date.
 * - After a fetch cut short (poll time budget), unfetched pages may hold older messages, so the cursor
 *   stays; the next poll reads the same window again and emits only what it had not seen.
 * - IDs dated before the next window are forgotten (no later poll returns them); at most
 *   {@link MAX_SEEN_IDS} are kept, newest first.
 */
export function advanceCursor(
	cursor: MessageCursor,
	fetched: IDataObject[],
	complete: boolean,
	now: number,
): { emitted: IDataObject[]; cursor: MessageCursor } {
	const from = windowStart(cursor);
	const seen: Record<string, number> = { ...cursor.seen };
	const fresh: Array<{ message: IDataObject; time: number }> = [];
	let newest = Date.parse(cursor.lastDate);
	for (const message of fetched) {
		const id = typeof message.id === 'string' ? message.id : undefined;
		const time = messageTime(message);
		// Without an ID or a date a message can be neither deduplicated nor placed: it is left out.
		if (!id || !Number.isFinite(time) || time < from) continue;
		if (complete && time <= now && time > newest) newest = time;
		if (id in seen) continue;
		seen[id] = time;
		fresh.push({ message, time });
	}
	const emitted = fresh
		.filter(({ message }) => message.direction === 'Incoming')
		.sort((a, b) => a.time - b.time)
		.map(({ message }) => message);

	const next: MessageCursor = {
		lastDate: new Date(newest).toISOString(),
		floor: cursor.floor,
		seen: {},
	};
	const keepFrom = windowStart(next);
	const kept = Object.entries(seen)
		.filter(([, time]) => time >= keepFrom)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_SEEN_IDS);
	next.seen = Object.fromEntries(kept);
	return { emitted, cursor: next };
}
