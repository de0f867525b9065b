import nock from 'nock';
import type { INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { EvoVoiceMessagingApi } from '../../credentials/EvoVoiceMessagingApi.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { BASE, credentials } from '../nodes/EvoVoice/fixtures';
import { runNode } from './engine';
import { guardNetwork } from './nockGuard';

guardNetwork();

/** A declarative node that also answers webhooks, as a node with Send and Wait does. */
function withWebhook(nodeType: INodeType): INodeType {
	return Object.assign(nodeType, {
		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			return {};
		},
	});
}

describe('harness › node registry', () => {
	it('runs a routed operation of a declarative node that has webhook() with its $json expressions, as n8n does', async () => {
		const scope = nock(BASE)
			.post('/sessions/s-1/messages', { sessionId: 's-1', body: 'Hello' })
			.reply(200, { id: 'm-1' });
		const result = await runNode({
			nodeType: withWebhook(new EvoVoice()),
			credentialTypes: [new EvoVoiceMessagingApi()],
			credentials,
			items: [{ json: { session: 's-1', text: 'Hello' } }],
			parameters: {
				resource: 'message',
				operation: 'send',
				sendTo: 'session',
				sessionId: '={{ $json.session }}',
				body: '={{ $json.text }}',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: { id: 'm-1' }, pairedItem: { item: 0 } }]);
		scope.done();
	});
});
