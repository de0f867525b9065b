import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { messageBodyProperties, setMessageBody } from '../../shared/messageBody';
import { sentMessageOutput } from '../../shared/answers';
import { userPath } from '../../shared/parameters';

const showForStart = { resource: ['messageSession'], operation: ['start'] };

export const messageSessionStartProperties: INodeProperties[] = [
	{
		displayName:
			"NetSapiens does not return the new session's ID. To reply in the same session later, use Message → Send with no session: the node then chooses the ID and returns it.",
		name: 'startNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showForStart },
	},
	...messageBodyProperties(showForStart),
];

/** POST /domains/{domain}/users/{user}/messages: the server starts a session with its first message. */
export const messageSessionStart: OperationSpec = {
	method: 'POST',
	async build(request) {
		setMessageBody(this, request);
		request.url = `${userPath(this)}/messages`;
	},
	finish(items, request) {
		return sentMessageOutput(items, request, { created: true });
	},
};
