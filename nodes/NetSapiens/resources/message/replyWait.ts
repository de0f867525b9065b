import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ParameterContext, ReplyWaitProvider } from '../../../shared/sendAndWait';
import { isInboundMessage, resolvedUser, type WatchedUser } from '../../shared/inboundMessage';
import {
	checkOwner,
	createSubscription,
	deleteSubscription,
	deliveredObjects,
	listSubscriptions,
} from '../../shared/subscriptions';

/** The Domain and User the message is sent as (checked by the send's build before any request). */
function sendingUser(ctx: ParameterContext): WatchedUser {
	const read = (name: string) => {
		const value: unknown =
			'getInputData' in ctx ? ctx.getNodeParameter(name, 0, '~') : ctx.getNodeParameter(name, '~');
		return String(value ?? '').trim() || '~';
	};
	return { domain: read('domain'), user: read('user') };
}

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/** The recipients the question went to: the Destination as the send wrote it (one, a list, or "a,b"). */
function recipients(conversation: IDataObject): string[] {
	const destination = conversation.destination;
	const entries = Array.isArray(destination) ? destination : String(destination ?? '').split(',');
	return entries.map((entry) => String(entry).trim().toLowerCase()).filter(Boolean);
}

/**
 * Whether a message belongs to the awaited conversation: it is in the session the question went to, or it
 * comes from one of its recipients (an SMS from the number, a chat from the user, either `1001` or
 * `1001@domain`).
 */
function inConversation(message: IDataObject, conversation: IDataObject): boolean {
	const session = String(conversation['messagesession-id'] ?? '');
	if (session !== '' && String(message['messagesession-id'] ?? '') === session) return true;
	const to = recipients(conversation);
	const number = digits(message['from-number']);
	if (number !== '' && to.some((recipient) => digits(recipient) === number)) return true;
	const sender = String(message['from-user-id'] ?? '')
		.trim()
		.toLowerCase();
	return (
		sender !== '' && to.some((recipient) => [sender, sender.split('@')[0]].includes(recipient))
	);
}

/**
 * Reply on NetSapiens: an event subscription of model `message` for the sending user (its concrete domain and
 * user, `~` resolved as the trigger resolves it), whose post-url is the signed resume URL and whose expiry is
 * the wait's. A reply is an inbound message (by direction, or by its sender: isInboundMessage) of the
 * conversation; the node's own message is outbound for the user it was sent as.
 */
export const messageReplyWait: ReplyWaitProvider = {
	async subscribe(ctx, _request, postUrl, expires) {
		const owner = checkOwner(ctx.getNode(), await resolvedUser(ctx, sendingUser(ctx)));
		const id = await createSubscription(ctx, { model: 'message', postUrl, owner, expires });
		if (!id)
			throw new NodeOperationError(
				ctx.getNode(),
				'NetSapiens created no subscription for the reply',
				{
					description: 'Its answer to POST /subscriptions named no ID',
				},
			);
	},

	async unsubscribe(ctx, postsHere) {
		const { domain } = await resolvedUser(ctx, sendingUser(ctx));
		for (const subscription of await listSubscriptions(ctx)) {
			if (postsHere(String(subscription['post-url'] ?? '')))
				await deleteSubscription(ctx, String(subscription.id), domain);
		}
	},

	async replyIn(ctx, body, conversation) {
		const messages = deliveredObjects(body) ?? [];
		if (messages.length === 0) return undefined;
		const watched = await resolvedUser(ctx, sendingUser(ctx));
		const reply = messages.find(
			(message) => isInboundMessage(message, watched) && inConversation(message, conversation),
		);
		if (!reply) return undefined;
		return {
			text: String(reply.text ?? ''),
			from: String(reply['from-number'] || reply['from-user-id'] || ''),
			messageId: String(reply.id ?? ''),
			sessionId: String(reply['messagesession-id'] ?? conversation['messagesession-id'] ?? ''),
			receivedAt: reply.timestamp ? String(reply.timestamp) : new Date().toISOString(),
		};
	},
};
