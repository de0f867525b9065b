import { DateTime } from 'luxon';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { checkText, compact, fieldError, readChoice, readMessageText, readText } from '../../../shared/validation';
import { readId } from '../../shared/ids';
import { chatSessionLocator } from '../../shared/descriptions';

const showForSend = { resource: ['chatMessage'], operation: ['send'] };

const MESSAGE_TYPES = ['ToCustomer', 'ToUser', 'Special'] as const;

/** SuperOffice's SpecialType enum, spelling included (TransferedSession). */
const SPECIAL_TYPES = [
	'None',
	'Welcome',
	'Url',
	'Block',
	'NewSession',
	'TransferedSession',
	'Error',
	'SessionDeleted',
	'FaqSuccessQuestion',
	'ClosedByUser',
	'ClosedByCustomer',
	'ClosedByIdle',
	'TransferRejected',
	'ReopenedByCustomer',
	'ClickedOption',
	'BotMessage',
	'Options',
] as const;

const SPECIAL_TYPE_NAMES: Record<(typeof SPECIAL_TYPES)[number], string> = {
	None: 'None (Plain Message)',
	Welcome: 'Welcome',
	Url: 'URL',
	Block: 'Block',
	NewSession: 'New Session',
	TransferedSession: 'Transferred Session',
	Error: 'Error',
	SessionDeleted: 'Session Deleted',
	FaqSuccessQuestion: 'FAQ Success Question',
	ClosedByUser: 'Closed by User',
	ClosedByCustomer: 'Closed by Customer',
	ClosedByIdle: 'Closed by Idle',
	TransferRejected: 'Transfer Rejected',
	ReopenedByCustomer: 'Reopened by Customer',
	ClickedOption: 'Clicked Option',
	BotMessage: 'Bot Message',
	Options: 'Options (Clickable Buttons)',
};

export const chatMessageSendProperties: INodeProperties[] = [
	chatSessionLocator(showForSend, 'The chat session to post the message to'),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: { show: showForSend },
		description: 'The text of the message. Required unless a special type is chosen.',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Special', value: 'Special', description: 'A system message (with a special type)' },
			{ name: 'To Customer', value: 'ToCustomer', description: 'From an agent or bot to the customer' },
			{ name: 'To User', value: 'ToUser', description: 'As if the customer wrote it, to the agent' },
		],
		default: 'ToCustomer',
		displayOptions: { show: showForSend },
		description: 'Who the message is from and to',
	},
	{
		displayName: 'Special Type',
		name: 'specialType',
		type: 'options',
		options: [...SPECIAL_TYPES]
			.map((value) => ({ name: SPECIAL_TYPE_NAMES[value], value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'None',
		displayOptions: { show: showForSend },
		description: 'Marks a special message, such as a URL redirection, a bot message or a list of clickable options',
	},
	{
		displayName: 'Special Parameter',
		name: 'specialParam',
		type: 'string',
		default: '',
		displayOptions: { show: showForSend, hide: { specialType: ['None', 'Options'] } },
		description: 'The parameter of the special type, e.g. the address for URL, or "showAt=…" for a bot message',
	},
	{
		displayName: 'Options',
		name: 'choices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...showForSend, specialType: ['Options'] } },
		description: 'The buttons the customer can click; sent as the JSON array of texts SuperOffice expects in the special parameter',
		options: [
			{
				displayName: 'Option',
				name: 'choice',
				values: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForSend },
		options: [
			{
				displayName: 'Author',
				name: 'author',
				type: 'string',
				default: '',
				description: 'The name shown in the chat as the message’s author, e.g. your bot’s name',
			},
			{
				displayName: 'Read by Customer',
				name: 'readByCustomer',
				type: 'boolean',
				default: false,
				description: 'Whether to mark the message as already read by the customer',
			},
			{
				displayName: 'When Posted',
				name: 'whenPosted',
				type: 'dateTime',
				default: '',
				description: 'When the message was posted; sent in UTC. Empty leaves it to SuperOffice. A time without an offset is read in the workflow’s time zone.',
			},
		],
	},
];

/**
 * Empty: left out, so SuperOffice stamps the message itself. The REST reference marks no body field
 * required (superoffice-docs, restful/rest/ChatSession/v1ChatSessionEntity_AddChatMessage.md) and
 * SuperOffice's own bot examples add messages without it (SuperOffice/devnet-crmscript-chatbot).
 */
function readWhenPosted(ctx: IExecuteSingleFunctions, value: unknown): string | undefined {
	const text = checkText(ctx, value, 'When Posted');
	if (text === '') return undefined;
	const parsed = DateTime.fromISO(text, { zone: ctx.getTimezone(), setZone: false });
	if (!parsed.isValid) {
		throw fieldError(ctx, 'When Posted', `"${text}" is not a date and time`, 'Use ISO 8601, e.g. 2026-11-22T10:00:00Z');
	}
	return parsed.toUTC().toISO()!;
}

function readChoices(ctx: IExecuteSingleFunctions): string {
	const raw = ctx.getNodeParameter('choices', {}) as { choice?: Array<{ text?: unknown }> };
	const choices = Array.isArray(raw.choice) ? raw.choice : [];
	const texts = choices.map((choice, index) => checkText(ctx, choice.text, `Options › Option ${index + 1} › Text`, { required: true }));
	if (texts.length === 0) throw fieldError(ctx, 'Options', 'add at least one option for the Options special type');
	return JSON.stringify(texts);
}

/** AddChatMessage: the documented ChatMessage body; SuperOffice answers with the stored message. */
export const chatMessageSend: OperationSpec = {
	method: 'POST',
	build(request) {
		const chatSessionId = readId(this, 'chatSessionId', 'Chat Session');
		const type = readChoice(this, 'type', 'Type', MESSAGE_TYPES);
		const specialType = readChoice(this, 'specialType', 'Special Type', SPECIAL_TYPES);
		const message = readMessageText(this, 'message', 'Message', { required: specialType === 'None' });
		const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
		const specialParam =
			specialType === 'Options'
				? readChoices(this)
				: specialType === 'None'
					? ''
					: readText(this, 'specialParam', 'Special Parameter');
		request.url = `/api/v1/ChatSession/${chatSessionId}/Messages`;
		// Type stays what the user chose: SpecialType is independent of it, and SuperOffice's own chatbot
		// sends Options and BotMessage messages with Type ToCustomer (SuperOffice/devnet-crmscript-chatbot,
		// conversationHandler.crm; superoffice-docs automation/chatbot/messages.md: "type = 1 … from bot to
		// customer"). Message is always sent, empty for a special message without text.
		request.body = {
			...compact({
				ChatMessageId: 0,
				ChatSessionId: chatSessionId,
				Type: type,
				Author: checkText(this, fields.author, 'Author'),
				ReadByCustomer: fields.readByCustomer === true ? 1 : 0,
				SpecialType: specialType,
				SpecialParam: specialParam,
				WhenPosted: readWhenPosted(this, fields.whenPosted),
			}),
			Message: message,
		};
	},
};
