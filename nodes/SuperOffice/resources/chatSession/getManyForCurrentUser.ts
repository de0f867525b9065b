import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, singlePage, type OperationSpec } from '../../../shared/operation';

export const chatSessionGetManyForCurrentUserProperties: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['chatSession'], operation: ['getManyForCurrentUser'] }),
];

/** ChatSessionsForUser: GET ChatSession/ForCurrentUser, answered as one ChatSessionEntity array. */
export const chatSessionGetManyForCurrentUser: OperationSpec = {
	method: 'GET',
	url: '/api/v1/ChatSession/ForCurrentUser',
	rows: (body) => listRows(body),
	paging: singlePage,
};
