import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters } from 'n8n-workflow';
import { ISlash } from '../../nodes/ISlash/ISlash.node';
import { guardNetwork } from '../harness/nockGuard';
import {
	BASE,
	capture,
	nock,
	okay,
	parseMultipart,
	runISlash,
	SESSION,
	sentMessage,
	type CapturedRequest,
} from '../nodes/ISlash/fixtures';

guardNetwork();

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
}
interface WorkflowFile {
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
}

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../examples/islash-send-image.json'), 'utf8'),
) as WorkflowFile;
const iSlashNode = workflow.nodes.find(
	(node) => node.type === 'n8n-nodes-session-messaging.iSlash',
)!;

describe('examples/islash-send-image.json', () => {
	it('is an importable chain that downloads nothing: Manual Trigger → Set (base64) → Convert to File → iSlash, with a sticky note', () => {
		expect(workflow.nodes.map((node) => node.type)).toEqual([
			'n8n-nodes-base.manualTrigger',
			'n8n-nodes-base.set',
			'n8n-nodes-base.convertToFile',
			'n8n-nodes-session-messaging.iSlash',
			'n8n-nodes-base.stickyNote',
		]);
		expect(JSON.stringify(workflow)).not.toMatch(/https?:\/\//);
		const names = new Set(workflow.nodes.map((node) => node.name));
		for (const [from, { main }] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of main.flat()) expect(names.has(target.node)).toBe(true);
		}
		expect(iSlashNode.credentials).toEqual({
			iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' },
		});
		const known = new Set(new ISlash().description.properties.map((property) => property.name));
		expect(Object.keys(iSlashNode.parameters).filter((name) => !known.has(name))).toEqual([]);
	});

	it('its iSlash step uploads the picture with the caption as one multipart request', async () => {
		const seen: CapturedRequest[] = [];
		nock(BASE)
			.post('/send-session-message')
			.reply(capture(seen, okay({ message: sentMessage })));
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

		const result = await runISlash({
			parameters: iSlashNode.parameters,
			items: [
				{
					json: {},
					binary: {
						data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'photo.png' },
					},
				},
			],
		});

		expect(result.error).toBeUndefined();
		expect(await parseMultipart(seen[0])).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['text', 'Here is the picture you asked for'],
			['file', { name: 'photo.png', type: 'image/png', bytes: png }],
		]);
	});
});
