import type { IBinaryData, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { fieldError } from './validation';

export interface BinaryFile {
	buffer: Buffer;
	fileName: string;
	mimeType: string;
	size: number;
}

/**
 * Reads the input item's binary property named by the user. A missing property is the user's
 * mistake and is reported before any request is made, naming the field and what the item has.
 */
export async function readBinaryFile(
	ctx: IExecuteSingleFunctions,
	propertyName: string,
	label: string,
): Promise<BinaryFile> {
	const name = propertyName.trim();
	if (name === '') throw fieldError(ctx, label, 'is required but empty');
	const binary: Record<string, IBinaryData> | undefined = ctx.getInputData().binary;
	// own properties only: a name like "toString" must not find Object.prototype's
	const data =
		binary && Object.prototype.hasOwnProperty.call(binary, name) ? binary[name] : undefined;
	if (!data) {
		const present = Object.keys(binary ?? {});
		throw fieldError(
			ctx,
			label,
			`the input item has no binary property "${name}"`,
			present.length
				? `Binary properties on this item: ${present.join(', ')}`
				: 'This item has no binary data at all',
		);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(name);
	return {
		buffer,
		fileName: data.fileName ?? name,
		mimeType: data.mimeType || 'application/octet-stream',
		size: buffer.length,
	};
}

/**
 * A multipart/form-data body from text fields and an optional file. Node's built-in FormData sets the
 * boundary in Content-Type itself, so callers must not set a Content-Type header of their own.
 */
export function multipartBody(
	fields: Record<string, string | number | undefined>,
	file?: { field: string; file: BinaryFile },
): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined && value !== '') form.append(key, String(value));
	}
	if (file) {
		form.append(
			file.field,
			new Blob([new Uint8Array(file.file.buffer)], { type: file.file.mimeType }),
			file.file.fileName,
		);
	}
	return form;
}

/**
 * Puts a multipart body on a request. Any Content-Type header is dropped (a JSON default from the
 * node's requestDefaults would make axios serialise the form as JSON), so the HTTP client writes
 * `multipart/form-data; boundary=…` itself.
 */
export function setMultipartBody(
	request: { body?: unknown; headers?: IDataObject },
	form: FormData,
): void {
	for (const key of Object.keys(request.headers ?? {})) {
		if (key.toLowerCase() === 'content-type') delete request.headers![key];
	}
	request.body = form;
}
