import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { guardNetwork } from '../harness/nockGuard';
import { BASE, BEARER, runSuperOffice } from '../nodes/SuperOffice/fixtures';

interface ExampleNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
	disabled?: boolean;
}

const example = JSON.parse(
	readFileSync(join(__dirname, '../../examples/superoffice-chat-auto-reply.json'), 'utf8'),
) as {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const byType = (type: string) => example.nodes.find((node) => node.type === type)!;

guardNetwork();

describe('examples/superoffice-chat-auto-reply.json', () => {
	it('starts with a Manual Trigger and wires the SuperOffice Trigger into the send node', () => {
		const send = byType('n8n-nodes-session-messaging.superOffice');
		const trigger = byType('n8n-nodes-session-messaging.superOfficeTrigger');
		expect(example.nodes[0].type).toBe('n8n-nodes-base.manualTrigger');
		// n8n 2.40's editor runs its Execute button from a non-core trigger before a Manual Trigger
		// (the trigger-priority sort of n8n-editor-ui's workflows store), so the example's first click waits
		// for a SuperOffice event unless its trigger ships disabled.
		expect(trigger.disabled).toBe(true);
		expect(example.connections[trigger.name].main[0][0].node).toBe(send.name);
		expect(trigger.parameters).toMatchObject({
			events: ['chatsession.message'],
			customerMessagesOnly: true,
		});
		expect(send.credentials).toEqual({
			superOfficeMessagingApi: { id: 'superOfficeMessagingApi-demo', name: 'SuperOffice API demo' },
		});
	});

	it('its send node answers a message item from the trigger in the same chat session', async () => {
		const send = byType('n8n-nodes-session-messaging.superOffice');
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.post(
				'/api/v1/ChatSession/178105/Messages',
				(body) =>
					body.ChatSessionId === 178105 &&
					body.Type === 'ToCustomer' &&
					body.Author === 'n8n bot' &&
					body.Message ===
						'Thanks for your message ("Do you ship to Norway?"). An agent will be with you shortly.',
			)
			.reply(200, { ChatMessageId: 9 });

		const result = await runSuperOffice({
			items: [
				{
					json: {
						ChatMessageId: 8,
						ChatSessionId: 178105,
						Type: 'ToUser',
						Message: 'Do you ship to Norway?',
					},
				},
			],
			parameters: send.parameters,
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});
});
