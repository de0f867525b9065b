import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { superOfficeApiRequest } from './transport';

/** Sessions whose last seen message ID is remembered; the oldest are forgotten beyond this. */
const REMEMBERED_SESSIONS = 1000;

/**
 * The message(s) a `chatsession.message` event announces. The event carries only the session ID, so
 * the session's messages after the last one this trigger saw are fetched (GET …/Messages?after=),
 * and the newest ID is remembered in the workflow's static data (n8n saves it after each delivery).
 * For a session not seen before only its newest message is taken: that is the one the event is about.
 */
export async function fetchNewMessages(
	this: IWebhookFunctions,
	chatSessionId: number,
	staticData: IDataObject,
): Promise<IDataObject[]> {
	const seen = (staticData.lastMessageIds ??= {}) as Record<string, number>;
	const key = String(chatSessionId);
	const last = seen[key];
	const answer = await superOfficeApiRequest.call(this, 'GET', `/api/v1/ChatSession/${chatSessionId}/Messages`, {
		qs: last ? { after: last } : undefined,
	});
	const messages = (Array.isArray(answer) ? (answer as IDataObject[]) : [])
		.filter((message) => typeof message.ChatMessageId === 'number')
		.sort((a, b) => (a.ChatMessageId as number) - (b.ChatMessageId as number));
	const fresh = last ? messages.filter((message) => (message.ChatMessageId as number) > last) : messages.slice(-1);
	if (fresh.length > 0) {
		delete seen[key]; // re-inserted last, so the least recently active sessions are forgotten first
		seen[key] = fresh[fresh.length - 1].ChatMessageId as number;
		const keys = Object.keys(seen);
		for (const old of keys.slice(0, Math.max(0, keys.length - REMEMBERED_SESSIONS))) delete seen[old];
	}
	return fresh;
}
