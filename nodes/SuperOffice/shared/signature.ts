import { createHmac, timingSafeEqual } from 'crypto';

/**
 * SuperOffice signs each delivery with `X-SuperOffice-Signature` = base64(HMAC-SHA256(secret, raw body)).
 * The exact bytes received are hashed (a re-serialised body would differ) and the two base64 texts
 * compared in constant time.
 */
export function isValidSignature(secret: string, rawBody: Buffer, signature: string): boolean {
	const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('base64'), 'utf8');
	const given = Buffer.from(signature.trim(), 'utf8');
	return expected.length === given.length && timingSafeEqual(expected, given);
}
