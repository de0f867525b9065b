import type { IExecuteSingleFunctions, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

/**
 * Client-side checks run before any request leaves: each failure is a NodeOperationError that names
 * the field as the user sees it in the node.
 */

type Ctx = IExecuteSingleFunctions;

export function fieldError(
	ctx: Ctx,
	label: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${label}: ${problem}`, {
		itemIndex: ctx.getItemIndex(),
		description: hint,
	});
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Reads a text parameter: strings are trimmed, finite numbers become text (IDs and phone numbers
 * often arrive as numbers from sheets); objects, lists, booleans and null are refused.
 */
export function readText(
	ctx: Ctx,
	name: string,
	label: string,
	options: { required?: boolean } = {},
): string {
	// extractValue: resource locators give their value, not {mode, value}
	const value: unknown = ctx.getNodeParameter(name, '', { extractValue: true });
	return checkText(ctx, value, label, options);
}

export function checkText(
	ctx: Ctx,
	value: unknown,
	label: string,
	{ required = false }: { required?: boolean } = {},
): string {
	let text: string;
	if (value === undefined || value === '') {
		text = '';
	} else if (typeof value === 'string') {
		text = value.trim();
	} else if (typeof value === 'number' && Number.isFinite(value)) {
		text = String(value);
	} else {
		throw fieldError(ctx, label, `expected text but got ${describeType(value)}`);
	}
	if (required && text === '') {
		throw fieldError(ctx, label, 'is required but empty');
	}
	return text;
}

/**
 * A message's text, exactly as written: leading spaces, indentation and trailing newlines are the
 * user's, so nothing is trimmed. Only a text that is empty or whitespace only counts as empty.
 */
export function readMessageText(
	ctx: Ctx,
	name: string,
	label: string,
	options: { required?: boolean } = {},
): string {
	const value: unknown = ctx.getNodeParameter(name, '', { extractValue: true });
	if (typeof value !== 'string') return checkText(ctx, value, label, options);
	if (value.trim() !== '') return value;
	if (options.required) throw fieldError(ctx, label, 'is required but empty');
	return '';
}

/** "2026-12-24 09:30" or "2026-12-24 09:30:00": how people and spreadsheets write a date and time. */
const SPACED_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;

const DATE_TIME_HINT = 'Use ISO 8601 (e.g. 2026-11-22T10:00:00Z) or 2026-11-22 10:00:00';

/**
 * A date and time: ISO 8601 or "2026-11-22 10:00[:00]" text (read in the workflow's time zone when it has no
 * offset, as n8n's date picker writes it), a JS Date or a Luxon DateTime. Empty gives undefined unless required.
 */
export function dateTimeOf(
	ctx: Ctx,
	value: unknown,
	label: string,
	options: { required?: boolean } = {},
): DateTime | undefined {
	const zone = ctx.getTimezone();
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (value === undefined || value === null || text === '') {
		if (options.required) throw fieldError(ctx, label, 'is required but empty');
		return undefined;
	}
	let date: DateTime;
	if (DateTime.isDateTime(value)) date = value;
	else if (value instanceof Date) date = DateTime.fromJSDate(value, { zone });
	else if (text !== undefined)
		date = SPACED_DATE_TIME.test(text)
			? DateTime.fromSQL(text, { zone })
			: DateTime.fromISO(text, { zone });
	else
		throw fieldError(
			ctx,
			label,
			`expected a date and time but got ${describeType(value)}`,
			DATE_TIME_HINT,
		);
	if (!date.isValid)
		throw fieldError(
			ctx,
			label,
			`"${text ?? String(value)}" is not a date and time`,
			DATE_TIME_HINT,
		);
	return date;
}

/** The date and time parameter `name` (see dateTimeOf). */
export function readDateTime(
	ctx: Ctx,
	name: string,
	label: string,
	options: { required?: boolean } = {},
): DateTime | undefined {
	return dateTimeOf(ctx, ctx.getNodeParameter(name, '') as unknown, label, options);
}

/** A whole number (or a text holding one) within optional bounds; empty gives undefined unless required. */
export function readInteger(
	ctx: Ctx,
	name: string,
	label: string,
	{ required = false, min, max }: { required?: boolean; min?: number; max?: number } = {},
): number | undefined {
	const value: unknown = ctx.getNodeParameter(name, '');
	if (value === undefined || value === '' || (typeof value === 'string' && value.trim() === '')) {
		if (required) throw fieldError(ctx, label, 'is required but empty');
		return undefined;
	}
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw fieldError(
			ctx,
			label,
			`expected a whole number but got ${typeof value === 'string' ? `"${value}"` : describeType(value)}`,
		);
	}
	if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
		throw fieldError(ctx, label, `must be between ${min ?? '-∞'} and ${max ?? '∞'}`);
	}
	return number;
}

/** One of the listed values (an options parameter may still receive anything through an expression). */
export function readChoice<T extends string>(
	ctx: Ctx,
	name: string,
	label: string,
	allowed: readonly T[],
): T {
	const value: unknown = ctx.getNodeParameter(name, '');
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw fieldError(ctx, label, `"${String(value)}" is not one of ${allowed.join(', ')}`);
	}
	return value as T;
}

/** Path parameters are encoded so an ID can never change which endpoint is called. */
export function pathSegment(ctx: Ctx, name: string, label: string): string {
	const text = readText(ctx, name, label, { required: true });
	if (isDotSegment(text)) {
		throw fieldError(
			ctx,
			label,
			`"${text}" is a dot segment, which would change the request's path`,
			'Enter the value itself; "." and ".." address no item',
		);
	}
	return encodeURIComponent(text);
}

