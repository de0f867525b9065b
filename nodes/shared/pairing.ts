import type {
	IDataObject,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

/**
 * An answer body as item json, which n8n requires to be an object: an empty answer (204, or `null`)
 * becomes `{}`, anything else that is not an object (text, a number, a list) is kept under `data`.
 */
function asJson(body: unknown): IDataObject {
	if (body === null || body === undefined || body === '') return {};
	if (typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	return { data: body as IDataObject['data'] };
}

/**
 * Ties every output item of one input item back to it, whatever the counts (n8n only guesses when equal),
 * with json an object whatever the provider answered.
 */
export function pairItems(items: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return items.map((item) => ({
		...item,
		json: asJson(item.json),
		pairedItem: { item: itemIndex },
	}));
}

/**
 * The item "Continue On Fail" emits for a failed input item, paired to it. Its json holds only the keys
 * n8n's engine recognises as an error item (`error`, `details`): with "Continue (using error output)" n8n
 * then routes it to the error output and merges in the input item's json (workflow-execute.js,
 * handleNodeErrorOutput). An `error` object on the item would make n8n replace the json with the bare
 * message, losing the HTTP code (normalizeNodeErrors).
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const details: IDataObject = {};
	if ('httpCode' in error && error.httpCode) details.httpCode = error.httpCode;
	if (error.description) details.description = error.description;
	const json: IDataObject = { error: error.message };
	if (Object.keys(details).length) json.details = details;
	return { json, pairedItem: { item: itemIndex } };
}
