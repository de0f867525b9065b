import type { INodePropertyRouting } from 'n8n-workflow';
import { operationRouting, type OperationSpec } from '../../shared/operation';
import { evoVoiceErrors } from './errors';

/** Routing of an EvoVoice operation: shared flow control and ServiceStack error mapping. */
export function evoVoiceRouting(spec: OperationSpec): INodePropertyRouting {
	return operationRouting(spec, evoVoiceErrors);
}
