import { createHash } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { isDotSegment } from '../../shared/validation';
import { netSapiensRequest } from './transport';

type TriggerContext = IHookFunctions | IWebhookFunctions;
type IdentityContext = TriggerContext | IExecuteFunctions;

/** Whose messages the trigger watches: a concrete domain and user, or every user (`*`) of the domain. */
export interface WatchedUser {
	domain: string;
	user: string;
}

const lower = (value: unknown) =>
	String(value ?? '')
		.trim()
		.toLowerCase();

/**
 * Whether a delivered message was received from someone else rather than sent by the watched user (or, when
 * every user is watched, by any user of the domain).
 *
 * The Message model says direction is "term for outbound or orig for inbound", and those two values decide.
 * But every chat and group-chat example in NetSapiens' specs (core 44.4.10 and docs v45.0) has an empty
 * direction, so for the rest the sender decides: `from-user-id` is "the User ID the message came from. Not
 * set for offnet numbers" — empty means an outside sender (inbound), a user@domain names a PBX user.
 */
export function isInboundMessage(message: IDataObject, watched: WatchedUser): boolean {
	const direction = lower(message.direction);
	if (direction === 'orig') return true;
	if (direction === 'term') return false;
	const sender = lower(message['from-user-id']);
	if (sender === '') return true;
	const [senderUser, senderDomain = ''] = sender.split('@');
	if (senderDomain !== lower(watched.domain)) return true;
	if (watched.user === '*') return false;
	return senderUser !== lower(watched.user);
}

/** Identities resolved from a credential, by a hash of what identifies it (no secret kept as a key). */
const resolvedIdentities = new Map<string, WatchedUser>();
const MAX_RESOLVED = 100;

/** The domain and user of `~`: from the login (user@domain) or, for an API key, GET /apikeys/~. */
async function ownIdentity(ctx: IdentityContext): Promise<WatchedUser> {
	const credentials = await ctx.getCredentials('netSapiensMessagingApi');
	if (credentials.authentication === 'password') {
		const [user, domain = ''] = String(credentials.username ?? '').split('@');
		return { user, domain };
	}
	const key = createHash('sha256')
		.update(JSON.stringify([credentials.server, credentials.baseUrl, credentials.apiKey]))
		.digest('hex');
	const known = resolvedIdentities.get(key);
	if (known) return known;
	const apiKey = (await netSapiensRequest.call(ctx, 'GET', '/apikeys/~')) as IDataObject;
	const identity = { user: String(apiKey?.user ?? ''), domain: String(apiKey?.domain ?? '') };
	if (resolvedIdentities.size >= MAX_RESOLVED) resolvedIdentities.clear();
	resolvedIdentities.set(key, identity);
	return identity;
}

/**
 * The trigger's Domain or User field, `~` when empty. `.` and `..` (also written `%2e`) name no domain or
 * user; they are refused as the action nodes refuse them in the same fields, where they are path segments.
 */
function watchedField(ctx: TriggerContext, name: string, label: string): string {
	const value: unknown = ctx.getNodeParameter(name, '~');
	if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
		throw new NodeOperationError(ctx.getNode(), `${label}: expected text`);
	}
	const text = String(value).trim() || '~';
	if (isDotSegment(text)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: "${text}" is a dot segment, not a ${label.toLowerCase()} name`,
			{ description: 'Enter the value itself, ~ for your own, or * for every user' },
		);
	}
	return text;
}

/** The trigger's Domain and User parameters with `~` resolved to the credential's own domain and user. */
export async function watchedUser(ctx: TriggerContext): Promise<WatchedUser> {
	return await resolvedUser(ctx, {
		domain: watchedField(ctx, 'domain', 'Domain'),
		user: watchedField(ctx, 'user', 'User'),
	});
}

/** A domain and user with `~` resolved to the credential's own domain and user. */
export async function resolvedUser(
	ctx: IdentityContext,
	{ domain, user }: WatchedUser,
): Promise<WatchedUser> {
	if (domain !== '~' && user !== '~') return { domain, user };
	const own = await ownIdentity(ctx);
	return { domain: domain === '~' ? own.domain : domain, user: user === '~' ? own.user : user };
}

/** The messages received from others; the trigger's own identity is resolved only when a sender decides. */
export async function keepInbound(
	ctx: IWebhookFunctions,
	messages: IDataObject[],
): Promise<IDataObject[]> {
	const decided = (message: IDataObject) =>
		['orig', 'term'].includes(lower(message.direction)) || lower(message['from-user-id']) === '';
	if (messages.every(decided))
		return messages.filter((message) => lower(message.direction) !== 'term');
	const watched = await watchedUser(ctx);
	return messages.filter((message) => isInboundMessage(message, watched));
}
