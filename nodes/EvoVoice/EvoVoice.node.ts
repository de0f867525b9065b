import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { flowControlOptions } from '../shared/descriptions';
import { searchEndpoints } from './listSearch/searchEndpoints';
import { messageDescription } from './resources/message';

export class EvoVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EvoVoice',
		name: 'evoVoice',
		icon: { light: 'file:evoVoice.svg', dark: 'file:evoVoice.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send and read EvoVoice SMS session messages',
		defaults: { name: 'EvoVoice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'evoVoiceApi', required: true }],
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
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			...messageDescription,
			flowControlOptions,
		],
	};

	methods = {
		listSearch: { searchEndpoints },
	};
}
