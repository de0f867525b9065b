import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import nock from 'nock';
import { SuperOffice } from '../../../nodes/SuperOffice/SuperOffice.node';
import { buildAdditionalData, credentialsHelperFor, nodeTypesFor } from '../../harness/engine';
import { guardNetwork } from '../../harness/nockGuard';
import { BASE, BEARER, bearerCredentials, credentialTypes, oAuth2Credentials, OAUTH_ACCESS_TOKEN } from './fixtures';

/** The context n8n's editor gives a list search: the node with its saved parameters and credential. */
function loadOptionsContext(credentials: Record<string, ICredentialDataDecryptedObject>, authentication: string) {
	const nodeType = new SuperOffice();
	const { nodeTypes, typeName } = nodeTypesFor(nodeType);
	const node: INode = {
		id: 'so',
		name: 'SuperOffice',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication, resource: 'chatMessage', operation: 'send' },
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `${type}-id`, name: type }])),
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes, settings: {} });
	const helper = credentialsHelperFor(credentialTypes, credentials);
	return new LoadOptionsContext(workflow, node, buildAdditionalData(workflow, 'load-options', helper), 'parameters.chatSessionId');
}

guardNetwork();

describe('SuperOffice › list searches', () => {
	it('lists the current user’s chat topics, filtered by name', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatTopic/ForCurrentUser')
			.twice()
			.reply(200, [
				{ ChatTopicId: 3, Name: 'Sales' },
				{ ChatTopicId: 4, Name: 'Support' },
			]);
		const { searchChatTopics } = new SuperOffice().methods.listSearch;
		const context = loadOptionsContext(bearerCredentials, 'superOfficeApi');

		expect(await searchChatTopics.call(context)).toEqual({
			results: [
				{ name: 'Sales', value: '3' },
				{ name: 'Support', value: '4' },
			],
		});
		expect(await searchChatTopics.call(context, 'sup')).toEqual({ results: [{ name: 'Support', value: '4' }] });
		scope.done();
	});

	it('lists the current user’s chat sessions by customer and status (OAuth2)', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` } })
			.get('/api/v1/ChatSession/ForCurrentUser')
			.reply(200, [
				{ ChatSessionId: 11, CustomerName: 'Ada Lovelace', Status: 'Active' },
				{ ChatSessionId: 12, CustomerAlias: 'Visitor 5' },
			]);
		const { searchChatSessions } = new SuperOffice().methods.listSearch;

		const result = await searchChatSessions.call(loadOptionsContext(oAuth2Credentials(), 'superOfficeOAuth2Api'));

		expect(result).toEqual({
			results: [
				{ name: 'Ada Lovelace – Active (#11)', value: '11' },
				{ name: 'Visitor 5 (#12)', value: '12' },
			],
		});
		scope.done();
	});

	it('shows SuperOffice’s own message when the list cannot be read', async () => {
		nock(BASE).get('/api/v1/ChatTopic/ForCurrentUser').reply(403, { Error: 'No chat licence', ErrorType: 'SoSecurityException' });
		const { searchChatTopics } = new SuperOffice().methods.listSearch;
		await expect(searchChatTopics.call(loadOptionsContext(bearerCredentials, 'superOfficeApi'))).rejects.toMatchObject({
			message: 'No chat licence',
			description: 'SoSecurityException',
			httpCode: '403',
		});
	});
});
