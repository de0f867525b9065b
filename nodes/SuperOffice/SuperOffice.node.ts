import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { actionSubtitle, flowControlOptions } from '../shared/descriptions';
import {
	sendAndWaitOperation,
	sendAndWaitWebhook,
	sendAndWaitWebhookMethods,
	sendAndWaitWebhooks,
	withDeclarativeRequestOptions,
} from '../shared/sendAndWait';
import { searchChatSessions } from './listSearch/searchChatSessions';
import { searchChatTopics } from './listSearch/searchChatTopics';
import { chatMessageDescription } from './resources/chatMessage';
import { chatMessageSendAndWait } from './resources/chatMessage/sendAndWait';
import { chatSessionDescription } from './resources/chatSession';
import { chatTopicDescription } from './resources/chatTopic';
import { authenticationProperty } from './shared/descriptions';

export class SuperOffice implements INodeType {
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle -- the rule finds only a literal subtitle; this one is built from the action texts
	description: INodeTypeDescription = {
		displayName: 'SuperOffice',
		name: 'superOffice',
		icon: { light: 'file:superOffice.svg', dark: 'file:superOffice.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(
			...chatMessageDescription,
			...chatSessionDescription,
			...chatTopicDescription,
		),
		description: 'Send and read SuperOffice CRM web chat messages and sessions',
		defaults: { name: 'SuperOffice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'superOfficeMessagingApi',
				required: true,
				displayOptions: { show: { authentication: ['superOfficeMessagingApi'] } },
			},
			{
				name: 'superOfficeMessagingOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['superOfficeMessagingOAuth2Api'] } },
			},
		],
		webhooks: sendAndWaitWebhooks,
		// Each operation makes its URL absolute from the selected credential (see shared/routing.ts).
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Chat Message', value: 'chatMessage' },
					{ name: 'Chat Session', value: 'chatSession' },
					{ name: 'Chat Topic', value: 'chatTopic' },
				],
				default: 'chatMessage',
			},
			...chatMessageDescription,
			...chatSessionDescription,
			...chatTopicDescription,
			withDeclarativeRequestOptions(flowControlOptions),
		],
	};

	webhook = sendAndWaitWebhook(chatMessageSendAndWait);

	webhookMethods = sendAndWaitWebhookMethods;

	customOperations = {
		chatMessage: { sendAndWait: sendAndWaitOperation(chatMessageSendAndWait) },
	};

	methods = {
		listSearch: { searchChatSessions, searchChatTopics },
	};
}
