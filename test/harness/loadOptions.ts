import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialType, INode, INodeParameters, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { buildAdditionalData, credentialsHelperFor, nodeTypesFor } from './engine';

export interface LoadOptionsOptions {
	nodeType: INodeType;
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
}

/**
 * The context n8n's editor runs a node's `methods.loadOptions` / `methods.listSearch` in (n8n-core's
 * LoadOptionsContext), with the fixture credentials: call a method as `method.call(context, …)`.
 */
export function loadOptionsContext(options: LoadOptionsOptions): LoadOptionsContext {
	const { nodeTypes, typeName } = nodeTypesFor(options.nodeType);
	const credentialsHelper = credentialsHelperFor(options.credentialTypes ?? [], options.credentials);
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: Object.fromEntries(
			Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: type }]),
		),
	};
	const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, active: false, nodeTypes });
	return new LoadOptionsContext(workflow, node, buildAdditionalData(workflow, 'load-options', credentialsHelper), 'parameters');
}
