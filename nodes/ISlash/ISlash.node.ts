import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { actionSubtitle, requestOptionsWithMaxFileSize } from '../shared/descriptions';
import {
	sendAndWaitOperation,
	sendAndWaitWebhook,
	sendAndWaitWebhookMethods,
	sendAndWaitWebhooks,
	withDeclarativeRequestOptions,
} from '../shared/sendAndWait';
import { ISLASH_MAX_FILE_MB } from './shared/maxFileSize';
import { searchStickers } from './listSearch/searchStickers';
import { searchTemplates } from './listSearch/searchTemplates';
import { contactDescription } from './resources/contact';
import { labelDescription } from './resources/label';
import { sessionMessageDescription } from './resources/sessionMessage';
import { sessionMessageSendAndWait } from './resources/sessionMessage/sendAndWait';
import { stickerDescription } from './resources/sticker';
import { templateDescription } from './resources/template';
import { templateMessageDescription } from './resources/templateMessage';
import { sessionKeyProperty } from './shared/session';

export class ISlash implements INodeType {
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle -- the rule finds only a literal subtitle; this one is built from the action texts
	description: INodeTypeDescription = {
		displayName: 'iSlash',
		name: 'iSlash',
		icon: { light: 'file:iSlash.svg', dark: 'file:iSlash.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(
			...sessionMessageDescription,
			...templateMessageDescription,
			...templateDescription,
			...stickerDescription,
			...labelDescription,
			...contactDescription,
		),
		description:
			'Send WhatsApp and Facebook Messenger messages and manage contacts with the iSlash CRM',
		defaults: { name: 'iSlash' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iSlashMessagingApi', required: true }],
		webhooks: sendAndWaitWebhooks,
		// No Content-Type default: JSON bodies get theirs from the HTTP client, and a multipart send must
		// carry the client's own multipart/form-data boundary header.
		requestDefaults: { headers: { Accept: 'application/json' }, json: true },
		// Session Key picks the WhatsApp or Messenger channel for every operation, like a connection
		// setting, so it comes first rather than below each operation's Options.
		properties: [
			sessionKeyProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Label', value: 'label' },
					{ name: 'Session Message', value: 'sessionMessage' },
					{ name: 'Sticker', value: 'sticker' },
					{ name: 'Template', value: 'template' },
					{ name: 'Template Message', value: 'templateMessage' },
				],
				default: 'sessionMessage',
			},
			...sessionMessageDescription,
			...templateMessageDescription,
			...templateDescription,
			...stickerDescription,
			...labelDescription,
			...contactDescription,
			withDeclarativeRequestOptions(requestOptionsWithMaxFileSize(ISLASH_MAX_FILE_MB)),
		],
	};

	webhook = sendAndWaitWebhook(sessionMessageSendAndWait);

	webhookMethods = sendAndWaitWebhookMethods;

	customOperations = {
		sessionMessage: { sendAndWait: sendAndWaitOperation(sessionMessageSendAndWait) },
	};

	methods = {
		listSearch: { searchStickers, searchTemplates },
	};
}
