import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { superOfficeRequest } from './transport';

function messageId(message: IDataObject): number {
	return message.ChatMessageId as number;
}

/**
 * For a session this trigger has not seen: its messages since the last one written to the customer (by an
 * agent or a bot), or only the newest when that is such a reply. So messages a customer sent back to back
 * before the first event was handled all count, and a running session's answered history does not.
 */
function sinceLastReply(messages: IDataObject[]): IDataObject[] {
	let start = messages.length - 1;
	if (start < 0 || messages[start].Type === 'ToCustomer') return messages.slice(start);
	while (start > 0 && messages[start - 1].Type !== 'ToCustomer') start--;
	return messages.slice(start);
}

/**
 * The message(s) a `chatsession.message` event announces. The event carries only the session ID, so the
 * session's messages after the last one handled are fetched (GET …/Messages?after=) and the session's
 * cursor moves to the newest fetched, whoever wrote it.
 */
export async function fetchNewMessages(
	this: IWebhookFunctions,
	chatSessionId: number,
	cursors: Record<string, number>,
): Promise<IDataObject[]> {
	const key = String(chatSessionId);
	const last = cursors[key];
	const answer = await superOfficeRequest.call(
		this,
		'GET',
		`/api/v1/ChatSession/${chatSessionId}/Messages`,
		{
			qs: last !== undefined ? { after: last } : undefined,
		},
	);
	const messages = (Array.isArray(answer) ? (answer as IDataObject[]) : [])
		.filter((message) => typeof message.ChatMessageId === 'number')
		.sort((a, b) => messageId(a) - messageId(b));
	const fresh =
		last !== undefined
			? messages.filter((message) => messageId(message) > last)
			: sinceLastReply(messages);
	if (fresh.length > 0) {
		delete cursors[key]; // re-inserted last, so the least recently active sessions are forgotten first
		cursors[key] = messageId(fresh[fresh.length - 1]);
	}
	return fresh;
}