/**
 * `.` or `..`, also written `%2e` (RFC 3986 §5.2.4): encodeURIComponent keeps the dots, and the URL
 * parser then drops the segment or climbs one up, so `..` as a value sends the request to another
 * endpoint. All four nodes are AI tools, so such a value may come from a model steered by a message.
 */
export function isDotSegment(text: string): boolean {
	return /^(?:\.|%2e){1,2}$/i.test(text);
}

/**
 * A phone number as the user wrote it, without the spaces, dashes, dots and brackets of its formatting
 * (`+1 (555) 666-7777` → `+15556667777`). Anything else — a short code, a number without `+`, an address
 * that is not a number — is sent as written: the provider judges what its docs leave open.
 */
export function phoneAddress(value: string): string {
	const compacted = value.replace(/[\s\-().]/g, '');
	return /^\+?\d+$/.test(compacted) ? compacted : value;
}

/** For sends that need at least one of several fields (iSlash: text, file, file URL or sticker). */
export function requireOneOf(ctx: Ctx, present: Record<string, boolean>): void {
	if (!Object.values(present).some(Boolean)) {
		const labels = Object.keys(present);
		throw fieldError(ctx, labels.join(' / '), `at least one of ${labels.join(', ')} is required`);
	}
}

/** Removes undefined and empty-string values so optional fields left blank are not sent. */
export function compact<T extends IDataObject>(body: T): T {
	for (const key of Object.keys(body)) {
		if (body[key] === undefined || body[key] === '') delete body[key];
	}
	return body;
}

/**
 * A list parameter: a comma-separated text, or a list given by an expression (each entry text or a
 * number). Entries are trimmed and empty ones dropped.
 */
export function readTextList(ctx: Ctx, name: string, label: string): string[] {
	const value: unknown = ctx.getNodeParameter(name, '');
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: [value];
	return entries.map((entry) => checkText(ctx, entry, label)).filter((entry) => entry !== '');
}

/** An http(s) URL, or '' when the field is empty. */
export function readHttpUrl(ctx: IExecuteSingleFunctions, name: string, label: string): string {
	const value = readText(ctx, name, label);
	if (value === '') return '';
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw fieldError(ctx, label, `"${value}" is not a URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw fieldError(ctx, label, `"${value}" is not an http(s) URL`);
	}
	return value;
}
