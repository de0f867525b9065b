import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { readText } from '../../../shared/validation';
import { messageSessionLocator } from '../../shared/descriptions';
import { messageBodyProperties, setMessageBody } from '../../shared/messageBody';
import { sentMessageOutput } from '../../shared/answers';
import { checkSendSessionId, newSessionId, sessionPath } from '../../shared/parameters';

const showForSend = { resource: ['message'], operation: ['send'] };

export const messageSendProperties: INodeProperties[] = [
	messageSessionLocator(showForSend, {
		required: false,
		description:
			'The session to send in. Leave empty to start a new one: the node then creates its ID and returns the ID of the new session in its output, so a later node can reply in the same session.',
	}),
	...messageBodyProperties(showForSend),
];

/** POST /domains/{domain}/users/{user}/messagesessions/{messagesession}/messages with a MessageSend body. */
export const messageSend: OperationSpec<{ id: string; created: boolean }> = {
	method: 'POST',
	async build(request) {
		const given = readText(this, 'messagesession', 'Message Session');
		const sessionId =
			given === '' ? newSessionId() : checkSendSessionId(this, given, 'Message Session');
		setMessageBody(this, request);
		request.url = `${sessionPath(this, sessionId)}/messages`;
		// a generated ID is not in the API's answer: finish() adds it to the output
		return { id: sessionId, created: given === '' };
	},
	finish(items, request, session) {
		return sentMessageOutput(items, request, session);
	},
};
