import type { INodePropertyRouting } from 'n8n-workflow';
import { operationRouting, type OperationSpec } from '../../shared/operation';
import { netSapiensErrors, netSapiensErrorsRequiring } from './errors';

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
	const format = requirement ? netSapiensErrorsRequiring(requirement) : netSapiensErrors;
	return operationRouting(spec, format, { ignore: true, except: [401] });
}
