import type { IBinaryData, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { fieldError } from './validation';

interface BinaryFile {
	buffer: Buffer;
	fileName: string;
	mimeType: string;
	size: number;
}

/** A binary property of the input item, checked but not read yet (see readBinaryFile). */
export interface BinaryRef {
	propertyName: string;
	label: string;
	fileName: string;
	mimeType: string;
	/** Bytes, from the binary data's metadata; undefined when the metadata does not say. */
	size: number | undefined;
}

const PRETTY_UNITS: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/**
 * The file's size from its metadata, without reading it: `bytes` (set by n8n's binary data service),
 * the length of in-memory base64 data, or the pretty-printed `fileSize` ("5.2 MB", decimal units).
 */
function metadataSize(data: IBinaryData): number | undefined {
	if (typeof data.bytes === 'number' && Number.isFinite(data.bytes)) return data.bytes;
	if (!data.id && typeof data.data === 'string' && data.data !== '') {
		const padding = data.data.endsWith('==') ? 2 : data.data.endsWith('=') ? 1 : 0;
		return Math.floor((data.data.length * 3) / 4) - padding;
	}
	const pretty = /^(\d+(?:\.\d+)?) (B|kB|MB|GB|TB)$/.exec(String(data.fileSize ?? ''));
	return pretty ? Number(pretty[1]) * PRETTY_UNITS[pretty[2]] : undefined;
}

/** Max File Size (MB) of the node's Request Options, in bytes. */
export function readMaxFileBytes(ctx: IExecuteSingleFunctions, defaultMb: number): number {
	const options = ctx.getNodeParameter('requestOptions', {}) as IDataObject;
	const mb = options.maxFileSizeMb;
	return (typeof mb === 'number' && Number.isFinite(mb) && mb > 0 ? mb : defaultMb) * 1e6;
}

function tooLarge(ctx: IExecuteSingleFunctions, label: string, size: number, maxBytes: number) {
	const mb = (bytes: number) => `${Math.round(bytes / 1e4) / 100} MB`;
	return fieldError(
		ctx,
		label,
		`the file is ${mb(size)}, larger than Max File Size (${mb(maxBytes)})`,
		'Raise Max File Size in the node’s Request Options if the provider accepts larger files',
	);
}

/**
 * Checks the input item's binary property named by the user, and its size against `maxBytes` from the
 * binary data's metadata, reading nothing: a missing property or a file too large is the user's mistake,
 * reported before any request, naming the field.
 */
export function checkBinaryFile(
	ctx: IExecuteSingleFunctions,
	propertyName: string,
	label: string,
	maxBytes: number,
): BinaryRef {
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
	const size = metadataSize(data);
	if (size !== undefined && size > maxBytes) throw tooLarge(ctx, label, size, maxBytes);
	return {
		propertyName: name,
		label,
		fileName: data.fileName ?? name,
		mimeType: data.mimeType || 'application/octet-stream',
		size,
	};
}

/**
 * Reads a checked file. Called only once the request holds its flow-control slot (bodyWhenSending), so
 * at most Max Requests In Flight files are in memory at once. A file whose metadata gave no size is
 * checked now.
 */
export async function readBinaryFile(
	ctx: IExecuteSingleFunctions,
	file: BinaryRef,
	maxBytes: number,
): Promise<BinaryFile> {
	const buffer = await ctx.helpers.getBinaryDataBuffer(file.propertyName);
	if (buffer.length > maxBytes) throw tooLarge(ctx, file.label, buffer.length, maxBytes);
	return { buffer, fileName: file.fileName, mimeType: file.mimeType, size: buffer.length };
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
			// The Buffer's own bytes: a Blob copies them once; `new Uint8Array(buffer)` first would copy twice.
			new Blob([file.file.buffer as Uint8Array<ArrayBuffer>], { type: file.file.mimeType }),
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
	form?: FormData,
): void {
	for (const key of Object.keys(request.headers ?? {})) {
		if (key.toLowerCase() === 'content-type') delete request.headers![key];
	}
	if (form) request.body = form;
}
