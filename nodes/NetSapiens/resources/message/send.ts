import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { readText } from '../../../shared/validation';
import { messageSessionLocator } from '../../shared/descriptions';
import { messageBodyProperties, newSessionId, readMessageBody, sentMessageOutput } from '../../shared/messageBody';
import { checkSessionId, sessionPath } from '../../shared/paths';

const showForSend = { resource: ['message'], operation: ['send'] };

export const messageSendProperties: INodeProperties[] = [
	messageSessionLocator(showForSend, {
		required: false,
		description:
			'The session to send in. Leave empty to start a new one: the node then creates its ID and returns the ID of the new session in its output, so a later node can reply in the same session.',
	}),
	...messageBodyProperties(showForSend),
];

/** The session each request went to, for finish(): a generated ID is not in the API's answer. */
const sessionOf = new WeakMap<object, { id: string; created: boolean }>();

/** POST /domains/{domain}/users/{user}/messagesessions/{messagesession}/messages with a MessageSend body. */
export const messageSend: OperationSpec = {
	method: 'POST',
	async build(request) {
		const given = readText(this, 'messagesession', 'Message Session');
		const sessionId = given === '' ? newSessionId() : checkSessionId(this, given, 'Message Session');
		const body = await readMessageBody(this);
		request.url = `${sessionPath(this, sessionId)}/messages`;
		request.body = body;
		sessionOf.set(request, { id: sessionId, created: given === '' });
	},
	finish(items, request) {
		return sentMessageOutput(items, request, sessionOf.get(request) ?? { created: false });
	},
};
