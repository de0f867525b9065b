import type { INodePropertyRouting } from 'n8n-workflow';
import { operationRouting, type OperationSpec } from '../../shared/operation';
import { superOfficeErrors } from './errors';
import { connect, credentialTypeOf, statusErrorHandling } from './transport';

/**
 * Routing of a SuperOffice operation: the spec's own checks and request, then the tenant address,
 * locale headers and 401 handling of the selected credential.
 */
export function superOfficeRouting(spec: OperationSpec): INodePropertyRouting {
	return operationRouting(
		{
			...spec,
			async build(request) {
				await spec.build?.call(this, request);
				const type = credentialTypeOf(
					this.getNodeParameter('authentication', 'superOfficeMessagingApi'),
				);
				connect(this.getNode(), await this.getCredentials(type), request);
				request.ignoreHttpStatusErrors = statusErrorHandling(type);
			},
		},
		superOfficeErrors,
	);
}
