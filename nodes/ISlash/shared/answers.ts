import type { IDataObject } from 'n8n-workflow';
import { UnexpectedAnswerError } from '../../shared/operation';

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

/**
 * `data[key]` of an iSlash answer as a list of objects (`null` there is an empty list). An answer without
 * that list is not read as "no rows": it throws, saying what was expected.
 */
export function dataList(body: unknown, key: string): IDataObject[] {
	const data = body && typeof body === 'object' ? (body as IDataObject).data : undefined;
	const list =
		data && typeof data === 'object' && !Array.isArray(data)
			? (data as IDataObject)[key]
			: undefined;
	if (list === null) return [];
	if (!Array.isArray(list)) {
		throw new UnexpectedAnswerError(
			`iSlash answered without the list of ${key} it documents (data.${key})`,
		);
	}
	return list as IDataObject[];
}
