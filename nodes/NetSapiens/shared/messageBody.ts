import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { checkBinaryFile, readBinaryFile, readMaxFileBytes } from '../../shared/binary';
import { bodyWhenSending, type RequestOptions } from '../../shared/operation';
import {
	fieldError,
	readChoice,
	readMessageText,
	readText,
	readTextList,
} from '../../shared/validation';

/**
 * The sends ns-api v2 documents (OpenAPI v45 and core 44.4.10 "Send a message (…)" examples). Group sends are
 * not types of their own on the wire: Group Chat is `chat` and Group SMS is `sms` with a list destination.
 * The other type names the specs list (`chat-video`, `chat-name-change`, `chat-video-invite`,
 * `chat-participant-*`) have no send example or field words, and the file fields are "used only for media
 * chat or MMS", so they are not offered.
 */
const SEND_TYPES = {
	chat: { wire: 'chat', recipients: 'one', media: false, sms: false },
	groupChat: { wire: 'chat', recipients: 'list', media: false, sms: false },
	mediaChat: { wire: 'chat-media', recipients: 'oneOrMore', media: true, sms: false },
	sms: { wire: 'sms', recipients: 'one', media: false, sms: true },
	groupSms: { wire: 'sms', recipients: 'list', media: false, sms: true },
	mms: { wire: 'mms', recipients: 'oneOrMore', media: true, sms: true },
} as const;

type SendType = keyof typeof SEND_TYPES;

const SEND_TYPE_NAMES = Object.keys(SEND_TYPES) as SendType[];
const MEDIA_TYPES = SEND_TYPE_NAMES.filter((type) => SEND_TYPES[type].media);
const TEXT_TYPES = SEND_TYPE_NAMES.filter((type) => !SEND_TYPES[type].media);
const SMS_TYPES = SEND_TYPE_NAMES.filter((type) => SEND_TYPES[type].sms);

/** The API's media examples put the word "media" in the required `message` field. */
const MEDIA_PLACEHOLDER_TEXT = 'media';

/** The fields of a MessageSend body, shown for the operation `show` selects. */
export function messageBodyProperties(show: Record<string, string[]>): INodeProperties[] {
	const when = (messageType: SendType[]) => ({ show: { ...show, messageType } });
	return [
		{
			displayName: 'Type',
			name: 'messageType',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{ name: 'Chat', value: 'chat', description: 'Text to one user of the PBX (type chat)' },
				{
					name: 'Group Chat',
					value: 'groupChat',
					description: 'Text to several users (type chat, list destination)',
				},
				{
					name: 'Group SMS',
					value: 'groupSms',
					description: 'A text message to several phone numbers (type sms, list destination)',
				},
				{
					name: 'Media Chat',
					value: 'mediaChat',
					description: 'A file to one or several users (type chat-media)',
				},
				{
					name: 'MMS',
					value: 'mms',
					description: 'A picture or file to one or several phone numbers (type mms)',
				},
				{ name: 'SMS', value: 'sms', description: 'A text message to one phone number (type sms)' },
			],
			default: 'chat',
		},
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1123',
			displayOptions: when(['chat']),
			description: 'The extension (user) to chat with',
		},
		{
			displayName: 'Destinations',
			name: 'destination',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1123, 1004',
			displayOptions: when(['groupChat', 'mediaChat']),
			description: 'The extensions to send to, separated by commas (or a list from an expression)',
		},
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 18585551234',
			displayOptions: when(['sms']),
			description: 'The phone number to text, digits with country code (a leading + is dropped)',
		},
		{
			displayName: 'Destinations',
			name: 'destination',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 18585551234, 18585550001',
			displayOptions: when(['groupSms', 'mms']),
			description:
				'The phone numbers to text, digits with country code, separated by commas (or a list from an expression)',
		},
		{
			displayName: 'From Number',
			name: 'fromNumber',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			displayOptions: when(SMS_TYPES),
			description:
				'The SMS number to send from: pick one of your SMS numbers. Optional in the API schema, but every SMS and MMS example in NetSapiens’ API spec sends it; without it the PBX chooses.',
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchSmsNumbers', searchable: true },
				},
				{
					displayName: 'Number',
					name: 'number',
					type: 'string',
					placeholder: 'e.g. 18585550001',
				},
			],
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 4 },
			displayOptions: when(TEXT_TYPES),
			description: 'The text to send',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			displayOptions: when(MEDIA_TYPES),
			description:
				'The binary property of the input item holding the file; it is sent as base64 with its MIME type and size',
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			default: '',
			displayOptions: when(MEDIA_TYPES),
			description:
				'Text sent with the file. Left empty, the word "media" is sent, as in the API\'s own examples.',
		},
	];
}

