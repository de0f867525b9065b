import { randomInt } from 'crypto';
import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { fieldError, pathSegment, readChoice, readText } from '../../shared/validation';

/** `/domains/{domain}` — "~" (the default) is the domain of the key or token in use. */
function domainPath(ctx: IExecuteSingleFunctions): string {
	return `/domains/${pathSegment(ctx, 'domain', 'Domain')}`;
}

/** `/domains/{domain}/users/{user}` — "~" is the user of the key or token in use. */
export function userPath(ctx: IExecuteSingleFunctions): string {
	return `${domainPath(ctx)}/users/${pathSegment(ctx, 'user', 'User')}`;
}

/** Session IDs are letters, digits and underscores (the API's rule for IDs a client chooses). */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_]+$/;

function checkSessionId(ctx: IExecuteSingleFunctions, id: string, label: string): string {
	if (!SESSION_ID_PATTERN.test(id)) {
		throw fieldError(
			ctx,
			label,
			`"${id}" is not a message session ID`,
			'Session IDs contain only letters, digits and _',
		);
	}
	return id;
}

/**
 * A session ID given for a send: NetSapiens' send operations take one that "Needs to be at least 32
 * characters long and random. Only alphanumeric chracters and underscore are allowed." (the messagesession
 * parameter of sendMessage*, the same words in docs v45.0 and in what a core 44.4.10 serves).
 */
const SEND_SESSION_ID_LENGTH = 32;

export function checkSendSessionId(
	ctx: IExecuteSingleFunctions,
	id: string,
	label: string,
): string {
	checkSessionId(ctx, id, label);
	if (id.length < SEND_SESSION_ID_LENGTH) {
		throw fieldError(
			ctx,
			label,
			`"${id}" is ${id.length} characters long: a session to send in needs to be at least ${SEND_SESSION_ID_LENGTH} characters long and random, with only alphanumeric characters and underscore`,
			'Pick an existing session, or leave the field empty to start a new session with a generated ID',
		);
	}
	return id;
}

/** The session of the `messagesession` resource locator, required. */
function readSessionId(ctx: IExecuteSingleFunctions): string {
	return checkSessionId(
		ctx,
		readText(ctx, 'messagesession', 'Message Session', { required: true }),
		'Message Session',
	);
}

/** `/domains/{domain}/users/{user}/messagesessions/{messagesession}` */
export function sessionPath(ctx: IExecuteSingleFunctions, sessionId = readSessionId(ctx)): string {
	return `${userPath(ctx)}/messagesessions/${encodeURIComponent(sessionId)}`;
}

/** The user path or the domain path, by the listing's Scope field. */
export function scopePath(ctx: IExecuteSingleFunctions): string {
	const scope = readChoice(ctx, 'scope', 'Scope', ['user', 'domain']);
	return scope === 'user' ? userPath(ctx) : domainPath(ctx);
}

const SESSION_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const NEW_SESSION_ID_LENGTH = 40;

/** A new session ID: the API wants at least 32 random letters, digits or _ for a client-chosen ID. */
export function newSessionId(): string {
	let id = '';
	for (let i = 0; i < NEW_SESSION_ID_LENGTH; i++)
		id += SESSION_ID_ALPHABET[randomInt(SESSION_ID_ALPHABET.length)];
	return id;
}
