import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { listRows, singlePage, type OperationSpec } from '../../../shared/operation';

export const chatTopicGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['chatTopic'], operation: ['getAll'] }),
];

/** ChatTopicsForUser: GET ChatTopic/ForCurrentUser, the topics the user can respond to, listen to or manage. */
export const chatTopicGetAll: OperationSpec = {
	method: 'GET',
	url: '/api/v1/ChatTopic/ForCurrentUser',
	rows: (body) => listRows(body),
	paging: singlePage,
};
