import type { INodeProperties } from 'n8n-workflow';
import { evoVoiceRouting } from '../../shared/routing';
import { sessionGetAll, sessionGetAllProperties } from './getAll';
import { sessionGetTranscript, sessionGetTranscriptProperties } from './getTranscript';

export const sessionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['session'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many sessions',
			description:
				'List sessions (calls and chats), filtered by account, date, endpoint, customer or party',
			routing: evoVoiceRouting(sessionGetAll),
		},
		{
			name: 'Get Transcript',
			value: 'getTranscript',
			action: 'Get the transcript of a session',
			description: 'Get the chat messages of a session, one item per message',
			routing: evoVoiceRouting(sessionGetTranscript),
		},
	],
	default: 'getAll',
};

export const sessionDescription: INodeProperties[] = [
	sessionOperations,
	...sessionGetAllProperties,
	...sessionGetTranscriptProperties,
];
