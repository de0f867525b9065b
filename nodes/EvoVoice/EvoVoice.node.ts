import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import {
	sendAndWaitOperation,
	sendAndWaitWebhook,
	sendAndWaitWebhookMethods,
	sendAndWaitWebhooks,
	withDeclarativeRequestOptions,
} from '../shared/sendAndWait';
import { actionSubtitle, flowControlOptions } from '../shared/descriptions';
import { searchEndpoints } from './listSearch/searchEndpoints';
import { getAccounts } from './loadOptions/getAccounts';
import { conversationDescription } from './resources/conversation';
import { endpointDescription } from './resources/endpoint';
import { messageDescription } from './resources/message';
import { messageSendAndWait } from './resources/message/sendAndWait';
import { sessionDescription } from './resources/session';

export class EvoVoice implements INodeType {
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle -- the rule finds only a literal subtitle; this one is built from the action texts
	description: INodeTypeDescription = {
		displayName: 'EvoVoice',
		name: 'evoVoice',
		icon: { light: 'file:evoVoice.svg', dark: 'file:evoVoice.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(
			...messageDescription,
			...sessionDescription,
			...conversationDescription,
			...endpointDescription,
		),
		description: 'Send and read EvoVoice SMS session messages',
		defaults: { name: 'EvoVoice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'evoVoiceMessagingApi', required: true }],
		webhooks: sendAndWaitWebhooks,
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Endpoint', value: 'endpoint' },
					{ name: 'Message', value: 'message' },
					{ name: 'Session', value: 'session' },
				],
				default: 'message',
			},
			...messageDescription,
			...sessionDescription,
			...conversationDescription,
			...endpointDescription,
			withDeclarativeRequestOptions(flowControlOptions),
		],
	};

	webhook = sendAndWaitWebhook(messageSendAndWait);

	webhookMethods = sendAndWaitWebhookMethods;

	customOperations = { message: { sendAndWait: sendAndWaitOperation(messageSendAndWait) } };

	methods = {
		listSearch: { searchEndpoints },
		loadOptions: { getAccounts },
	};
}
