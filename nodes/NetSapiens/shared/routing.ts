import type { INodePropertyRouting } from 'n8n-workflow';
import { operationRouting, type OperationSpec } from '../../shared/operation';
import { netSapiensErrors } from './errors';

/**
 * Routing of a NetSapiens operation. A 401 is let through as an error so n8n fetches a new token
 * (the credential's preAuthentication) and retries the request once; every other status is read by
 * the shared provider-error check.
 */
export function netSapiensRouting(spec: OperationSpec): INodePropertyRouting {
	return operationRouting(spec, netSapiensErrors, { ignore: true, except: [401] });
}
