import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import example from '../../examples/netsapiens-sms-reply.json';
import { guardNetwork } from '../harness/nockGuard';
import { ACCEPTED, BASE, BEARER, runNetSapiens } from '../nodes/NetSapiens/fixtures';

const network = guardNetwork();

const parametersOf = (name: string) =>
	example.nodes.find((node) => node.name === name)!.parameters as INodeParameters;

describe('examples/netsapiens-sms-reply.json', () => {
	it('sends an SMS in a new session, then replies in that same session', async () => {
		const paths: string[] = [];
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.post(/\/domains\/~\/users\/~\/messagesessions\/[A-Za-z0-9]+\/messages$/, {
				type: 'sms',
				message: 'Hello from n8n! Reply STOP to opt out.',
				destination: '18585551234',
				'from-number': '18585550001',
			})
			.reply(202, function () {
				paths.push(this.req.path);
				return ACCEPTED;
			})
			.post(/\/messagesessions\/[A-Za-z0-9]+\/messages$/, {
				type: 'sms',
				message: 'And a second message in the same conversation.',
				destination: '18585551234',
				'from-number': '18585550001',
			})
			.reply(202, function () {
				paths.push(this.req.path);
				return ACCEPTED;
			});

		const first = await runNetSapiens({ parameters: parametersOf('Send SMS (new session)') });
		const reply = await runNetSapiens({
			parameters: parametersOf('Reply in the same session'),
			items: first.main.map(({ json }) => ({ json })),
		});

		expect(first.error).toBeUndefined();
		expect(reply.error).toBeUndefined();
		scope.done();
		expect(paths[1]).toBe(paths[0]);
		expect(reply.main[0].json['messagesession-id']).toBe(first.main[0].json['messagesession-id']);
		expect(network.unexpected).toEqual([]);
	});

	it('is an importable workflow starting with a Manual Trigger', () => {
		expect(example.nodes[0].type).toBe('n8n-nodes-base.manualTrigger');
		const steps = example.nodes
			.slice(1)
			.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
		expect(steps.length).toBeGreaterThan(0);
		expect(steps.every((node) => node.type === 'n8n-nodes-session-messaging.netSapiens')).toBe(
			true,
		);
		// a sticky note says what to fill in before the first run
		expect(example.nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote')).toBe(true);
	});
});
