import { DirectoryLoader, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';
import { FixtureCredentialsHelper } from './credentials';
import { recordOutputSample } from './outputSamples';

/** Stands in for n8n's Manual Trigger: it hands the test's items to the node under test. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the test workflow',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	}
}

export interface RunOptions {
	/** The node class under test (e.g. `new EvoVoice()`). */
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Input items (json, and binary where needed). */
	items?: INodeExecutionData[];
	/** Credential type name → stored data. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Credential type classes known to the run. */
	credentialTypes?: ICredentialType[];
	/** n8n's Continue On Fail setting: regular output, error output, or stop (default). */
	onError?: INode['onError'];
	/** Reuse a helper across runs (token kept between runs, as n8n's database keeps it). */
	credentialsHelper?: FixtureCredentialsHelper;
	executionId?: string;
	/**
	 * The ID of the node's stored credential. Flow control paces each account by it across executions, as
	 * one n8n process does; by default each run has its own, so tests do not slow each other down.
	 */
	credentialId?: string;
}

export interface RunResult {
	/** Items of the node's main output. */
	main: INodeExecutionData[];
	/** Items of its error output (onError = continueErrorOutput). */
	errorOutput: INodeExecutionData[];
	/** The error that stopped the run, if any. */
	error?: IRun['data']['resultData']['error'];
	credentialsHelper: FixtureCredentialsHelper;
	run: IRun;
	/** The workflow it ran in and its execution ID (a waiting execution is resumed in them). */
	workflow: Workflow;
	executionId: string;
}

export const NODE_NAME = 'Node Under Test';

/** What n8n's server hands the engine for one execution: credentials, hooks, base URLs. */
export function buildAdditionalData(
	workflow: Workflow,
	executionId: string,
	credentialsHelper: FixtureCredentialsHelper,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflow as never);
	return {
		credentialsHelper,
		hooks,
		executionId,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		// As n8n's server builds them (instance URL + endpoint name): no trailing slash, since
		// getNodeWebhookUrl joins base URL and path with one.
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		executeWorkflow: async () => {
			throw new Error('not available in tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not available in tests');
		},
		currentNodeExecutionIndex: 0,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

const prepared = new WeakSet<INodeType>();

/** n8n's node registry for a test: the node under test plus the stand-in Manual Trigger. */
export function nodeTypesFor(nodeType: INodeType): { nodeTypes: INodeTypes; typeName: string } {
	// As n8n's loader does: declarative nodes get the common Request Options (batching, timeout, proxy).
	if (!prepared.has(nodeType)) {
		DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
		prepared.add(nodeType);
	}
	const typeName = `test.${nodeType.description.name}`;
	const pick = (name: string) => (name === typeName ? nodeType : new ManualTrigger());
	return {
		typeName,
		nodeTypes: {
			getByName: pick,
			getByNameAndVersion: (name, version) =>
				withRoutingExecute(NodeHelpers.getVersionedNodeType(pick(name), version)),
			getKnownTypes: () => ({}),
		},
	};
}

/**
 * As n8n's `NodeTypes.getByNameAndVersion` (n8n 2.40.7 packages/cli node-types.ts, with `shouldAssignExecuteMethod`
 * from its utils.ts): a declarative node gets an `execute` that runs the RoutingNode. Without it n8n-core
 * falls back to `executeDeclarativeNodeInTest`, whose `prepareConnectionInputData` gives a node that has a
 * `webhook()` (Send and Wait) no input, so every `={{ $json… }}` of a routed operation would fail here
 * while it works in n8n.
 */
export function withRoutingExecute(nodeType: INodeType): INodeType {
	const isDeclarative = nodeType.description?.requestDefaults !== undefined;
	const assign =
		!nodeType.execute &&
		!nodeType.supplyData &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || isDeclarative) &&
		(!nodeType.methods || isDeclarative);
	if (assign) {
		nodeType.execute = async function (this: IExecuteFunctions) {
			const routingNode = new RoutingNode(this as ExecuteContext, nodeType);
			return (await routingNode.runNode()) ?? [];
		};
	}
	return nodeType;
}

let executionCounter = 0;

export function credentialsHelperFor(
	credentialTypes: ICredentialType[],
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
): FixtureCredentialsHelper {
	const helper = new FixtureCredentialsHelper(
		new Map(credentialTypes.map((type) => [type.name, type])),
	);
	for (const [type, data] of Object.entries(credentials)) helper.store.set(type, { ...data });
	return helper;
}

/**
 * Runs Manual Trigger → node under test through n8n-core's real WorkflowExecute, so the node's
 * description is interpreted by the real declarative RoutingNode and its requests go out through
 * n8n's real HTTP stack (where nock sees them exactly as a provider would).
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeType = options.nodeType;
	const description = nodeType.description;
	const { nodeTypes, typeName } = nodeTypesFor(nodeType);

	const credentialsHelper =
		options.credentialsHelper ??
		credentialsHelperFor(options.credentialTypes ?? [], options.credentials);
	const executionId = options.executionId ?? `test-execution-${++executionCounter}`;
	const nodeCredentials = Object.fromEntries(
		Object.keys(options.credentials ?? Object.fromEntries(credentialsHelper.store)).map((type) => [
			type,
			{ id: options.credentialId ?? `${type}-${executionId}`, name: `${type} fixture` },
		]),
	);

	const trigger: INode = {
		id: 'trigger',
		name: 'Manual Trigger',
		type: 'test.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodeUnderTest: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: typeName,
		typeVersion: Array.isArray(description.version)
			? Math.max(...description.version)
			: description.version,
		position: [200, 0],
		parameters: options.parameters,
		credentials: nodeCredentials,
		onError: options.onError,
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes: [trigger, nodeUnderTest],
		connections: {
			[trigger.name]: { main: [[{ node: NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		active: false,
		nodeTypes,
		settings: {},
	});

	const additionalData = buildAdditionalData(workflow, executionId, credentialsHelper);

	const items = options.items ?? [{ json: {} }];
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: trigger, data: { main: [items] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const outputs = run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main ?? [];
	// A waiting execution's output is its input passing through: the operation's output is what resumes it
	// (recorded by answerWaiting).
	if (!run.data.resultData.error && !run.data.waitTill)
		recordOutputSample(description, options, (outputs[0] ?? []) as INodeExecutionData[]);
	return {
		main: (outputs[0] ?? []) as INodeExecutionData[],
		errorOutput: (outputs[1] ?? []) as INodeExecutionData[],
		error: run.data.resultData.error,
		credentialsHelper,
		run,
		workflow,
		executionId,
	};
}
