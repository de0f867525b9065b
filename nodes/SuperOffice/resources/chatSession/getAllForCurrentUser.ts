import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, singlePage, type OperationSpec } from '../../../shared/operation';

export const chatSessionGetAllForCurrentUserProperties: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['chatSession'], operation: ['getAllForCurrentUser'] }),
];

/** ChatSessionsForUser: GET ChatSession/ForCurrentUser, answered as one ChatSessionEntity array. */
export const chatSessionGetAllForCurrentUser: OperationSpec = {
	method: 'GET',
	url: '/api/v1/ChatSession/ForCurrentUser',
	rows: (body) => listRows(body),
	paging: singlePage,
};
