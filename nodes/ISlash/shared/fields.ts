import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { fieldError, readText } from '../../shared/validation';

/** The contact: a phone number on WhatsApp, a page-scoped ID on Facebook, so no phone format is forced. */
export function identityProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Contact Identity',
		name: 'identity',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 85256872847',
		displayOptions: { show },
		description:
			"The contact: on WhatsApp their number with country code, digits only (e.g. 85256872847); on Facebook the contact's page-scoped ID",
	};
}

/** An http(s) URL, or '' when the field is empty. */
export function readHttpUrl(ctx: IExecuteSingleFunctions, name: string, label: string): string {
	const value = readText(ctx, name, label);
	if (value === '') return '';
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw fieldError(ctx, label, `"${value}" is not a URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw fieldError(ctx, label, `"${value}" is not an http(s) URL`);
	}
	return value;
}

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
