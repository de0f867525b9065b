import { createHmac } from 'crypto';
import { secretsMatch } from '../../shared/webhookSecrets';

/**
 * SuperOffice signs each delivery with `X-SuperOffice-Signature` = base64(HMAC-SHA256(secret, raw body)).
 * The exact bytes received are hashed (a re-serialised body would differ) and the two base64 texts
 * compared in constant time.
 */
export function isValidSignature(secret: string, rawBody: Buffer, signature: string): boolean {
	return secretsMatch(
		signature.trim(),
		createHmac('sha256', secret).update(rawBody).digest('base64'),
	);
}
