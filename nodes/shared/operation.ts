import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { checkProviderResponse, toNodeError, type ProviderErrorFormat } from './errors';
import { readFlowSettings, withFlowControl } from './flowControl';
import { errorItem, pairItems } from './pairing';

export type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/** How a listing endpoint is paged. */
export interface Paging {
	/** The largest page the provider serves. */
	maxPageSize: number;
	/** Puts page `page` (0-based) of `size` rows on the request; false when the API cannot page further. */
	setPage(request: RequestOptions, page: number, size: number): boolean;
}

/**
 * One operation of a provider node. The declarative engine builds the request skeleton from the
 * operation's routing; `build` then does in plain JS what must not be left to chance: it validates
 * every field (throwing a NodeOperationError that names it, before anything is sent), encodes path
 * values, and writes the body the provider documents. What `build` returns reaches `finish` (values read
 * or made while building, such as a generated session ID), so nothing is read twice.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs of different Built types share one list
export interface OperationSpec<Built = any> {
	method: IHttpRequestMethods;
	/** Static path; `build` may replace it when it holds path values. */
	url?: string;
	build?(this: IExecuteSingleFunctions, request: RequestOptions): Promise<Built> | Built;
	/** Listing operations: the rows of an answer body (each becomes an output item). */
	rows?(body: unknown): IDataObject[];
	/** With `rows`: how to page. The node then honours its Return All / Limit parameters. */
	paging?: Paging;
	/** Shapes a successful answer's items (e.g. adds the session id a provider does not echo). */
	finish?(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		request: RequestOptions,
		built: Built,
	): INodeExecutionData[];
}

/**
 * Request bodies made only once the request holds its flow-control slot (bodyWhenSending), by request.
 * A media body (the file read, base64-encoded or in a multipart form) made in `build` would be made for
 * every item at once: n8n's engine runs `build` for all items before any slot is free, so memory would
 * grow with items × file size. Made in the slot, at most Max Requests In Flight bodies exist at a time.
 */
const lateBodies = new WeakMap<
	object,
	(this: IExecuteSingleFunctions) => Promise<RequestOptions['body']>
>();

/** For `build`: the request's body is `make()`'s result, made only once the request may leave. */
export function bodyWhenSending(
	request: RequestOptions,
	make: (this: IExecuteSingleFunctions) => Promise<RequestOptions['body']>,
): void {
	lateBodies.set(request, make);
}

/** No listing walks further than this, whatever the provider says. */
const MAX_PAGES = 1000;

/** Thrown by an operation's `rows` when a successful answer lacks the list the provider documents. */
export class UnexpectedAnswerError extends Error {}

function spreadRows(rows: (body: unknown) => IDataObject[]) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		try {
			return rows(response.body).map((json) => ({ json }));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, {
				itemIndex: this.getItemIndex(),
			});
		}
	};
}

async function collectPages(
	ctx: IExecutePaginationFunctions,
	spec: OperationSpec,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	send: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const paging = spec.paging!;
	const returnAll = ctx.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(ctx.getNodeParameter('limit', 50)) || 50);
	const collected: INodeExecutionData[] = [];
	// One size for every page: APIs that take a page number (or compute an offset as page × size) return
	// the wrong rows if the size changes between pages.
	const size = Math.min(paging.maxPageSize, limit);
	for (let page = 0; page < MAX_PAGES; page++) {
		if (!paging.setPage(requestData.options, page, size)) break;
		const rows = await send();
		collected.push(...rows);
		if (rows.length < size || collected.length >= limit) break;
	}
	return collected.slice(0, limit);
}

/**
 * The function n8n calls in place of its own request loop (a function-valued
 * `routing.operations.pagination` owns the request call): it validates and builds the request, sends it
 * under the run's flow control, and turns every failure into a clean, paired n8n error — an error item
 * with "Continue On Fail", a thrown error naming the item otherwise.
 */
function runOperation(spec: OperationSpec, format: ProviderErrorFormat) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const toError = (error: unknown) => toNodeError(this.getNode(), format, error, itemIndex);
		try {
			const built = await spec.build?.call(this, requestData.options);
			const flow = readFlowSettings(this);
			const late = lateBodies.get(requestData.options);
			const request = async () => {
				if (!late) return await this.makeRoutingRequest(requestData);
				requestData.options.body = await late.call(this);
				let sent = false;
				try {
					const answer = await this.makeRoutingRequest(requestData);
					sent = true;
					return answer;
				} finally {
					if (!sent) requestData.options.body = undefined; // not kept while a 429 retry waits
				}
			};
			const send = async () => await withFlowControl(this, flow, request, toError);
			const items = spec.paging ? await collectPages(this, spec, requestData, send) : await send();
			const finished = spec.finish
				? spec.finish.call(this, items, requestData.options, built)
				: items;
			if (late) requestData.options.body = undefined;
			return pairItems(finished, itemIndex);
		} catch (error) {
			const nodeError = toError(error);
			if (this.continueOnFail()) return [errorItem(nodeError, itemIndex)];
			throw nodeError;
		}
	};
}

/** Every routing operationRouting made: the only routing a node's description may hold. */
const builtRoutings = new WeakSet<INodePropertyRouting>();

/** Whether operationRouting made this routing (for the test that no other routing is in a description). */
export function isOperationRouting(routing: unknown): boolean {
	return typeof routing === 'object' && routing !== null && builtRoutings.has(routing);
}

/**
 * The routing of one operation option. Status errors are left to our postReceive check (so the
 * provider's own message reaches the user); `except` lets a 401 through to n8n's refresh-and-retry
 * path for credentials that fetch tokens.
 */
export function operationRouting(
	spec: OperationSpec,
	format: ProviderErrorFormat,
	ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors'] = true,
): INodePropertyRouting {
	const routing: INodePropertyRouting = {
		// See failedAnswer (errors.ts): a redirect is refused, never followed.
		request: {
			method: spec.method,
			url: spec.url ?? '',
			ignoreHttpStatusErrors,
			disableFollowRedirect: true,
		},
		send: { paginate: true },
		// Why the request runs in the pagination hook: n8n's RoutingNode.makeRequest hands a function-valued
		// `pagination` the whole request and its `makeRoutingRequest` (which keeps n8n's proxy, timeout and SSL
		// options), so runOperation can validate and build the request first, send it under flow control and
		// pair every failure with its item. No property carries routing of its own (test/nodes/routing.test.ts):
		// that would be a second, unchecked way to build a request.
		operations: { pagination: runOperation(spec, format) },
		output: {
			postReceive: [checkProviderResponse(format), ...(spec.rows ? [spreadRows(spec.rows)] : [])],
		},
	};
	builtRoutings.add(routing);
	return routing;
}

/** Rows of a list answer that may be an array, a single bare object, or wrapped under a key. */
export function listRows(body: unknown, key?: string): IDataObject[] {
	const value =
		key && body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)[key]
			: body;
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object') return [value as IDataObject];
	return [];
}

/**
 * Paging for a listing the provider returns whole (no page parameters): one request, and the node's
 * Return All / Limit applied to its rows.
 */
export const singlePage: Paging = {
	maxPageSize: Number.POSITIVE_INFINITY,
	setPage: (_request, page) => page === 0,
};
