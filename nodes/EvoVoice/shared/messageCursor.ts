import type { IDataObject } from 'n8n-workflow';

/**
 * Where the trigger stands, kept in the workflow's static data. EvoVoice does not say whether
 * `afterDate` is inclusive, so the trigger asks from `lastDate` inclusive and remembers the IDs it has
 * already seen at that instant (`seenIds`), dropping them when they come back.
 */
export interface MessageCursor {
	/** ISO 8601 (UTC, milliseconds) of the newest message seen. */
	lastDate: string;
	/** IDs already seen at `lastDate` (and, after a poll cut short, every ID seen since it). */
	seenIds: string[];
}

function messageTime(message: IDataObject): number {
	return typeof message.date === 'string' ? Date.parse(message.date) : NaN;
}

/**
 * Which fetched messages to emit, and the next cursor. Everything is compared in milliseconds, so a
 * provider date with finer precision still lands on the same instant as the cursor made from it.
 *
 * - A message is new when it has an ID and a readable date, is not older than the cursor, and its ID
 *   was not seen at the cursor (the inclusive boundary). Only `Incoming` ones are emitted.
 * - After a complete fetch the cursor moves to the newest date fetched and keeps the IDs at that date.
 * - After a fetch cut short (poll time budget), unfetched pages may hold older messages, so the cursor
 *   stays where it was and every ID fetched is remembered instead: the next poll re-reads the window
 *   and emits only what it had not seen.
 */
export function advanceCursor(
	cursor: MessageCursor,
	fetched: IDataObject[],
	complete: boolean,
): { emitted: IDataObject[]; cursor: MessageCursor } {
	const since = Date.parse(cursor.lastDate);
	const seen = new Set(cursor.seenIds);
	const fresh = new Map<string, { message: IDataObject; time: number }>();
	let newest = since;
	const atNewest = new Set<string>();
	for (const message of fetched) {
		const id = typeof message.id === 'string' ? message.id : undefined;
		const time = messageTime(message);
		// Without an ID or a date a message can be neither deduplicated nor placed: it is left out.
		if (!id || !Number.isFinite(time) || time < since) continue;
		if (time > newest) {
			newest = time;
			atNewest.clear();
		}
		if (time === newest) atNewest.add(id);
		if (!seen.has(id) && !fresh.has(id)) fresh.set(id, { message, time });
	}
	const emitted = [...fresh.values()]
		.filter(({ message }) => message.direction === 'Incoming')
		.sort((a, b) => a.time - b.time)
		.map(({ message }) => message);

	if (!complete) {
		return { emitted, cursor: { lastDate: cursor.lastDate, seenIds: [...seen, ...fresh.keys()] } };
	}
	if (newest === since) {
		return {
			emitted,
			cursor: { lastDate: cursor.lastDate, seenIds: [...new Set([...seen, ...atNewest])] },
		};
	}
	return { emitted, cursor: { lastDate: new Date(newest).toISOString(), seenIds: [...atNewest] } };
}
