import type { IDataObject } from 'n8n-workflow';

/** `data` of an iSlash answer (`{meta, data}`), as an object. */
export function dataOf(body: IDataObject): IDataObject {
	const data = body.data;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}

/** The sent message of a send answer: `data.message`. */
export function messageOf(body: IDataObject): IDataObject {
	const message = dataOf(body).message;
	return message && typeof message === 'object' ? (message as IDataObject) : dataOf(body);
}

/** iSlash's trace id of an answer, when it sent one (support asks for it). */
export function traceIdOf(body: IDataObject): string | undefined {
	const meta = body.meta as IDataObject | undefined;
	return typeof meta?.trace_id === 'string' ? meta.trace_id : undefined;
}
