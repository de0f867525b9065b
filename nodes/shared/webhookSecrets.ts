import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Webhook secrets for the triggers: none of the providers' deliveries can be trusted on their own
 * (NetSapiens and iSlash sign nothing; SuperOffice signs with a secret we choose), so every trigger checks
 * a secret of its own on every delivery.
 */

/** A fresh random secret (hex) for a webhook registration. */
export function newWebhookSecret(bytes = 32): string {
	return randomBytes(bytes).toString('hex');
}

/**
 * Compares a received secret or signature with the expected one in constant time. Both are hashed first,
 * so neither the content nor the length of the expected value leaks through timing.
 */
export function secretsMatch(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}
