import { firstString, type ProviderErrorFormat } from '../../shared/errors';

function errorText(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		// HTML error pages are described by the foundation; plain text is SuperOffice's own message.
		if (text === '' || text.startsWith('<')) return undefined;
		return text.length > 300 ? `${text.slice(0, 300)}…` : text;
	}
	return undefined;
}

/**
 * SuperOffice documents no error shape: its answers carry `Error`, `ErrorType` and/or `Message` keys
 * when they are JSON, and plain text otherwise.
 */
export const superOfficeErrors: ProviderErrorFormat = {
	provider: 'SuperOffice',
	readMessage(body) {
		return firstString(body, ['Message', 'Error', 'message', 'error']) ?? errorText(body);
	},
	readDetail(body) {
		if (!body || typeof body !== 'object') return undefined;
		const message = firstString(body, ['Message', 'message']);
		const error = firstString(body, ['Error', 'error']);
		const type = firstString(body, ['ErrorType']);
		const parts = [type, message && error && error !== message ? error : undefined].filter(Boolean);
		return parts.length ? parts.join(': ') : undefined;
	},
};
