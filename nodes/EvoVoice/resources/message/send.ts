import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import {
	pathSegment,
	phoneAddress,
	readChoice,
	readMessageText,
	readText,
} from '../../../shared/validation';

const showForSend = { resource: ['message'], operation: ['send'] };

export const messageSendProperties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForSend },
		options: [
			{
				name: 'Existing Session',
				value: 'session',
				description: 'Reply inside a session',
			},
			{
				name: 'Phone Number',
				value: 'phoneNumber',
				description: 'Text a number from one of your endpoints',
			},
		],
		default: 'session',
	},
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...showForSend, sendTo: ['session'] } },
		description: 'The ID of the session to post the message to',
	},
	{
		displayName: 'Endpoint',
		name: 'endpointId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		displayOptions: { show: { ...showForSend, sendTo: ['phoneNumber'] } },
		description:
			'The phone-number endpoint the message is sent from. Listing needs a Manager role; otherwise enter the ID.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchEndpoints', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5e3c2a…',
			},
		],
	},
	{
		displayName: 'To Number',
		name: 'toAddress',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+15556667777',
		displayOptions: { show: { ...showForSend, sendTo: ['phoneNumber'] } },
		description:
			'The number to text, best in international format (e.g. +15556667777). Spaces, dashes, dots and brackets are dropped; anything else (e.g. a short code) is sent as written for EvoVoice to judge.',
	},
	{
		displayName: 'Message',
		name: 'body',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: { show: showForSend },
		description: 'The text of the message',
	},
];

/** SendMessage: `{sessionId, body}` into a session, or `{endpointId, toAddress, body}` to a number. */
export const messageSend: OperationSpec = {
	method: 'POST',
	build(request) {
		// Checked first: with an unknown value (an imported or hand-edited workflow) n8n drops the fields it
		// would show, and the send would fail on a field the user never saw.
		const sendTo = readChoice(this, 'sendTo', 'Send To', ['session', 'phoneNumber']);
		const body = readMessageText(this, 'body', 'Message', { required: true });
		if (sendTo === 'session') {
			const sessionId = readText(this, 'sessionId', 'Session ID', { required: true });
			request.url = `/sessions/${pathSegment(this, 'sessionId', 'Session ID')}/messages`;
			request.body = { sessionId, body } satisfies IDataObject;
			return;
		}
		const endpointId = readText(this, 'endpointId', 'Endpoint', { required: true });
		// EvoVoice documents only `+15556667777` as an example (SendMessage › toAddress), not a format it refuses.
		const toAddress = phoneAddress(readText(this, 'toAddress', 'To Number', { required: true }));
		request.url = '/messages';
		request.body = { endpointId, toAddress, body } satisfies IDataObject;
	},
};
