import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters } from 'n8n-workflow';
import { ISlashMessagingApi } from '../../credentials/ISlashMessagingApi.credentials';
import { ISlash } from '../../nodes/ISlash/ISlash.node';
import { ISlashTrigger } from '../../nodes/ISlash/ISlashTrigger.node';
import { TriggerHarness } from '../harness/trigger';
import { credentials, whatsAppText } from '../nodes/ISlash/fixtures';

// Issue 38: the two-workflow pattern for a provider that cannot post to a per-wait URL (iSlash). Workflow A
// stores its resume URL in n8n's Data table keyed by the customer, sends and waits in n8n's Wait node;
// workflow B (the iSlash Trigger) takes the row and POSTs the reply to it. Run end to end in a real n8n by
// `npm run test:e2e` (e2e/e2e-reply-wait.js); here: that the two fit together.

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Example {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const read = (file: string) =>
	JSON.parse(
		readFileSync(join(__dirname, '../../examples/wait-for-reply', file), 'utf8'),
	) as Example;
const ask = read('islash-ask-and-wait.json');
const resume = read('islash-resume-on-reply.json');

/** The node types of a workflow in the order its connections run them, from its first node. */
function chain(workflow: Example): string[] {
	const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
	const types = [];
	let current = workflow.nodes[0];
	for (;;) {
		types.push(current.type);
		const next = workflow.connections[current.name]?.main[0]?.[0]?.node;
		if (!next) return types;
		current = byName.get(next)!;
	}
}
/** The value at a dotted path (`filters.conditions`). */
const get = (value: unknown, path: string): unknown =>
	path
		.split('.')
		.reduce<unknown>(
			(at, key) =>
				at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
			value,
		);
const nodeOf = (workflow: Example, type: string) =>
	workflow.nodes.find((node) => node.type === type)!;

describe('examples/wait-for-reply (two workflows, iSlash)', () => {
	it('A: Webhook → Data table upsert → iSlash send → Wait (On Webhook Call, POST) → Set; B: iSlash Trigger → Data table delete → HTTP Request', () => {
		expect(chain(ask)).toEqual([
			'n8n-nodes-base.webhook',
			'n8n-nodes-base.dataTable',
			'n8n-nodes-session-messaging.iSlash',
			'n8n-nodes-base.wait',
			'n8n-nodes-base.set',
		]);
		expect(chain(resume)).toEqual([
			'n8n-nodes-session-messaging.iSlashTrigger',
			'n8n-nodes-base.dataTable',
			'n8n-nodes-base.httpRequest',
		]);
		expect(nodeOf(ask, 'n8n-nodes-base.wait').parameters).toMatchObject({
			resume: 'webhook',
			httpMethod: 'POST',
			limitWaitTime: true,
		});
		for (const workflow of [ask, resume])
			for (const node of workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-session')))
				expect(node.credentials).toEqual({
					iSlashMessagingApi: { id: 'iSlashMessagingApi-demo', name: 'iSlash API demo' },
				});
		const send = nodeOf(ask, 'n8n-nodes-session-messaging.iSlash');
		const known = new Set(new ISlash().description.properties.map((property) => property.name));
		expect(Object.keys(send.parameters).filter((name) => !known.has(name))).toEqual([]);
		expect(send.parameters).toMatchObject({ resource: 'sessionMessage', operation: 'send' });
	});

	it('A stores its $execution.resumeUrl under the customer it asks; B takes the row of the customer who writes, and posts to that URL', () => {
		const store = nodeOf(ask, 'n8n-nodes-base.dataTable').parameters;
		const take = nodeOf(resume, 'n8n-nodes-base.dataTable').parameters;
		expect(store).toMatchObject({ resource: 'row', operation: 'upsert' });
		// deleteRows returns the rows it deleted: taking the row is what makes one reply resume one wait
		expect(take).toMatchObject({ resource: 'row', operation: 'deleteRows' });
		expect(take.dataTableId).toEqual(store.dataTableId);
		const condition = (parameters: INodeParameters) =>
			get(parameters, 'filters.conditions') as Array<{ keyName: string; keyValue: string }>;
		expect(condition(store)).toEqual([
			{ keyName: 'conversation', condition: 'eq', keyValue: '={{ $json.body.identity }}' },
		]);
		expect(get(store, 'columns.value')).toEqual({
			conversation: '={{ $json.body.identity }}',
			resumeUrl: '={{ $execution.resumeUrl }}',
		});
		// the iSlash send goes to the same customer the row is stored under
		expect(nodeOf(ask, 'n8n-nodes-session-messaging.iSlash').parameters.identity).toBe(
			"={{ $('Ask the customer').item.json.body.identity }}",
		);
		expect(condition(take)).toEqual([
			{ keyName: 'conversation', condition: 'eq', keyValue: '={{ $json.contact.id }}' },
		]);
		const post = nodeOf(resume, 'n8n-nodes-base.httpRequest');
		expect(post.parameters).toMatchObject({ method: 'POST', url: '={{ $json.resumeUrl }}' });
	});

	it("B's expressions read fields the iSlash Trigger really outputs: the customer's number A stored, the text, the ID and the time", async () => {
		const trigger = nodeOf(resume, 'n8n-nodes-session-messaging.iSlashTrigger');
		const secret = 'cc4cf2589dd2f4a2a55b39b5f3e3b761e0fe28879b0ad82236f7035b36d655cd';
		const harness = new TriggerHarness({
			nodeType: new ISlashTrigger(),
			parameters: trigger.parameters,
			credentials: {
				iSlashMessagingApi: { ...credentials.iSlashMessagingApi, webhookSecret: secret },
			},
			credentialTypes: [new ISlashMessagingApi()],
		});
		const { items } = await harness.deliver({ body: whatsAppText, query: { secret } });
		expect(items).toHaveLength(1);
		const item = items![0].json;
		const body = String(nodeOf(resume, 'n8n-nodes-base.httpRequest').parameters.jsonBody);
		const read = [...body.matchAll(/\$\('iSlash Trigger'\)\.item\.json\.([\w.]+)/g)].map(
			(match) => match[1],
		);
		expect(read).toEqual(['text', 'contact.id', 'messageId', 'timestamp']);
		expect(read.map((field) => get(item, field))).toEqual([
			'testing',
			'85256872847',
			'ABGGhSlIRoQvAgo-sL8KNOJ1WUnK',
			'2022-04-12T09:47:34.000Z',
		]);
		// the key B matches on is the number A stored as the send's identity
		expect(get(item, 'contact.id')).toBe(whatsAppText.messages[0].wa_id);
	});
});
