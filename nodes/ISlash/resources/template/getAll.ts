import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { singlePage, type OperationSpec } from '../../../shared/operation';
import { readSessionKey } from '../../shared/session';
import { dataList } from '../../shared/answers';

export const templateGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['template'], operation: ['getAll'] }),
];

/** Get Template Message: POST /template-message {session} → data.templates (name, language, status, components…). */
export const templateGetAll: OperationSpec = {
	method: 'POST',
	url: '/template-message',
	async build(request) {
		request.body = { session: await readSessionKey(this) };
	},
	rows: (body) => dataList(body, 'templates'),
	paging: singlePage,
};
