import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { actionSubtitle, requestOptionsWithMaxFileSize } from '../shared/descriptions';
import {
	sendAndWaitOperation,
	sendAndWaitWebhook,
	sendAndWaitWebhookMethods,
	sendAndWaitWebhooks,
	withDeclarativeRequestOptions,
} from '../shared/sendAndWait';
import { NETSAPIENS_MAX_FILE_MB } from './shared/messageBody';
import { searchMessageSessions } from './listSearch/searchMessageSessions';
import { searchSmsNumbers } from './listSearch/searchSmsNumbers';
import { messageDescription } from './resources/message';
import { messageSendAndWait } from './resources/message/sendAndWait';
import { messageSessionDescription } from './resources/messageSession';
import { smsNumberDescription } from './resources/smsNumber';
import { userDescription } from './resources/user';
import { domainField, userField } from './shared/descriptions';

const resourceDescriptions = [
	messageDescription,
	messageSessionDescription,
	smsNumberDescription,
	userDescription,
];

export class NetSapiens implements INodeType {
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle -- the rule finds only a literal subtitle; this one is built from the action texts
	description: INodeTypeDescription = {
		displayName: 'NetSapiens',
		name: 'netSapiens',
		icon: { light: 'file:netSapiens.svg', dark: 'file:netSapiens.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(...resourceDescriptions.flat()),
		description: 'Send and read chat, SMS and MMS messages on a NetSapiens PBX (ns-api v2)',
		defaults: { name: 'NetSapiens' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netSapiensMessagingApi', required: true }],
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
					{ name: 'Message', value: 'message' },
					{ name: 'Message Session', value: 'messageSession' },
					{ name: 'SMS Number', value: 'smsNumber' },
					{ name: 'User', value: 'user' },
				],
				default: 'message',
			},
			// Each description starts with its Operation. Domain and User scope every operation, so the editor
			// shows them right below Operation and above the operation's own fields.
			...resourceDescriptions.map(([operations]) => operations),
			domainField,
			userField,
			...resourceDescriptions.flatMap(([, ...fields]) => fields),
			withDeclarativeRequestOptions(requestOptionsWithMaxFileSize(NETSAPIENS_MAX_FILE_MB)),
		],
	};

	webhook = sendAndWaitWebhook(messageSendAndWait);

	webhookMethods = sendAndWaitWebhookMethods;

	customOperations = { message: { sendAndWait: sendAndWaitOperation(messageSendAndWait) } };

	methods = {
		listSearch: { searchMessageSessions, searchSmsNumbers },
	};
}
