import type { ProviderErrorFormat } from '../../shared/errors';
import { firstString } from '../../shared/errors';

/** ns-api v2 errors: {"code": <int>, "message": "<text>"} (ErrorResponse in the OpenAPI spec). */
export const netSapiensErrors: ProviderErrorFormat = {
	provider: 'NetSapiens',
	readMessage(body) {
		return firstString(body, ['message', 'error_description', 'error']);
	},
};
