import type { INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Ties every output item of one input item back to it, whatever the counts (n8n only guesses when equal). */
export function pairItems(items: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/**
 * The item "Continue On Fail" emits for a failed input item: the error in json (what users read and
 * branch on), the error object (so n8n routes it to the error output), and the pairing to its input.
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const json: INodeExecutionData['json'] = { error: error.message };
	if (error.description) json.description = error.description;
	if ('httpCode' in error && error.httpCode) json.httpCode = error.httpCode;
	return { json, error, pairedItem: { item: itemIndex } };
}
