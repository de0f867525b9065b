import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, singlePage, type OperationSpec } from '../../../shared/operation';
import { readInteger } from '../../../shared/validation';
import { chatSessionLocator } from '../../shared/descriptions';
import { readId } from '../../shared/ids';

const showForGetMany = { resource: ['chatMessage'], operation: ['getMany'] };

export const chatMessageGetManyProperties: INodeProperties[] = [
	chatSessionLocator(showForGetMany, 'The chat session whose messages to get'),
	{
		displayName: 'After Message ID',
		name: 'after',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: { show: showForGetMany },
		description: 'Only messages newer than this message ID; 0 gets them all',
	},
	...returnAllOrLimit(showForGetMany),
];

/** GetChatMessages: GET ChatSession/{id}/Messages?after={messageId}, answered as a ChatMessage array. */
export const chatMessageGetMany: OperationSpec = {
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