/** Digits only: a leading + and spaces, dashes, dots and brackets are dropped; letters are refused. */
function phoneDigits(ctx: IExecuteSingleFunctions, value: string, label: string): string {
	const digits = value.replace(/[\s\-().+]/g, '');
	if (!/^\d+$/.test(digits)) {
		throw fieldError(
			ctx,
			label,
			`"${value}" is not a phone number`,
			'Use digits with the country code, e.g. 18585551234',
		);
	}
	return digits;
}

function readDestination(ctx: IExecuteSingleFunctions, type: SendType): string | string[] {
	const spec = SEND_TYPES[type];
	const label = spec.recipients === 'one' ? 'Destination' : 'Destinations';
	let destinations = readTextList(ctx, 'destination', label);
	if (destinations.length === 0) throw fieldError(ctx, label, 'is required but empty');
	if (spec.sms)
		destinations = destinations.map((destination) => phoneDigits(ctx, destination, label));
	if (spec.recipients === 'list') return destinations;
	if (destinations.length === 1) return destinations[0];
	if (spec.recipients === 'one') {
		throw fieldError(
			ctx,
			label,
			`has ${destinations.length} entries but this type sends to one`,
			`Use ${spec.sms ? 'Group SMS' : 'Group Chat'} to send to several`,
		);
	}
	return destinations;
}

/**
 * Default Max File Size for NetSapiens media, in MB. ns-api documents no limit, so this protects the n8n
 * process (the file travels base64-encoded in JSON, a third larger), set at the largest MMS a carrier
 * path takes: Twilio refuses MMS over 5 MB (https://www.twilio.com/docs/api/errors/11751), and US
 * carriers take 0.6–1.5 MB (https://support.twilio.com/hc/en-us/articles/360018832773).
 */
export const NETSAPIENS_MAX_FILE_MB = 5;

/**
 * Validates the MessageSend body from the node's fields and puts it on the request (nothing has been sent
 * yet). A media file is checked from its metadata here and read only when the request may leave.
 */
export function setMessageBody(ctx: IExecuteSingleFunctions, request: RequestOptions): void {
	if (ctx.getNodeParameter('messageType', '') === 'videoChat') {
		throw fieldError(
			ctx,
			'Type',
			'Video Chat (chat-video with a file) is not sent: NetSapiens documents the file fields as "used only for media chat or MMS"',
			'Use Media Chat to send a video file',
		);
	}
	const type = readChoice(ctx, 'messageType', 'Type', SEND_TYPE_NAMES);
	const spec = SEND_TYPES[type];
	const destination = readDestination(ctx, type);
	const body: IDataObject = { type: spec.wire, message: '', destination };
	if (spec.sms) {
		const fromNumber = readText(ctx, 'fromNumber', 'From Number');
		if (fromNumber !== '') body['from-number'] = phoneDigits(ctx, fromNumber, 'From Number');
	}
	if (spec.media) {
		const maxBytes = readMaxFileBytes(ctx, NETSAPIENS_MAX_FILE_MB);
		const ref = checkBinaryFile(
			ctx,
			readText(ctx, 'binaryPropertyName', 'Input Binary Field'),
			'Input Binary Field',
			maxBytes,
		);
		body.message = readMessageText(ctx, 'message', 'Message') || MEDIA_PLACEHOLDER_TEXT;
		request.body = body;
		bodyWhenSending(request, async function () {
			const file = await readBinaryFile(this, ref, maxBytes);
			return {
				...body,
				data: file.buffer.toString('base64'),
				'mime-type': file.mimeType,
				size: file.size,
			};
		});
	} else {
		body.message = readMessageText(ctx, 'message', 'Message', { required: true });
		request.body = body;
	}
}
