import nock from 'nock';
import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { NetSapiensApi } from '../../../credentials/NetSapiensApi.credentials';
import { searchMessageSessions } from '../../../nodes/NetSapiens/listSearch/searchMessageSessions';
import { searchSmsNumbers } from '../../../nodes/NetSapiens/listSearch/searchSmsNumbers';
import { NetSapiens } from '../../../nodes/NetSapiens/NetSapiens.node';
import { buildAdditionalData, credentialsHelperFor, nodeTypesFor } from '../../harness/engine';
import { guardNetwork } from '../../harness/nockGuard';
import { apiKeyCredentials, BASE, BEARER } from './fixtures';

guardNetwork();

/** The context n8n builds when the editor opens a resource locator's list. */
function loadOptions(parameters: INodeParameters) {
	const { nodeTypes, typeName } = nodeTypesFor(new NetSapiens());
	const node = {
		id: 'n1',
		name: 'NetSapiens',
		type: typeName,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
		credentials: { netSapiensApi: { id: 'c1', name: 'NetSapiens' } },
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes, settings: {} });
	const helper = credentialsHelperFor([new NetSapiensApi()], { netSapiensApi: apiKeyCredentials });
	const additionalData = buildAdditionalData(workflow, 'load-options', helper, { currentNodeParameters: parameters });
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.fromNumber');
}

describe('NetSapiens › list searches', () => {
	it('SMS numbers of the node’s user, filtered by digits', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/domains/example/users/1000/smsnumbers')
			.reply(200, [
				{ number: '18585550001', application: 'user', domain: 'example', dest: '1000', 'mms-capable': true },
				{ number: '17145550002', application: 'user', domain: 'example', dest: '1000', 'mms-capable': false },
			]);

		const result = await searchSmsNumbers.call(loadOptions({ domain: 'example', user: '1000' }), '+1 858');

		expect(result.results).toEqual([{ name: '18585550001 · MMS', value: '18585550001' }]);
		scope.done();
	});

	it('message sessions of the token’s own user (~) when the fields hold expressions', async () => {
		const scope = nock(BASE)
			.get('/domains/~/users/~/messagesessions')
			.query({ limit: 1000 })
			.reply(200, [
				{ 'messagesession-id': 'aaa', 'messagesession-name': 'Team', 'messagesession-last-message': 'see you' },
				{ 'messagesession-id': 'bbb', 'messagesession-name': '', 'messagesession-remote': 17145550353 },
			]);

		const result = await searchMessageSessions.call(loadOptions({ domain: '={{ $json.d }}', user: '~' }));

		expect(result.results).toEqual([
			{ name: 'Team — see you', value: 'aaa' },
			{ name: '17145550353', value: 'bbb' },
		]);
		scope.done();
	});

	it('a provider error reaches the editor with its message', async () => {
		nock(BASE).get('/domains/~/users/~/smsnumbers').reply(403, { code: 403, message: 'Key is not allowed model smsnumber' });

		await expect(searchSmsNumbers.call(loadOptions({}))).rejects.toMatchObject({
			message: 'Key is not allowed model smsnumber',
			httpCode: '403',
		});
	});
});
