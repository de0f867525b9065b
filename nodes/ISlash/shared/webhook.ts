import type { IDataObject } from 'n8n-workflow';

/** One incoming message or status update, the same shape for WhatsApp and Facebook deliveries. */
export interface ISlashEvent extends IDataObject {
	event: 'message' | 'status';
	channel: 'whatsapp' | 'facebook';
	/** The customer: WhatsApp number (wa_id) or Facebook page-scoped ID, with a name when iSlash sends one. */
	contact: { id: string | null; name: string | null };
	messageId: string | null;
	/** Message type (text, image, …) for messages; the status itself (sent, delivered, read, failed) for statuses. */
	type: string;
	text: string | null;
	media: {
		kind: string;
		id: string | null;
		url: string | null;
		mimeType: string | null;
		fileName: string | null;
		caption: string | null;
	} | null;
	/** ISO 8601, UTC. */
	timestamp: string | null;
	/** Why a message failed, for failed statuses. */
	error: string | null;
	/** The message, status or messaging event exactly as iSlash sent it. */
	raw: IDataObject;
}

/** Thrown while reading a delivery that is not iSlash's; parseDelivery turns it into its answer. */
class MalformedDelivery extends Error {}

const WHATSAPP_MEDIA = ['image', 'video', 'audio', 'voice', 'document', 'sticker'];

function object(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function str(value: unknown): string | null {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** WhatsApp sends unix seconds (as text), Messenger milliseconds. */
function isoTime(value: unknown, unit: 'seconds' | 'milliseconds'): string | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) return null;
	const date = new Date(unit === 'seconds' ? number * 1000 : number);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function list(body: IDataObject, key: string): IDataObject[] | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || !value.every((entry) => object(entry))) {
		throw new MalformedDelivery(`"${key}" is not a list of objects`);
	}
	return value as IDataObject[];
}

function whatsAppMessage(message: IDataObject): ISlashEvent {
	const type = str(message.type) ?? 'unknown';
	const mediaKey = WHATSAPP_MEDIA.find((key) => object(message[key]));
	const mediaPart = mediaKey ? object(message[mediaKey]) : undefined;
	const interactive = object(message.interactive);
	const text =
		str(object(message.text)?.body) ??
		str(mediaPart?.caption) ??
		str(object(message.button)?.text) ??
		str(object(interactive?.button_reply)?.title) ??
		str(object(interactive?.list_reply)?.title);
	return {
		event: 'message',
		channel: 'whatsapp',
		contact: {
			id: str(message.wa_id) ?? str(message.from),
			name: str(object(message.profile)?.name),
		},
		messageId: str(message.id),
		type,
		text,
		media:
			mediaKey && mediaPart
				? {
						kind: mediaKey,
						id: str(mediaPart.id),
						url: str(mediaPart.url) ?? str(mediaPart.link),
						mimeType: str(mediaPart.mime_type),
						fileName: str(mediaPart.filename),
						caption: str(mediaPart.caption),
					}
				: null,
		timestamp: isoTime(message.timestamp, 'seconds'),
		error: null,
		raw: message,
	};
}

function whatsAppStatus(status: IDataObject): ISlashEvent {
	const errors = Array.isArray(status.errors) ? (status.errors as unknown[]).map(object) : [];
	const error = errors.map((e) => str(e?.title) ?? str(e?.message)).find((e) => e !== null) ?? null;
	return {
		event: 'status',
		channel: 'whatsapp',
		contact: { id: str(status.recipient_id), name: null },
		messageId: str(status.id),
		type: str(status.status) ?? 'unknown',
		text: null,
		media: null,
		timestamp: isoTime(status.timestamp, 'seconds'),
		error,
		raw: status,
	};
}

/** Messenger messaging events: messages, postbacks and reactions; delivery and read receipts. */
function facebookEvents(event: IDataObject): ISlashEvent[] {
	const sender = str(object(event.sender)?.id);
	const recipient = str(object(event.recipient)?.id);
	const timestamp = isoTime(event.timestamp, 'milliseconds');
	const base = { channel: 'facebook' as const, media: null, timestamp, error: null, raw: event };
	const message = object(event.message);
	if (message) {
		const attachment = Array.isArray(message.attachments)
			? object(message.attachments[0])
			: undefined;
		const payload = object(attachment?.payload);
		// An echo is the page's own outgoing message: the customer is then the recipient.
		const customer = message.is_echo === true ? recipient : sender;
		return [
			{
				...base,
				event: 'message',
				contact: { id: customer, name: null },
				messageId: str(message.mid),
				type: str(attachment?.type) ?? 'text',
				text: str(message.text),
				media: attachment
					? {
							kind: str(attachment.type) ?? 'file',
							id: str(payload?.sticker_id),
							url: str(payload?.url),
							mimeType: null,
							fileName: null,
							caption: null,
						}
					: null,
			},
		];
	}
	const postback = object(event.postback);
	if (postback) {
		const text = str(postback.title) ?? str(postback.payload);
		return [
			{
				...base,
				event: 'message',
				contact: { id: sender, name: null },
				messageId: str(postback.mid),
				type: 'postback',
				text,
			},
		];
	}
	const reaction = object(event.reaction);
	if (reaction) {
		const text = str(reaction.emoji) ?? str(reaction.reaction);
		return [
			{
				...base,
				event: 'message',
				contact: { id: sender, name: null },
				messageId: str(reaction.mid),
				type: 'reaction',
				text,
			},
		];
	}
	const delivery = object(event.delivery);
	if (delivery) {
		const mids = Array.isArray(delivery.mids)
			? delivery.mids.map(str).filter((mid) => mid !== null)
			: [];
		return (mids.length ? mids : [null]).map((mid) => ({
			...base,
			event: 'status' as const,
			contact: { id: sender, name: null },
			messageId: mid,
			type: 'delivered',
			text: null,
		}));
	}
	if (object(event.read)) {
		return [
			{
				...base,
				event: 'status',
				contact: { id: sender, name: null },
				messageId: null,
				type: 'read',
				text: null,
			},
		];
	}
	return [];
}

function eventsOf(body: unknown): ISlashEvent[] {
	const root = object(body);
	if (!root) throw new MalformedDelivery('the body is not a JSON object');
	if (root.object === 'page') {
		const entries = list(root, 'entry');
		if (!entries) throw new MalformedDelivery('a Facebook delivery without "entry"');
		return entries.flatMap((entry) => (list(entry, 'messaging') ?? []).flatMap(facebookEvents));
	}
	const messages = list(root, 'messages');
	const statuses = list(root, 'statuses');
	if (!messages && !statuses) {
		throw new MalformedDelivery(
			'neither WhatsApp "messages"/"statuses" nor a Facebook "page" object',
		);
	}
	return [...(messages ?? []).map(whatsAppMessage), ...(statuses ?? []).map(whatsAppStatus)];
}

/**
 * Turns one iSlash delivery into events. WhatsApp: `{messages: […]}` and/or `{statuses: […]}` (the
 * official API's objects, unwrapped). Facebook: Messenger's `{object: "page", entry: [{messaging: […]}]}`.
 * Anything else is malformed.
 */
export function parseDelivery(body: unknown): { events: ISlashEvent[] } | { malformed: string } {
	try {
		return { events: eventsOf(body) };
	} catch (error) {
		return {
			malformed: error instanceof MalformedDelivery ? error.message : 'the body could not be read',
		};
	}
}
