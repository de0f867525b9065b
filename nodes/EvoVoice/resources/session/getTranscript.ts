import type { INodeProperties } from 'n8n-workflow';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { pathSegment, readText } from '../../../shared/validation';
import { filtersCollection, type QueryFilter } from '../../shared/descriptions';
import { readQueryFilters } from '../../shared/parameters';

const showForTranscript = { resource: ['session'], operation: ['getTranscript'] };

/** In the order they go on the query string. */
const transcriptOptions: QueryFilter[] = [
	{
		kind: 'boolean',
		property: {
			displayName: 'Include Earlier Messages',
			name: 'includeHistorical',
			type: 'boolean',
			default: false,
			description: 'Whether to include earlier messages with the same chat party',
		},
	},
	{
		kind: 'dateTime',
		property: {
			displayName: 'Earlier Messages Since',
			name: 'historicalCutOffDate',
			type: 'dateTime',
			default: '',
			description: 'How far back earlier messages go (at most 6 months)',
		},
	},
];

export const sessionGetTranscriptProperties: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: showForTranscript },
		description: 'The chat session whose transcript to get',
	},
	filtersCollection(showForTranscript, transcriptOptions, {
		name: 'options',
		displayName: 'Options',
		placeholder: 'Add Option',
	}),
];

/**
 * GetChatTranscript (role User): GET /sessions/{sessionId}/transcript?includeHistorical&historicalCutOffDate
 * → `{messages: [{date, from, body, mediaUri, mediaContentType}]}`; one item per message, with the
 * session ID added (the answer does not repeat it).
 */
export const sessionGetTranscript: OperationSpec<string> = {
	method: 'GET',
	build(request) {
		const sessionId = readText(this, 'sessionId', 'Session ID', { required: true });
		request.url = `/sessions/${pathSegment(this, 'sessionId', 'Session ID')}/transcript`;
		request.qs = readQueryFilters(this, 'options', transcriptOptions);
		return sessionId;
	},
	rows: (body) => listRows(body, 'messages'),
	finish(items, _request, sessionId) {
		return items.map((item) => ({ ...item, json: { sessionId, ...item.json } }));
	},
};
