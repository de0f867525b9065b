import type { INodePropertyRouting } from 'n8n-workflow';
import type { ProviderErrorFormat } from '../../shared/errors';
import { operationRouting, type OperationSpec } from '../../shared/operation';
import { netSapiensErrors } from './errors';

/** What a core answers for a route it does not serve: 404 {"code":404,"message":"No Route Found [92]"}. */
const NO_ROUTE = /no\s+route\s+found/i;

/** The provider's message, plus what the operation needs when the core answers that it has no such route. */
function withRequirement(requirement: string): ProviderErrorFormat {
	return {
		...netSapiensErrors,
		readMessage(body) {
			const message = netSapiensErrors.readMessage(body);
			return message && NO_ROUTE.test(message) ? `${message}: ${requirement}` : message;
		},
	};
}

/**
 * Routing of a NetSapiens operation. A 401 is let through as an error so n8n fetches a new token
 * (the credential's preAuthentication) and retries the request once; every other status is read by
 * the shared provider-error check. `requirement` says which core an operation needs, for the operations
 * older cores lack.
 */
export function netSapiensRouting(
	spec: OperationSpec,
	{ requirement }: { requirement?: string } = {},
): INodePropertyRouting {
	const format = requirement ? withRequirement(requirement) : netSapiensErrors;
	return operationRouting(spec, format, { ignore: true, except: [401] });
}
