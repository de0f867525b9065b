import type { IDataObject } from 'n8n-workflow';
import type { ProviderErrorFormat } from '../../shared/errors';

/** The only success code iSlash documents. */
export const RESP_OKAY = 'RESP_OKAY';

function meta(body: unknown): IDataObject | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const value = (body as IDataObject).meta;
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * iSlash answers `{meta: {code, message, trace_id?}, data}`. Only RESP_OKAY is documented as success;
 * any other code is a failure even with HTTP 200, and its trace id is what iSlash support asks for.
 */
export const iSlashErrors: ProviderErrorFormat = {
	provider: 'iSlash',
	readMessage(body) {
		return text(meta(body)?.message) ?? text((body as IDataObject | undefined)?.message);
	},
	readDetail(body) {
		const m = meta(body);
		if (!m) return undefined;
		const parts = [
			text(m.code) && m.code !== RESP_OKAY ? `iSlash code ${String(m.code)}` : undefined,
			text(m.trace_id) ? `trace ID ${String(m.trace_id)}` : undefined,
		].filter(Boolean);
		return parts.length ? parts.join(', ') : undefined;
	},
	failureIn2xx(body) {
		const m = meta(body);
		if (!m)
			return 'iSlash answered without its status block (meta): check the API host in the credential';
		if (m.code === RESP_OKAY) return undefined;
		return text(m.message) ?? `iSlash answered ${text(m.code) ?? 'without a status code'}`;
	},
};
