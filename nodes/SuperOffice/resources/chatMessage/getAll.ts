import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, singlePage, type OperationSpec } from '../../../shared/operation';
import { readInteger } from '../../../shared/validation';
import { chatSessionLocator } from '../../shared/descriptions';
import { readId } from '../../shared/parameters';

const showForGetAll = { resource: ['chatMessage'], operation: ['getAll'] };

export const chatMessageGetAllProperties: INodeProperties[] = [
	chatSessionLocator(showForGetAll, 'The chat session whose messages to get'),
	{
		displayName: 'After Message ID',
		name: 'after',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: { show: showForGetAll },
		description: 'Only messages newer than this message ID; 0 gets them all',
	},
	...returnAllOrLimit(showForGetAll),
];

/** GetChatMessages: GET ChatSession/{id}/Messages?after={messageId}, answered as a ChatMessage array. */
export const chatMessageGetAll: OperationSpec = {
	method: 'GET',
	build(request) {
		const chatSessionId = readId(this, 'chatSessionId', 'Chat Session');
		const after = readInteger(this, 'after', 'After Message ID', { min: 0, max: 2147483647 });
		request.url = `/api/v1/ChatSession/${chatSessionId}/Messages`;
		if (after) request.qs = { ...request.qs, after };
	},
	rows: (body) => listRows(body),
	paging: singlePage,
};
