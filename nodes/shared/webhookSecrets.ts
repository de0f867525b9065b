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
 * A webhook secret derived from the node's credential and identity instead of stored. A real n8n 2.40
 * runs a delivery on the workflow's published data, where static data written by a trigger's `create()`
 * at activation is not visible (seen in the end-to-end run: `{}` in `webhook()`), so a secret kept there
 * would refuse every genuine delivery. Recomputing it from what both contexts have (the credential's stable,
 * user-entered secret material and the workflow / node / webhook ids) gives the same value in `create()` and
 * `webhook()`, and nobody without the credential can compute it.
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
