import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { buildAdditionalData, credentialsHelperFor, nodeTypesFor } from './engine';

export const TRIGGER_NAME = 'Trigger Under Test';

/** Each harness is its own workflow, so what a node remembers in process memory never leaks between tests. */
let workflowCount = 0;

/**
 * A trigger node type as a new n8n process loads it: its module (and everything it holds in memory) loaded
 * again in isolation, for `restart()`. `modulePath` is relative to the repository root.
 */
export function loadInNewProcess(modulePath: string, className: string): INodeType {
	let nodeType: INodeType | undefined;
	jest.isolateModules(() => {
		const loaded = jest.requireActual<Record<string, new () => INodeType>>(`../../${modulePath}`);
		nodeType = new loaded[className]();
	});
	if (!nodeType) throw new Error(`${className} not found in ${modulePath}`);
	return nodeType;
}

export interface TriggerOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
	/** The workflow's saved static data (what n8n keeps between activations and polls). */
	staticData?: IDataObject;
	/** The time budget n8n gives each poll (IPollFunctions.getPollBudgetMs); n8n-core's default when unset. */
	pollBudgetMs?: number;
	/** n8n's webhook base URL (WEBHOOK_URL + /webhook); the harness's loopback one when unset. */
	webhookBaseUrl?: string;
}

export interface Delivery {
	body?: unknown;
	/** The exact bytes received (default: the body as JSON); null: n8n kept none. */
	rawBody?: Buffer | null;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	method?: string;
	/** 'manual' for a test delivery ("Listen for test event"); a production delivery otherwise. */
	mode?: WorkflowExecuteMode;
}

export interface DeliveryResult extends IWebhookResponseData {
	/** What the node answered itself through the response object (status, body), if it did. */
	response: { status?: number; body?: unknown; ended: boolean };
	/** The items the workflow would start with (undefined: no execution started). */
	items?: INodeExecutionData[];
}

/**
 * A trigger node inside a real n8n-core Workflow: its webhook lifecycle methods run through n8n's
 * HookContext, deliveries through WebhookContext, polls through PollContext — the contexts n8n's
 * server builds — with static data kept and saved as n8n 2.40 keeps and saves it:
 * - `saved` is the workflow's database row. Activation and deactivation build a Workflow from it and save
 *   what the lifecycle method changed (`ActiveWorkflowManager.addWebhooks`, `deregisterWebhooks`).
 * - Each delivery builds its own Workflow from the row (`LiveWebhooks.executeWebhook`), so
 *   deliveries that run together each read the row before the others save, and the last save wins. A
 *   delivery's changes are saved when marked changed (there too), except when it returns `workflowData` and
 *   leaves the answer to n8n: `WorkflowRunner.run` then resets the changed flag first
 *   (`WorkflowRunner.establishContextForPersistence`), so nothing is saved.
 * - Polls run on the activated Workflow, kept in memory between polls and saved only when a poll emits
 *   (`TriggerExecutionContextFactory.getExecutePollFunctions`). `restart()` drops what was not saved.
 */
export class TriggerHarness {
	private active: Workflow;
	readonly node: INode;
	readonly credentialsHelper;
	private saved: IDataObject;
	private nodeTypes;
	private nodeType: INodeType;
	private readonly workflowId = `trigger-workflow-${++workflowCount}`;

	constructor(private readonly options: TriggerOptions) {
		const { nodeTypes, typeName } = nodeTypesFor(options.nodeType);
		this.credentialsHelper = credentialsHelperFor(
			options.credentialTypes ?? [],
			options.credentials,
		);
		this.node = {
			id: 'trigger-under-test',
			name: TRIGGER_NAME,
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			webhookId: 'b1f7c3de-0000-4000-8000-000000000001',
			credentials: Object.fromEntries(
				Object.keys(options.credentials ?? {}).map((type) => [
					type,
					{ id: `${type}-id`, name: type },
				]),
			),
		};
		this.nodeTypes = nodeTypes;
		this.nodeType = options.nodeType;
		this.saved = structuredClone(options.staticData ?? {});
		this.active = this.fromRow();
	}

