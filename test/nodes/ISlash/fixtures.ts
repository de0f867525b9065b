import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { ISlashMessagingApi } from '../../../credentials/ISlashMessagingApi.credentials';
import { ISlash } from '../../../nodes/ISlash/ISlash.node';
import { runNode, type RunOptions } from '../../harness/engine';
import { runListSearch } from '../../harness/loadOptions';

export const HOST = 'crm.islash.test';
export const BASE = `https://${HOST}/api/public`;
export const TOKEN = 'islash-user-token-0123456789';
export const SESSION = 'session-key-whatsapp-852';

export const credentials = {
	iSlashMessagingApi: { host: HOST, userToken: TOKEN, defaultSession: SESSION },
};

/** The sent message of the documented Send Session Message answer. */
export const sentMessage = {
	id: 9126,
	conversation_id: 246,
	status: 'sent',
	body: 'Hello Testing',
	media_type: null,
	media_url: null,
	sid: 'gBGGhSlIRoQvAgn-vsCRNiIMutE',
	direction: 'outbound',
	is_template_message: false,
	is_sticker: false,
	message_at: 1649755452,
	sent_at: 1649755452,
};

export const okay = (data: unknown = {}, traceId?: string) => ({
	meta: { code: 'RESP_OKAY', message: 'Success', ...(traceId ? { trace_id: traceId } : {}) },
	data,
});

/** Runs the iSlash node with the fixture credential. */
export async function runISlash(options: Omit<RunOptions, 'nodeType'>) {
	return await runNode({
		nodeType: new ISlash(),
		credentialTypes: [new ISlashMessagingApi()],
		credentials,
		...options,
	});
}

/** The parameters of a Template Message operation for the fixture contact and template, with `parameters` over them. */
export const template = (
	operation: 'send' | 'schedule',
	parameters: INodeParameters = {},
): INodeParameters => ({
	resource: 'templateMessage',
	operation,
	identity: '85256872847',
	templateName: {
		__rl: true,
		mode: 'list',
		value: 'payment_update_en',
		cachedResultName: 'payment_update_en (en_US, APPROVED)',
	},
	...parameters,
});

/** Runs one of the node's list searches the way the editor's "From List" mode does, with the fixture credential. */
export const search = (method: string, filter?: string, parameters = {}) =>
	runListSearch({
		nodeType: new ISlash(),
		method,
		filter,
		parameters,
		credentials,
		credentialTypes: [new ISlashMessagingApi()],
	});

/** The channel's stickers as iSlash lists them. */
export const stickers = [
	{ id: 66, name: 'sticker7', type: 'image/webp', width: 512, height: 512 },
	{ id: 67, name: 'sticker5', type: 'image/webp', width: 512, height: 512 },
];

/** The channel's templates as iSlash lists them. */
export const templates = [
	{
		id: 19,
		name: 'payment_update_en',
		language: 'en_US',
		status: 'APPROVED',
		category: 'PAYMENT_UPDATE',
		components: [],
	},
	{ id: 20, name: 'order_shipped_zh', language: 'zh_HK', status: 'PENDING', components: [] },
];

export interface CapturedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/**
 * nock hands a body over as UTF-8 text, or as hex when the bytes are not valid UTF-8 (its
 * isUtf8Representable): this is the exact inverse, back to the bytes that were sent.
 */
function bodyBytes(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body !== 'string') return Buffer.from(JSON.stringify(body ?? ''));
	if (/^(?:[0-9a-f]{2})+$/.test(body)) {
		const bytes = Buffer.from(body, 'hex');
		if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) return bytes;
	}
	return Buffer.from(body, 'utf8');
}

/** A nock reply that records the request exactly as received and answers `answer`. */
export function capture(into: CapturedRequest[], answer: unknown, status = 200) {
	return function (
		this: {
			req: { method: string; path: string; headers: Record<string, string | string[] | undefined> };
		},
		_uri: string,
		body: unknown,
	) {
		into.push({
			method: this.req.method,
			path: this.req.path,
			headers: this.req.headers,
			body: bodyBytes(body),
		});
		return [status, answer] as [number, unknown];
	};
}

export interface ParsedFile {
	name: string;
	type: string;
	bytes: Buffer;
}

/**
 * Parses a captured multipart/form-data body with the platform's own parser (undici's Response),
 * giving every part in order: text fields as strings, file parts with their filename, type and bytes.
 */
export async function parseMultipart(
	request: CapturedRequest,
): Promise<Array<[string, string | ParsedFile]>> {
	const contentType = String(request.headers['content-type']);
	const form = await new Response(new Uint8Array(request.body), {
		headers: { 'content-type': contentType },
	}).formData();
	const entries: Array<[string, FormDataEntryValue]> = [];
	form.forEach((value, name) => entries.push([name, value]));
	return await Promise.all(
		entries.map(
			async ([name, value]): Promise<[string, string | ParsedFile]> =>
				typeof value === 'string'
					? [name, value]
					: [
							name,
							{ name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) },
						],
		),
	);
}

/** A WhatsApp text delivery as iSlash documents it (api-docs.islash.io › Message Status (Webhook)). */
export const whatsAppText = {
	messages: [
		{
			profile: { name: 'iSlash' },
			wa_id: '85256872847',
			from: '85256872847',
			id: 'ABGGhSlIRoQvAgo-sL8KNOJ1WUnK',
			text: { body: 'testing' },
			type: 'text',
			sequence: '35500920',
			timestamp: '1649756854',
		},
	],
};

export { nock };
