import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The longest address a credential's URL or host field may hold. Base URLs are far shorter; the cap
 * bounds the work done on every request (`authenticate` reads the field each time).
 */
const MAX_URL_FIELD_LENGTH = 2048;

/**
 * A credential's URL or host field, trimmed, at most MAX_URL_FIELD_LENGTH characters. Throws naming
 * the field, without its value (n8n shows the message where the credential is used).
 */
export function urlFieldText(value: unknown, label: string, provider: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text.length > MAX_URL_FIELD_LENGTH) {
		throw new Error(
			`${provider} credential: ${label} is longer than ${MAX_URL_FIELD_LENGTH} characters; enter the API's address`,
		);
	}
	return text;
}

/** Drops trailing slashes in linear time (`/\/+$/` backtracks quadratically on a long run of slashes). */
export function trimTrailingSlashes(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
	return text.slice(0, end);
}

/**
 * A warning under a credential's address field, shown while it starts with `http://`: Basic
 * passwords, API keys and tokens then cross the network unencrypted. Plain http is warned about, not
 * refused: onsite servers (SuperOffice onsite, NetSapiens behind an internal proxy) and loopback test
 * servers legitimately serve it.
 */
export function plainHttpNotice(
	field: string,
	show: NonNullable<IDisplayOptions['show']> = {},
): INodeProperties {
	return {
		displayName:
			'This address uses plain http://: the credential’s password, key or token will cross the network unencrypted. Use https:// unless the server is on this machine or a network you trust.',
		name: `${field}PlainHttpNotice`,
		type: 'notice',
		default: '',
		displayOptions: { show: { ...show, [field]: [{ _cnd: { startsWith: 'http://' } }] } },
	};
}
