import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { buildAdditionalData, credentialsHelperFor, nodeTypesFor } from './engine';

export interface LoadOptionsOptions {
	nodeType: INodeType;
	/** The node's current parameters (what the editor sends along). */
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
	const credentialsHelper = credentialsHelperFor(
		options.credentialTypes ?? [],
		options.credentials,
	);
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: Object.fromEntries(
			Object.keys(options.credentials ?? {}).map((type) => [
				type,
				{ id: `${type}-id`, name: `${type} fixture` },
			]),
		),
	};
	const workflow = new Workflow({
		id: 'load-options',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const additionalData = buildAdditionalData(workflow, 'load-options', credentialsHelper, {
		currentNodeParameters: node.parameters,
	});
	return new LoadOptionsContext(workflow, node, additionalData, '');
}

export interface ListSearchOptions extends LoadOptionsOptions {
	/** The name under `methods.listSearch`. */
	method: string;
	filter?: string;
	paginationToken?: string;
}

/** Runs a resource locator's list search the way the editor's "From List" mode does. */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const search = options.nodeType.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`no list search ${options.method}`);
	return await search.call(loadOptionsContext(options), options.filter, options.paginationToken);
}
