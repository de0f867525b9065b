import type { INode, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { EvoVoice } from '../../../nodes/EvoVoice/EvoVoice.node';
import { EvoVoiceTrigger } from '../../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { ISlash } from '../../../nodes/ISlash/ISlash.node';
import { ISlashTrigger } from '../../../nodes/ISlash/ISlashTrigger.node';
import { NetSapiens } from '../../../nodes/NetSapiens/NetSapiens.node';
import { NetSapiensTrigger } from '../../../nodes/NetSapiens/NetSapiensTrigger.node';
import { SuperOffice } from '../../../nodes/SuperOffice/SuperOffice.node';
import { SuperOfficeTrigger } from '../../../nodes/SuperOffice/SuperOfficeTrigger.node';
import { nodeTypesFor } from '../../harness/engine';

/**
 * The subtitle under a node on the canvas, computed as n8n's editor does (useNodeHelpers' getNodeSubtitle:
 * the node's parameters with their defaults, then `workflow.expression.getSimpleParameterValue`).
 */
function canvasSubtitle(nodeType: INodeType, parameters: INodeParameters): unknown {
	const { nodeTypes, typeName } = nodeTypesFor(nodeType);
	const node: INode = {
		id: 'subtitle',
		name: 'Subtitle',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters:
			NodeHelpers.getNodeParameters(
				nodeType.description.properties,
				parameters,
				true,
				false,
				null,
				nodeType.description,
			) ?? {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle,
		'internal',
		{},
	);
}

describe('canvas subtitles', () => {
	it.each([
		['NetSapiens Trigger, default event', new NetSapiensTrigger(), {}, 'Message Received'],
		[
			'NetSapiens Trigger, session events',
			new NetSapiensTrigger(),
			{ event: 'messagesession' },
			'Message Session Updated',
		],
		[
			'iSlash Trigger, default events',
			new ISlashTrigger(),
			{},
			'Incoming Messages, Status Updates',
		],
		[
			'iSlash Trigger, in the order chosen',
			new ISlashTrigger(),
			{ events: ['statuses', 'messages'] },
			'Status Updates, Incoming Messages',
		],
		['SuperOffice Trigger, default event', new SuperOfficeTrigger(), {}, 'Chat Session Message'],
		[
			'SuperOffice Trigger, two events',
			new SuperOfficeTrigger(),
			{ events: ['chatsession.created', 'chatsession.message'] },
			'Chat Session Created, Chat Session Message',
		],
		['EvoVoice Trigger', new EvoVoiceTrigger(), {}, 'New incoming message'],
	])('%s: the events’ display names', (_name, nodeType, parameters, expected) => {
		expect(canvasSubtitle(nodeType, parameters)).toBe(expected);
	});

	it.each([
		['NetSapiens', new NetSapiens(), { resource: 'message', operation: 'send' }],
		['EvoVoice', new EvoVoice(), { resource: 'message', operation: 'send' }],
		['iSlash', new ISlash(), { resource: 'sessionMessage', operation: 'send' }],
		['SuperOffice', new SuperOffice(), { resource: 'chatMessage', operation: 'send' }],
	])('%s: the chosen operation’s action text', (_name, nodeType, parameters) => {
		const operation = nodeType.description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(parameters.resource),
		);
		const action = operation?.options?.find(
			(option) => 'value' in option && option.value === parameters.operation,
		);
		expect(action && 'action' in action ? action.action : undefined).toMatch(/^Send /);
		expect(canvasSubtitle(nodeType, parameters)).toBe(
			action && 'action' in action ? action.action : undefined,
		);
	});
});
