import { Container } from '@n8n/di';
import {
	generateUrlSignature,
	InstanceSettings,
	prepareUrlForSigning,
	WebhookContext,
} from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { buildAdditionalData, NODE_NAME, type RunResult } from './engine';
import { recordOutputSample } from './outputSamples';

export interface Answer {
	method: 'GET' | 'POST';
	/** The request's URL as n8n received it (path and query). */
	url: string;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface AnswerResult extends IWebhookResponseData {
	/** What the node wrote to the response object. */
	response: { status?: number; headers: Record<string, string>; body?: string; ended: boolean };
	/** The resumed node's output items (undefined: the execution keeps waiting). */
	items?: INodeExecutionData[];
}

/**
 * The reply links in a sent text: n8n's waiting-webhook address for this execution and node, signed.
 */
export function resumeLinks(text: string): string[] {
	return text.match(/https?:\/\/\S+\/webhook-waiting\/\S+/g) ?? [];
}

/**
 * Whether n8n's waiting-webhook handler would accept the link: the HMAC it checks (n8n 2.40.7
 * `WaitingWebhooks.validateSignature`, n8n-core `validateUrlSignature`) over path and query.
 */
export function isValidlySigned(link: string): boolean {
	const url = new URL(link);
	const signature = url.searchParams.get('signature');
	const secret = Container.get(InstanceSettings).hmacSignatureSecret;
	return signature === generateUrlSignature(prepareUrlForSigning(url), secret);
}

/**
 * Delivers one request to the node's waiting webhook as n8n's `WaitingWebhooks` does for a waiting
 * execution: the webhook of the request's method, a WebhookContext over the execution's data (so the node's
 * fields evaluate against its input), the execution's ID in the additional data.
 */
export async function answerWaiting(waiting: RunResult, answer: Answer): Promise<AnswerResult> {
	const { workflow, run, executionId } = waiting;
	const node = workflow.getNode(NODE_NAME);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node!.type, node!.typeVersion);
	const description = nodeType.description.webhooks?.find(
		(webhook) => webhook.httpMethod === answer.method && webhook.restartWebhook === true,
	);
	if (!node || !description || !nodeType.webhook) throw new Error('node has no waiting webhook');
	const response: AnswerResult['response'] = { headers: {}, ended: false };
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return res;
		},
		end(body?: string) {
			response.body = body;
			response.ended = true;
			return res;
		},
	};
	const url = new URL(answer.url, 'http://localhost:5678');
	const req = {
		method: answer.method,
		url: `${url.pathname}${url.search}`,
		body: answer.body ?? {},
		headers: answer.headers ?? {},
		query: Object.fromEntries(url.searchParams),
		params: {},
	};
	const additionalData = buildAdditionalData(workflow, executionId, waiting.credentialsHelper, {
		httpRequest: req,
		httpResponse: res,
	});
	const webhookData: IWebhookData = {
		httpMethod: answer.method,
		node: node.name,
		path: node.id,
		webhookDescription: description,
		workflowId: workflow.id ?? '',
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		run.data,
	);
	const result = await nodeType.webhook.call(context);
	const items = result.workflowData?.[0];
	if (items) recordOutputSample(nodeType.description, { parameters: node.parameters }, items);
	return { ...result, response, items };
}

/** The input items the waiting node holds (what passes through when the wait's limit is reached). */
export function waitingInput(waiting: RunResult): IDataObject[] {
	const entry = waiting.run.data.executionData?.nodeExecutionStack[0];
	return (entry?.data.main[0] ?? []).map((item) => item.json);
}
