import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import {
	checkText,
	compact,
	dateTimeOf,
	fieldError,
	readChoice,
	readMessageText,
	readText,
} from '../../../shared/validation';
import { readId } from '../../shared/parameters';
import { chatSessionLocator } from '../../shared/descriptions';

const showForSend = { resource: ['chatMessage'], operation: ['send'] };

const MESSAGE_TYPES = ['ToCustomer', 'ToUser', 'Special'] as const;

/**
 * SuperOffice's SpecialType enum, spelling included (TransferedSession): the 18 values of ChatMessage.SpecialType
 * in SuperOffice's REST Swagger (Swagger-v1-ChatSession.json) and CRMScript's ChatMessageSpecialType.
 */
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
	'IllegalFileType',
] as const;

/**
 * SuperOffice documents the meaning of Url ("such as an URL redirection", REST reference of AddChatMessage),
 * Options ("Options are as JSON array in specialParam") and IllegalFileType ("Uploaded file has illegal type",
 * both CRMScript enum ChatMessageSpecialType); the other
 * descriptions say what each name denotes in SuperOffice's chat log.
 */
const SPECIAL_TYPE_OPTIONS: Record<
	(typeof SPECIAL_TYPES)[number],
	{ name: string; description: string }
> = {
	None: {
		name: 'None (Plain Message)',
		description: 'An ordinary chat message; Message is required',
	},
	Welcome: { name: 'Welcome', description: 'The greeting shown when the chat opens' },
	Url: {
		name: 'URL',
		description: 'Sends the customer to a web address, given in Special Parameter',
	},
	Block: { name: 'Block', description: 'The notice that the customer has been blocked from chat' },
	NewSession: {
		name: 'New Session',
		description: 'The notice that a new chat session has started',
	},
	TransferedSession: {
		name: 'Transferred Session',
		description: 'The notice that the session was transferred to another agent',
	},
	Error: { name: 'Error', description: 'An error notice shown in the chat' },
	SessionDeleted: {
		name: 'Session Deleted',
		description: 'The notice that the session was deleted',
	},
	FaqSuccessQuestion: {
		name: 'FAQ Success Question',
		description: 'Asks the customer whether an FAQ answer helped',
	},
	ClosedByUser: {
		name: 'Closed by User',
		description: 'The notice that the agent closed the session',
	},
	ClosedByCustomer: {
		name: 'Closed by Customer',
		description: 'The notice that the customer closed the session',
	},
	ClosedByIdle: {
		name: 'Closed by Idle',
		description: 'The notice that the session closed after being idle',
	},
	TransferRejected: {
		name: 'Transfer Rejected',
		description: 'The notice that an agent declined a transfer',
	},
	ReopenedByCustomer: {
		name: 'Reopened by Customer',
		description: 'The notice that the customer reopened the session',
	},
	ClickedOption: {
		name: 'Clicked Option',
		description: 'Records which offered option the customer clicked',
	},
	BotMessage: {
		name: 'Bot Message',
		description: 'A message from a chatbot; Special Parameter may hold "showAt=…"',
	},
	Options: {
		name: 'Options (Clickable Buttons)',
		description: 'Offers buttons the customer can click, set in Options below',
	},
	// CRMScript ChatMessageSpecialType: "Uploaded file has illegal type"
	IllegalFileType: {
		name: 'Illegal File Type',
		description: 'The notice that an uploaded file has a type that is not allowed',
	},
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
			{ name: 'Special', value: 'Special', description: 'A system notice rather than a chat line' },
			{
				name: 'To Customer',
				value: 'ToCustomer',
				description: 'From an agent or bot to the customer',
			},
			{
				name: 'To User',
				value: 'ToUser',
				description: 'As if the customer wrote it, to the agent',
			},
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
			.map((value) => ({ ...SPECIAL_TYPE_OPTIONS[value], value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'None',
		displayOptions: { show: showForSend },
		description:
			'Marks a special message, such as a URL redirection, a bot message or clickable options. Independent of Type: SuperOffice’s own chatbot sends Options and Bot Message with Type To Customer.',
	},
	{
		displayName: 'Special Parameter',
		name: 'specialParam',
		type: 'string',
		default: '',
		displayOptions: { show: showForSend, hide: { specialType: ['None', 'Options'] } },
		description:
			'The parameter of the special type, e.g. the address for URL, or "showAt=…" for a bot message',
	},
	{
		displayName: 'Options',
		name: 'choices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...showForSend, specialType: ['Options'] } },
		description:
			'The buttons the customer can click; sent as the JSON array of texts SuperOffice expects in the special parameter',
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
				description:
					'When the message was posted; sent in UTC. Empty leaves it to SuperOffice. A time without an offset is read in the workflow’s time zone.',
			},
		],
	},
];

/**
 * Empty: left out, so SuperOffice stamps the message itself. The REST reference marks no body field
 * required (superoffice-docs, restful/rest/ChatSession/v1ChatSessionEntity_AddChatMessage.md) and
 * SuperOffice's own bot examples add messages without it (SuperOffice/devnet-crmscript-chatbot).
 */
function readChoices(ctx: IExecuteSingleFunctions): string {
	const raw = ctx.getNodeParameter('choices', {}) as { choice?: Array<{ text?: unknown }> };
	const choices = Array.isArray(raw.choice) ? raw.choice : [];
	const texts = choices.map((choice, index) =>
		checkText(ctx, choice.text, `Options › Option ${index + 1} › Text`, { required: true }),
	);
	if (texts.length === 0)
		throw fieldError(ctx, 'Options', 'add at least one option for the Options special type');
	return JSON.stringify(texts);
}

/** AddChatMessage: the documented ChatMessage body; SuperOffice answers with the stored message. */
export const chatMessageSend: OperationSpec = {
	method: 'POST',
	build(request) {
		const chatSessionId = readId(this, 'chatSessionId', 'Chat Session');
		const type = readChoice(this, 'type', 'Type', MESSAGE_TYPES);
		const specialType = readChoice(this, 'specialType', 'Special Type', SPECIAL_TYPES);
		const message = readMessageText(this, 'message', 'Message', {
			required: specialType === 'None',
		});
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
				WhenPosted:
					dateTimeOf(this, fields.whenPosted, 'When Posted')?.toUTC().toISO() ?? undefined,
			}),
			Message: message,
		};
	},
};
