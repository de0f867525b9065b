import type { INodeProperties } from 'n8n-workflow';
import { iSlashRouting } from '../../shared/routing';
import { stickerGetAll, stickerGetAllProperties } from './getAll';

export const stickerOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['sticker'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many stickers',
			description: "List the channel's stickers (their IDs are what Session Message › Send takes)",
			routing: iSlashRouting(stickerGetAll),
		},
	],
	default: 'getAll',
};

export const stickerDescription: INodeProperties[] = [
	stickerOperations,
	...stickerGetAllProperties,
];
