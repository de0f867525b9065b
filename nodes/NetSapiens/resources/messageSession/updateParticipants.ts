import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { fieldError, readTextList } from '../../../shared/validation';
import { messageSessionLocator } from '../../shared/descriptions';
import { sessionPath } from '../../shared/parameters';

const showForUpdate = { resource: ['messageSession'], operation: ['updateParticipants'] };

export const messageSessionUpdateParticipantsProperties: INodeProperties[] = [
	messageSessionLocator(showForUpdate, {
		required: true,
		description: 'The chat session whose participants to set (not possible for group MMS sessions)',
	}),
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1123@example, 1004@example, 1000@example',
		displayOptions: { show: showForUpdate },
		description:
			'The complete new list of participants as user IDs (user@domain), including yourself, separated by commas (or a list from an expression)',
	},
];

/** PUT /domains/{domain}/users/{user}/messagesessions/{messagesession} {"participants": "a,b,c"} */
export const messageSessionUpdateParticipants: OperationSpec = {
	method: 'PUT',
	build(request) {
		const participants = readTextList(this, 'participants', 'Participants');
		if (participants.length === 0) throw fieldError(this, 'Participants', 'is required but empty');
		request.url = sessionPath(this);
		request.body = { participants: participants.join(',') };
	},
};
