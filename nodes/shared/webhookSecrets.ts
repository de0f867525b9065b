import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * Webhook secrets for the triggers: none of the providers' deliveries can be trusted on their own
 * (NetSapiens and iSlash sign nothing; SuperOffice signs with a secret we choose), so every trigger checks
 * a secret of its own on every delivery.
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

/**
 * A webhook secret derived from the node's credential and identity instead of stored. n8n keeps a
 * trigger's static data in plain text in the workflow's database row, outside the encrypted credentials;
 * a derived secret is never written anywhere, and recomputing it from what both contexts have (the
 * credential's stable, user-entered secret material and the workflow / node / webhook ids) gives the same
 * value in `create()` and `webhook()`. Nobody without the credential can compute it.
 */
export function deriveWebhookSecret(material: string[], ids: string[]): string {
	return createHmac('sha256', material.join('\u0000')).update(ids.join('\u0000')).digest('hex');
}

/** The ids a trigger's derived secret is bound to, the same in its hook and webhook contexts. */
export function webhookIdentity(ctx: {
	getWorkflow(): { id?: string };
	getNode(): { id?: string; name: string; webhookId?: string };
}): string[] {
	const node = ctx.getNode();
	return [String(ctx.getWorkflow().id ?? ''), node.id ?? node.name, node.webhookId ?? ''];
}
