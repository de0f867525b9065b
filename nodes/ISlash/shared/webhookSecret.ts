/**
 * The iSlash Trigger's webhook secret: iSlash signs nothing, so the `?secret=` in the URL pasted into its
 * settings is the deliveries' only proof. It is kept in the iSlash credential (encrypted by n8n, never in a
 * workflow export) and must be one a stranger cannot guess.
 */

const MIN_SECRET_LENGTH = 32;

/** URL-safe: RFC 3986 unreserved characters only, so the secret reads back exactly as pasted into the URL. */
const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

/** Values that were shown in this package's README, field placeholders, examples or sandbox. */
const PUBLISHED = new Set([
	'9f2c7d4e1a8b6c3f5e0d2a4b',
	'sandbox-islash-webhook-secret',
	'e1f0c9b8a7d6e5f4c3b2a190',
]);

/** Why a webhook secret cannot be used, or undefined when it can. */
export function webhookSecretProblem(secret: string): string | undefined {
	if (secret === '') return 'is empty: generate one, e.g. with `openssl rand -hex 32`';
	if (!URL_SAFE.test(secret)) {
		return 'may hold only letters, digits and - . _ ~ (other characters change meaning in a URL): generate one, e.g. with `openssl rand -hex 32`';
	}
	if (secret.length < MIN_SECRET_LENGTH) {
		return `must be at least ${MIN_SECRET_LENGTH} characters: generate one, e.g. with \`openssl rand -hex 32\``;
	}
	if (
		PUBLISHED.has(secret.toLowerCase()) ||
		/^(.{1,16}?)\1+$/.test(secret) ||
		new Set(secret).size < 8
	) {
		return 'is a published, repeated or too simple value: generate one, e.g. with `openssl rand -hex 32`';
	}
	return undefined;
}