	/** A Workflow built from the saved row, as n8n builds one for an activation or a delivery. */
	private fromRow(): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: structuredClone(this.saved),
			settings: {},
		});
	}

	/** `workflow-static-data.service.js` saveStaticData: writes the row only when marked changed. */
	private saveIfChanged(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged === true) {
			this.saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			workflow.staticData.__dataChanged = false;
		}
	}

	/** The workflow's static data as n8n's database holds it. */
	get staticData(): IDataObject {
		return this.saved;
	}

	/** The activated Workflow (the one polls run on). */
	get workflow(): Workflow {
		return this.active;
	}

	/**
	 * An n8n restart: what was only in memory is gone and the workflow is activated again from the row. Pass
	 * the node type loaded again ({@link loadInNewProcess}) to drop what the node's module held in memory too.
	 */
	restart(nodeType?: INodeType): void {
		if (nodeType) this.useProcess(nodeType);
		this.active = this.fromRow();
	}

	/** From now on, lifecycle calls, deliveries and polls run in the process that loaded this node type. */
	useProcess(nodeType: INodeType): void {
		this.nodeType = nodeType;
		this.nodeTypes = nodeTypesFor(nodeType).nodeTypes;
	}

	private additionalData(workflow: Workflow = this.active, extra: Record<string, unknown> = {}) {
		const base = this.options.webhookBaseUrl;
		return buildAdditionalData(workflow, 'trigger-execution', this.credentialsHelper, {
			...(base ? { webhookBaseUrl: base } : {}),
			...extra,
		});
	}

	private webhookData(workflow: Workflow = this.active): IWebhookData {
		const description = this.nodeType.description.webhooks?.[0];
		if (!description) throw new Error('node has no webhook');
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData(workflow),
			webhookId: this.node.webhookId,
		};
	}

	/** Runs a webhook lifecycle method (checkExists / create / delete) as n8n does on (de)activation. */
	async lifecycle(
		method: 'checkExists' | 'create' | 'delete',
		activation: WorkflowActivateMode = 'activate',
	) {
		const methods = this.nodeType.webhookMethods?.default;
		const fn = methods?.[method];
		if (!fn) throw new Error(`no webhook method ${method}`);
		const workflow = this.fromRow();
		const context = new HookContext(
			workflow,
			this.node,
			this.additionalData(workflow),
			'trigger',
			activation,
			this.webhookData(workflow),
		);
		const result = await fn.call(context);
		this.saveIfChanged(workflow);
		this.active = workflow;
		return result;
	}

	/** The URL n8n would register for this trigger's webhook. */
	webhookUrl(mode: WorkflowExecuteMode = 'trigger'): string {
		const context = new HookContext(
			this.active,
			this.node,
			this.additionalData(),
			mode,
			'activate',
			this.webhookData(),
		);
		return context.getNodeWebhookUrl('default') ?? '';
	}

	/** Delivers one HTTP request to the trigger's webhook method. */
	async deliver(delivery: Delivery): Promise<DeliveryResult> {
		const response: DeliveryResult['response'] = { ended: false };
		const res = {
			status(code: number) {
				response.status = code;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				response.ended = true;
				return res;
			},
			send(body?: unknown) {
				response.body = body;
				response.ended = true;
				return res;
			},
			end(body?: unknown) {
				if (body !== undefined) response.body = body;
				response.ended = true;
				return res;
			},
			setHeader: () => res,
			header: () => res,
		};
		const headers = Object.fromEntries(
			Object.entries(delivery.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
		);
		const rawBody =
			delivery.rawBody === null
				? undefined
				: (delivery.rawBody ??
					(delivery.body === undefined
						? undefined
						: Buffer.from(
								typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body),
							)));
		const req = {
			method: delivery.method ?? 'POST',
			body: delivery.body ?? {},
			rawBody,
			headers,
			query: delivery.query ?? {},
			params: {},
			readRawBody: async () => undefined,
		};
		// "Listen for test event" runs on a workflow of its own and never writes the live row (`test-webhooks.js`).
		const testMode = delivery.mode === 'manual';
		const workflow = this.fromRow();
		const context = new WebhookContext(
			workflow,
			this.node,
			this.additionalData(workflow, { httpRequest: req, httpResponse: res }),
			delivery.mode ?? 'webhook',
			this.webhookData(workflow),
			[],
			null,
		);
		const webhook = this.nodeType.webhook;
		if (!webhook) throw new Error('node has no webhook method');
		const result = await webhook.call(context);
		const startsExecutionAnsweredByN8n =
			result.workflowData !== undefined && result.noWebhookResponse !== true;
		if (!startsExecutionAnsweredByN8n && !testMode) this.saveIfChanged(workflow);
		return { ...result, response, items: result.workflowData?.[0] };
	}

	/** Runs one poll (mode 'manual' is the editor's "fetch test event"). */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[] | null> {
		const poll = this.nodeType.poll;
		if (!poll) throw new Error('node has no poll method');
		const budget = this.options.pollBudgetMs;
		const context = new PollContext(
			this.active,
			this.node,
			this.additionalData(),
			mode,
			'activate',
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			budget === undefined ? undefined : () => budget,
		);
		const result = await poll.call(context);
		if (result && mode !== 'manual') this.saveIfChanged(this.active);
		return result ? result[0] : null;
	}
}
