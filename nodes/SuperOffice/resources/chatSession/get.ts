import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { chatSessionLocator } from '../../shared/descriptions';
import { readId } from '../../shared/parameters';

export const chatSessionGetProperties: INodeProperties[] = [
	chatSessionLocator({ resource: ['chatSession'], operation: ['get'] }, 'The chat session to get'),
];

/** GetChatSessionEntity: GET ChatSession/{id}; a missing session answers 404. */
export const chatSessionGet: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = `/api/v1/ChatSession/${readId(this, 'chatSessionId', 'Chat Session')}`;
	},
};
