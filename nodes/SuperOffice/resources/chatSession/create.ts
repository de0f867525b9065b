import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { chatTopicLocator } from '../../shared/descriptions';
import { readId } from '../../shared/parameters';

export const chatSessionCreateProperties: INodeProperties[] = [
	chatTopicLocator({ resource: ['chatSession'], operation: ['create'] }),
];

/** CreateChatSessionForTopic: POST ChatTopic/{id}/Sessions with no body; answers the new ChatSessionEntity. */
export const chatSessionCreate: OperationSpec = {
	method: 'POST',
	build(request) {
		request.url = `/api/v1/ChatTopic/${readId(this, 'chatTopicId', 'Chat Topic')}/Sessions`;
	},
};
