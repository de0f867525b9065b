import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { actionSubtitle, flowControlOptions } from '../shared/descriptions';
import { searchMessageSessions } from './listSearch/searchMessageSessions';
import { searchSmsNumbers } from './listSearch/searchSmsNumbers';
import { messageFields, messageOperations } from './resources/message';
import { messageSessionFields, messageSessionOperations } from './resources/messageSession';
import { smsNumberFields, smsNumberOperations } from './resources/smsNumber';
import { domainField, userField } from './shared/descriptions';
import { netSapiensCredentialTest } from './shared/credentialTest';

export class NetSapiens implements INodeType {
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle -- the rule finds only a literal subtitle; this one is built from the action texts
	description: INodeTypeDescription = {
		displayName: 'NetSapiens',
		name: 'netSapiens',
		icon: { light: 'file:netSapiens.svg', dark: 'file:netSapiens.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(messageOperations, messageSessionOperations, smsNumberOperations),
		description: 'Send and read chat, SMS and MMS messages on a NetSapiens PBX (ns-api v2)',
		defaults: { name: 'NetSapiens' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netSapiensApi', required: true, testedBy: 'providerCredentialTest' }],
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
				],
				default: 'message',
			},
			messageOperations,
			messageSessionOperations,
			smsNumberOperations,
			domainField,
			userField,
			...messageFields,
			...messageSessionFields,
			...smsNumberFields,
			flowControlOptions,
		],
	};

	methods = {
		listSearch: { searchMessageSessions, searchSmsNumbers },
		credentialTest: netSapiensCredentialTest,
	};
}
