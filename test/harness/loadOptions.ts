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

export interface ListSearchOptions {
	nodeType: INodeType;
	/** The name under `methods.listSearch`. */
	method: string;
	/** The node's current parameters (what the editor sends along). */
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
	filter?: string;
	paginationToken?: string;
}

/**
 * Runs a resource locator's list search through n8n-core's LoadOptionsContext — the context the
 * editor's "From List" mode gets — so its requests go out authenticated through n8n's HTTP stack.
 */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const { nodeTypes, typeName } = nodeTypesFor(options.nodeType);
	const credentialsHelper = credentialsHelperFor(options.credentialTypes ?? [], options.credentials);
	const node: INode = {
		id: 'list-search-node',
		name: 'List Search Node',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: Object.fromEntries(
			Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} fixture` }]),
		),
	};
	const workflow = new Workflow({ id: 'list-search', nodes: [node], connections: {}, active: false, nodeTypes, settings: {} });
	const additionalData = buildAdditionalData(workflow, 'list-search', credentialsHelper, {
		currentNodeParameters: node.parameters,
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	const search = options.nodeType.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`no list search ${options.method}`);
	return await search.call(context, options.filter, options.paginationToken);
}
