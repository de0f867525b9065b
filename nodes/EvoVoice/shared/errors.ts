import type { IDataObject } from 'n8n-workflow';
import type { ProviderErrorFormat } from '../../shared/errors';

function responseStatus(body: unknown): IDataObject | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const status = (body as IDataObject).responseStatus ?? (body as IDataObject).ResponseStatus;
	return status && typeof status === 'object' ? (status as IDataObject) : undefined;
}

/** ServiceStack errors: {responseStatus: {errorCode, message, errors: [{errorCode, fieldName, message}]}}. */
export const evoVoiceErrors: ProviderErrorFormat = {
	provider: 'EvoVoice',
	readMessage(body) {
		const status = responseStatus(body);
		const message = status?.message ?? status?.errorCode;
		return typeof message === 'string' && message !== '' ? message : undefined;
	},
	readDetail(body) {
		const errors = responseStatus(body)?.errors;
		if (!Array.isArray(errors) || errors.length === 0) return undefined;
		return (errors as IDataObject[])
			.map((e) => [e.fieldName, e.message ?? e.errorCode].filter(Boolean).join(': '))
			.join('; ');
	},
};
