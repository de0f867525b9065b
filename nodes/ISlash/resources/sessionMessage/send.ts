import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import {
	multipartBody,
	readBinaryFile,
	setMultipartBody,
	type BinaryRef,
	checkBinaryFile,
	readMaxFileBytes,
} from '../../../shared/binary';
import { bodyWhenSending, type OperationSpec } from '../../../shared/operation';
import { ISLASH_MAX_FILE_MB } from '../../shared/maxFileSize';
import {
	fieldError,
	readChoice,
	readHttpUrl,
	readInteger,
	readMessageText,
	readText,
	requireOneOf,
} from '../../../shared/validation';
import { readSessionKey } from '../../shared/session';
import { messageOf } from '../../shared/answers';
import { identityProperty } from '../../shared/descriptions';

const showForSend = { resource: ['sessionMessage'], operation: ['send'] };

export const sessionMessageSendProperties: INodeProperties[] = [
	identityProperty(showForSend),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: { show: showForSend },
		description:
			'The message text. With a file it is sent alongside it. A message needs at least one of text, file, file URL or sticker.',
	},
	{
		displayName: 'Attachment',
		name: 'attachment',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForSend },
		options: [
			{
				name: 'File From Input',
				value: 'binary',
				description:
					'Upload a binary file of the input item. iSlash documents no size limit; the channel’s apply (e.g. WhatsApp: image 5 MB, audio/video 16 MB) and iSlash answers a file that is too large.',
			},
			{
				name: 'File URL',
				value: 'fileUrl',
				description: 'Let iSlash fetch the file from a public URL',
			},
			{ name: 'None', value: 'none', description: 'Text only' },
			{ name: 'Sticker', value: 'sticker', description: "One of the channel's stickers" },
		],
		default: 'none',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { ...showForSend, attachment: ['binary'] } },
		hint: 'The name of the input binary field holding the file to send',
		description: 'Its file name and MIME type are sent with it',
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/brochure.pdf',
		displayOptions: { show: { ...showForSend, attachment: ['fileUrl'] } },
		description: 'A public http(s) URL of the file to send',
	},
	{
		displayName: 'Sticker',
		name: 'stickerId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { ...showForSend, attachment: ['sticker'] } },
		description: "The sticker to send, from the channel's sticker list",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchStickers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 66',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A sticker ID is a number' },
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForSend },
		options: [
			{
				displayName: 'Quoted Message ID',
				name: 'quotedMessageId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9126',
				description:
					"The iSlash ID of the message to reply to (the ID in iSlash's answer for a sent message)",
			},
		],
	},
];

interface SessionMessageParts {
	text: string;
	file?: BinaryRef;
	fileUrl: string;
	stickerId: string;
}

const ATTACHMENTS = ['none', 'binary', 'fileUrl', 'sticker'] as const;

function readParts(ctx: IExecuteSingleFunctions, maxBytes: number): SessionMessageParts {
	// An unknown value (an imported or hand-edited workflow) would otherwise send the text alone.
	const attachment = readChoice(ctx, 'attachment', 'Attachment', ATTACHMENTS);
	const parts: SessionMessageParts = {
		text: readMessageText(ctx, 'text', 'Text'),
		fileUrl: '',
		stickerId: '',
	};
	// The chosen attachment's field is required: left empty for an item, the message must not go out
	// as text alone.
	if (attachment === 'binary') {
		const name = readText(ctx, 'binaryPropertyName', 'Input Binary Field');
		parts.file = checkBinaryFile(ctx, name, 'Input Binary Field', maxBytes);
	} else if (attachment === 'fileUrl') {
		parts.fileUrl = readHttpUrl(ctx, 'fileUrl', 'File URL');
		if (parts.fileUrl === '') throw fieldError(ctx, 'File URL', 'is required but empty');
	} else if (attachment === 'sticker') {
		parts.stickerId = readText(ctx, 'stickerId', 'Sticker', { required: true });
		if (!/^\d+$/.test(parts.stickerId)) {
			throw fieldError(ctx, 'Sticker', `"${parts.stickerId}" is not a sticker ID (a number)`);
		}
	}
	requireOneOf(ctx, {
		Text: parts.text !== '',
		File: parts.file !== undefined,
		'File URL': parts.fileUrl !== '',
		Sticker: parts.stickerId !== '',
	});
	return parts;
}

/**
 * Send Session Message: POST /send-session-message as multipart/form-data — session, identity, and at
 * least one of text, file (a real file part with its name and MIME type), file_url, sticker_id;
 * quoted_message_id to reply. Everything is checked before the request leaves.
 */
export const sessionMessageSend: OperationSpec = {
	method: 'POST',
	url: '/send-session-message',
	async build(request) {
		const identity = readText(this, 'identity', 'Contact Identity', { required: true });
		const maxBytes = readMaxFileBytes(this, ISLASH_MAX_FILE_MB);
		const parts = readParts(this, maxBytes);
		const quotedMessageId = readInteger(this, 'options.quotedMessageId', 'Quoted Message ID', {
			min: 0,
		});
		const session = await readSessionKey(this);
		const fields = {
			session,
			identity,
			text: parts.text,
			file_url: parts.fileUrl,
			sticker_id: parts.stickerId,
			quoted_message_id: quotedMessageId,
		};
		const file = parts.file;
		if (!file) {
			setMultipartBody(request, multipartBody(fields));
			return;
		}
		setMultipartBody(request);
		bodyWhenSending(request, async function () {
			return multipartBody(fields, {
				field: 'file',
				file: await readBinaryFile(this, file, maxBytes),
			});
		});
	},
	finish(items) {
		return items.map((item) => ({ ...item, json: messageOf(item.json) as IDataObject }));
	},
};
