import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { singlePage, type OperationSpec } from '../../../shared/operation';
import { readSessionKey } from '../../shared/session';
import { dataList } from '../../shared/answers';

export const stickerGetAllProperties: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['sticker'], operation: ['getAll'] }),
];

/** Get Sticker List: GET /sticker?session= → data.stickers (id, name, type, width, height). */
export const stickerGetAll: OperationSpec = {
	method: 'GET',
	url: '/sticker',
	async build(request) {
		request.qs = { ...request.qs, session: await readSessionKey(this) };
	},
	rows: (body) => dataList(body, 'stickers'),
	paging: singlePage,
};
