import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Webhook secrets for the triggers: none of the providers' deliveries can be trusted on their own
 * (NetSapiens and iSlash sign nothing; SuperOffice signs with a secret we choose), so every trigger checks
 * a secret of its own on every delivery. A secret the trigger gives the provider at activation is random
 * and kept in the node's static data (CONTRIBUTING.md › Why: webhook secrets made at activation).
 */

/**
 * Compares a received secret or signature with the expected one in constant time. Both are hashed first,
 * so neither the content nor the length of the expected value leaks through timing.
 */
export function secretsMatch(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of the secrets (as written and URL-encoded) in an error's texts, nested objects
 * included (message, description, the provider's answer in `cause`, the stack), in place. A provider that
 * echoes a registered URL in an error would otherwise show a webhook secret in n8n's activation error.
 */
function withoutSecrets<E>(error: E, secrets: string[]): E {
	const hidden = [
		...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)])),
	].filter((secret) => secret.length > 0);
	if (hidden.length === 0) return error;
	const clean = (text: string) =>
		hidden.reduce((result, secret) => result.split(secret).join(REDACTED), text);
	const visited = new Set<object>();
	const walk = (value: object, depth: number) => {
		if (visited.has(value) || depth > 20) return;
		visited.add(value);
		for (const key of Object.getOwnPropertyNames(value)) {
			const descriptor = Object.getOwnPropertyDescriptor(value, key);
			if (!descriptor || !('value' in descriptor)) continue;
			const entry: unknown = descriptor.value;
			if (typeof entry === 'string' && descriptor.writable) {
				const cleaned = clean(entry);
				if (cleaned !== entry) (value as Record<string, unknown>)[key] = cleaned;
			} else if (entry && typeof entry === 'object') {
				walk(entry, depth + 1);
			}
		}
	};
	if (error && typeof error === 'object') walk(error, 0);
	return error;
}

/** Runs work whose errors may carry a webhook secret (a URL holding it), and throws them without it. */
export async function redactingSecrets<T>(secrets: string[], work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw withoutSecrets(error, secrets);
	}
}

/** A new random webhook secret: 32 bytes, hex (URL-safe). */
export function newWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}
