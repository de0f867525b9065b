import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import example from '../../examples/evovoice-send-and-read.json';
import { guardNetwork } from '../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../nodes/EvoVoice/fixtures';

const network = guardNetwork();

function parametersOf(name: string): INodeParameters {
	const node = example.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`no node ${name} in the example`);
	return node.parameters as INodeParameters;
}

describe('examples/evovoice-send-and-read.json', () => {
	it('starts with a Manual Trigger and uses the EvoVoice nodes and credential by name', () => {
		expect(example.nodes[0].type).toBe('n8n-nodes-base.manualTrigger');
		for (const node of example.nodes.filter((candidate) =>
			candidate.type.startsWith('n8n-nodes-session-messaging.'),
		)) {
			expect(node.type).toBe('n8n-nodes-session-messaging.evoVoice');
			expect(node).toMatchObject({
				credentials: {
					evoVoiceMessagingApi: { id: 'evoVoiceMessagingApi-demo', name: 'EvoVoice API demo' },
				},
			});
		}
	});

	it('its EvoVoice steps send the requests they describe', async () => {
		const sent = {
			id: 'm1',
			endpointId: 'e1',
			direction: 'Outgoing',
			otherAddress: '+15556667777',
			text: 'Hello',
		};
		const conversation = {
			id: 'v1',
			endpointId: 'e1',
			otherAddress: '+15556667777',
			mostRecentMessage: sent,
		};
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.post('/messages', {
				endpointId: 'YOUR_PHONE_NUMBER_ENDPOINT_ID',
				toAddress: '+15556667777',
				body: 'Hello from n8n! Reply to this text and run the workflow again to see your answer.',
			})
			.reply(200, sent)
			.get('/conversations')
			.query({ endpointIds: 'e1' })
			.reply(200, { conversations: [conversation] })
			.get('/messages')
			.query({ conversationIds: 'v1', page: '0', countPerPage: '100' })
			.reply(200, { items: [sent] });

		const send = await runEvoVoice({ parameters: parametersOf('Send text') });
		const conversations = await runEvoVoice({
			parameters: parametersOf('Conversations of the number'),
			items: send.main,
		});
		const read = await runEvoVoice({
			parameters: parametersOf('Read the conversation'),
			items: conversations.main,
		});

		expect(read.error).toBeUndefined();
		expect(read.main.map((item) => item.json)).toEqual([sent]);
		scope.done();
		expect(network.unexpected).toEqual([]);
	});
});
