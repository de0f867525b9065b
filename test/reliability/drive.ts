import nock from 'nock';
import { isDeepStrictEqual } from 'util';
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { RunResult } from '../harness/engine';
import { parseMultipart, type CapturedRequest } from '../nodes/ISlash/fixtures';
import type { ParameterPatch, SendOperation } from './matrix';

/** How the matrix drives one send operation through the real engine. */

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = target;
	for (const key of keys.slice(0, -1)) {
		const next = current[key];
		current = (current[key] =
			next && typeof next === 'object' ? { ...(next as object) } : {}) as Record<string, unknown>;
	}
	const last = keys[keys.length - 1];
	if (value === undefined) delete current[last];
	else current[last] = value;
}

export function patched(parameters: INodeParameters, patch: ParameterPatch = {}): INodeParameters {
	const result = structuredClone(parameters) as Record<string, unknown>;
	for (const [path, value] of Object.entries(patch)) setPath(result, path, value);
	return result as INodeParameters;
}

/** Input items: each with `json.id` = its index and the operation's valid binary data. */
export function inputItems(op: SendOperation, count = 1): INodeExecutionData[] {
	return Array.from({ length: count }, (_, id) => ({
		json: { id },
		...(op.binary ? { binary: structuredClone(op.binary) } : {}),
	}));
}

export interface Drive {
	set?: ParameterPatch;
	items?: INodeExecutionData[];
	onError?: INode['onError'];
	requestOptions?: IDataObject;
}

/** Runs the operation; anything thrown out of the engine is returned, never lost. */
export async function drive(
	op: SendOperation,
	options: Drive = {},
): Promise<{ result?: RunResult; thrown?: unknown }> {
	const parameters = patched(op.parameters, options.set);
	if (options.requestOptions) parameters.requestOptions = options.requestOptions as INodeParameters;
	try {
		const result = await op.provider.run({
			parameters,
			items: options.items ?? inputItems(op),
			onError: options.onError,
		});
		return { result };
	} catch (thrown) {
		return { thrown };
	}
}

/** The parameter value that puts each item's reference into the operation's text field. */
export const REF_EXPRESSION = '={{ "ref-" + $json.id + "." }}';
const REF = /ref-(\d+)\./;

/** The item reference a request body carries (JSON text or multipart text), if any. */
export function refOf(body: unknown): number | undefined {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const match = REF.exec(text);
	return match ? Number(match[1]) : undefined;
}

/** Counts requests per item reference on a scope ('request' fires once per matched request). */
export function countRequests(scope: nock.Scope, into: Map<number | 'none', number>): nock.Scope {
	scope.on('request', (_req: unknown, _interceptor: unknown, body: string) => {
		const ref = refOf(body) ?? 'none';
		into.set(ref, (into.get(ref) ?? 0) + 1);
	});
	return scope;
}

export const total = (counts: Map<unknown, number>) =>
	[...counts.values()].reduce((a, b) => a + b, 0);

/** A captured request's body: multipart parts by name, or the parsed JSON. */
export async function decodeBody(request: CapturedRequest): Promise<IDataObject> {
	if (/^multipart\/form-data/.test(String(request.headers['content-type']))) {
		return Object.fromEntries(await parseMultipart(request)) as IDataObject;
	}
	return JSON.parse(request.body.toString('utf8')) as IDataObject;
}

/** Differences between an actual and an expected request, as readable problems. */
export async function requestProblems(
	seen: CapturedRequest[],
	expected: { path: string; body: IDataObject },
): Promise<string[]> {
	if (seen.length !== 1) return [`expected 1 request, saw ${seen.length}`];
	const problems: string[] = [];
	if (seen[0].path !== expected.path)
		problems.push(`path ${seen[0].path}, expected ${expected.path}`);
	const body = await decodeBody(seen[0]);
	if (!isDeepStrictEqual(body, expected.body)) {
		problems.push(`body ${JSON.stringify(body)}, expected ${JSON.stringify(expected.body)}`);
	}
	return problems;
}

/** Expected body after an accepted case's changes (`undefined` values remove a key). */
export function changedBody(body: IDataObject, changes: IDataObject): IDataObject {
	const result: IDataObject = { ...body };
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined) delete result[key];
		else result[key] = value;
	}
	return result;
}

/** The run error as the engine leaves it (a plain serialized object). */
export interface RunError {
	name?: string;
	message?: string;
	description?: string | null;
	httpCode?: string | null;
	context?: { itemIndex?: number };
}

export const runError = (result: RunResult | undefined) => result?.error as RunError | undefined;

export const NODE_ERRORS = ['NodeOperationError', 'NodeApiError'];

export { nock };
