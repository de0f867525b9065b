import { randomInt } from 'crypto';

const SESSION_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const NEW_SESSION_ID_LENGTH = 40;

/** A new session ID: the API wants at least 32 random letters, digits or _ for a client-chosen ID. */
export function newSessionId(): string {
	let id = '';
	for (let i = 0; i < NEW_SESSION_ID_LENGTH; i++)
		id += SESSION_ID_ALPHABET[randomInt(SESSION_ID_ALPHABET.length)];
	return id;
}
