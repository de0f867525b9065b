import type { INodePropertyRouting } from 'n8n-workflow';
import { operationRouting, type OperationSpec } from '../../shared/operation';
import { iSlashErrors } from './errors';

/** Routing of an iSlash operation: shared flow control and meta.code error mapping. */
export function iSlashRouting(spec: OperationSpec): INodePropertyRouting {
	return operationRouting(spec, iSlashErrors);
}
