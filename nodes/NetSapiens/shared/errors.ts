import type { ProviderErrorFormat } from '../../shared/errors';
import { firstString } from '../../shared/errors';

/** ns-api v2 errors: {"code": <int>, "message": "<text>"} (ErrorResponse in the OpenAPI spec). */
export const netSapiensErrors: ProviderErrorFormat = {
	provider: 'NetSapiens',
	readMessage(body) {
		return firstString(body, ['message', 'error_description', 'error']);
	},
};

/** What a core answers for a route it does not serve: 404 {"code":404,"message":"No Route Found [92]"}. */
const NO_ROUTE = /no\s+route\s+found/i;

/**
 * netSapiensErrors, plus what the operation needs when the core answers that it has no such route (for the
 * operations older cores lack).
 */
export function netSapiensErrorsRequiring(requirement: string): ProviderErrorFormat {
	return {
		...netSapiensErrors,
		readMessage(body) {
			const message = netSapiensErrors.readMessage(body);
			return message && NO_ROUTE.test(message) ? `${message}: ${requirement}` : message;
		},
	};
}
