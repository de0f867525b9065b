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

export interface TriggerOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
	/** The workflow's saved static data (what n8n keeps between activations and polls). */
	staticData?: IDataObject;
	/** The time budget n8n gives each poll (IPollFunctions.getPollBudgetMs); n8n-core's default when unset. */
	pollBudgetMs?: number;
}

export interface Delivery {
	body?: unknown;
	/** The exact bytes received, when the node checks a signature over them. */
	rawBody?: Buffer;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	method?: string;
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
 * server builds — with static data kept on the workflow between calls, as an active workflow keeps it.
 */
export class TriggerHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly credentialsHelper;

	constructor(private readonly options: TriggerOptions) {
		const { nodeTypes, typeName } = nodeTypesFor(options.nodeType);
		this.credentialsHelper = credentialsHelperFor(options.credentialTypes ?? [], options.credentials);
		this.node = {
			id: 'trigger-under-test',
			name: TRIGGER_NAME,
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			webhookId: 'b1f7c3de-0000-4000-8000-000000000001',
			credentials: Object.fromEntries(
				Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: type }]),
			),
		};
		this.workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: options.staticData ?? {},
			settings: {},
		});
	}

	get staticData(): IDataObject {
		return this.workflow.staticData;
	}

	private additionalData(extra: Record<string, unknown> = {}) {
		return buildAdditionalData(this.workflow, 'trigger-execution', this.credentialsHelper, extra);
	}

	private webhookData(): IWebhookData {
		const description = this.options.nodeType.description.webhooks?.[0];
		if (!description) throw new Error('node has no webhook');
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
		};
	}

	/** Runs a webhook lifecycle method (checkExists / create / delete) as n8n does on (de)activation. */
	async lifecycle(method: 'checkExists' | 'create' | 'delete', activation: WorkflowActivateMode = 'activate') {
		const methods = this.options.nodeType.webhookMethods?.default;
		const fn = methods?.[method];
		if (!fn) throw new Error(`no webhook method ${method}`);
		const context = new HookContext(this.workflow, this.node, this.additionalData(), 'trigger', activation, this.webhookData());
		return await fn.call(context);
	}

	/** The URL n8n would register for this trigger's webhook. */
	webhookUrl(mode: WorkflowExecuteMode = 'trigger'): string {
		const context = new HookContext(this.workflow, this.node, this.additionalData(), mode, 'activate', this.webhookData());
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
			delivery.rawBody ??
			(delivery.body === undefined ? undefined : Buffer.from(typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body)));
		const req = {
			method: delivery.method ?? 'POST',
			body: delivery.body ?? {},
			rawBody,
			headers,
			query: delivery.query ?? {},
			params: {},
			readRawBody: async () => undefined,
		};
		const context = new WebhookContext(
			this.workflow,
			this.node,
			this.additionalData({ httpRequest: req, httpResponse: res }),
			'trigger',
			this.webhookData(),
			[],
			null,
		);
		const webhook = this.options.nodeType.webhook;
		if (!webhook) throw new Error('node has no webhook method');
		const result = await webhook.call(context);
		return { ...result, response, items: result.workflowData?.[0] };
	}

	/** Runs one poll (mode 'manual' is the editor's "fetch test event"). */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[] | null> {
		const poll = this.options.nodeType.poll;
		if (!poll) throw new Error('node has no poll method');
		const budget = this.options.pollBudgetMs;
		const context = new PollContext(
			this.workflow,
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
		return result ? result[0] : null;
	}
}
