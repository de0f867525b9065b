import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';

// The AI Agent example as a user imports it; the e2e run (e2e/e2e-agents.js) proves it in a real n8n.
interface WorkflowFile {
	nodes: Array<{ name: string; type: string; typeVersion: number; parameters: INodeParameters }>;
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;
	settings: { executionOrder?: string };
}

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../examples/ai-agent-evovoice-sms.json'), 'utf8'),
) as WorkflowFile;
const tool = workflow.nodes.find(
	(node) => node.type === 'n8n-nodes-session-messaging.evoVoiceTool',
)!;
const fromAICalls = [
	...JSON.stringify(workflow).matchAll(/\$fromAI\('(\w+)', `([^`]*)`, '(\w+)'\)/g),
];

describe('examples/ai-agent-evovoice-sms.json', () => {
	it('wires n8n’s AI Agent: the request in, the OpenAI Chat Model as its model, the EvoVoice node as its tool', () => {
		const to = (from: string, kind: string) =>
			workflow.connections[from]?.[kind]?.[0]?.map((link) => `${link.node} (${link.type})`);
		expect(to('When clicking ‘Execute workflow’', 'main')).toEqual(['Customer request (main)']);
		expect(to('Customer request', 'main')).toEqual(['AI Agent (main)']);
		expect(to('OpenAI Chat Model', 'ai_languageModel')).toEqual(['AI Agent (ai_languageModel)']);
		expect(to('Text the customer', 'ai_tool')).toEqual(['AI Agent (ai_tool)']);
	});

	it('runs in execution order v1: with the legacy order n8n 2.40 resumes the agent before its tool ran, and the model gets "" as the result', () => {
		expect(workflow.settings.executionOrder).toBe('v1');
	});

	it('uses the EvoVoice node’s send as a tool, with only the number and the text left to the model', () => {
		const node = new EvoVoice();
		expect(node.description.usableAsTool).toBe(true);
		const operation = node.description.properties.find(
			(property: INodeProperties) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(tool.parameters.resource as string),
		)!;
		expect(operation.options).toContainEqual(
			expect.objectContaining({
				value: tool.parameters.operation,
				action: 'Send a session message',
			}),
		);
		expect(fromAICalls.map(([, key]) => key)).toEqual(['phoneNumber', 'text']);
		expect(tool.parameters.toAddress).toContain("$fromAI('phoneNumber'");
		expect(tool.parameters.body).toContain("$fromAI('text'");
	});

	it('describes every $fromAI() value, its format included: the description is all a model sees of a field', () => {
		for (const [, key, description, type] of fromAICalls) {
			expect({ key, type, long: description.length >= 20 }).toEqual({
				key,
				type: 'string',
				long: true,
			});
		}
		expect(fromAICalls[0][2]).toMatch(/E\.164/);
	});
});
