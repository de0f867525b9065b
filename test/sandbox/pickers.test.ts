import type { ICredentialDataDecryptedObject, INodeParameters, INodeType } from 'n8n-workflow';
import { EvoVoiceMessagingApi } from '../../credentials/EvoVoiceMessagingApi.credentials';
import { ISlashMessagingApi } from '../../credentials/ISlashMessagingApi.credentials';
import { NetSapiensMessagingApi } from '../../credentials/NetSapiensMessagingApi.credentials';
import { SuperOfficeMessagingApi } from '../../credentials/SuperOfficeMessagingApi.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { ISlash } from '../../nodes/ISlash/ISlash.node';
import { NetSapiens } from '../../nodes/NetSapiens/NetSapiens.node';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadOptionsContext } from '../harness/loadOptions';

// The editor's "From list" pickers and option lists, against the sandbox the dev editor and the examples use:
// every list method of every node loads with the sandbox's credentials and the node's default parameters.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS dev script without types
const { sandboxCredentials } = require('../../scripts/sandbox-setup') as {
	sandboxCredentials: (
		url: string,
	) => Array<{ type: string; data: ICredentialDataDecryptedObject }>;
};

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

const credentialTypes = [
	new NetSapiensMessagingApi(),
	new EvoVoiceMessagingApi(),
	new ISlashMessagingApi(),
	new SuperOfficeMessagingApi(),
];

function defaultParameters(nodeType: INodeType): INodeParameters {
	const parameters: INodeParameters = {};
	for (const property of nodeType.description.properties) {
		if (!(property.name in parameters) && !property.displayOptions)
			parameters[property.name] = property.default;
	}
	return parameters;
}

const nodeTypes: INodeType[] = [new NetSapiens(), new EvoVoice(), new ISlash(), new SuperOffice()];
const methods = nodeTypes.flatMap((nodeType) =>
	(['listSearch', 'loadOptions'] as const).flatMap((kind) =>
		Object.keys(nodeType.methods?.[kind] ?? {}).map(
			(method) => [nodeType.description.displayName, kind, method, nodeType] as const,
		),
	),
);

it('covers every list method of the four nodes', () => {
	expect(methods.map(([node, , method]) => `${node}.${method}`)).toEqual([
		'NetSapiens.searchMessageSessions',
		'NetSapiens.searchSmsNumbers',
		'EvoVoice.searchEndpoints',
		'EvoVoice.getAccounts',
		'iSlash.searchStickers',
		'iSlash.searchTemplates',
		'SuperOffice.searchChatSessions',
		'SuperOffice.searchChatTopics',
	]);
});

it.each(methods)('%s %s %s loads against the sandbox', async (_node, kind, method, nodeType) => {
	const credentialName = nodeType.description.credentials![0].name;
	const credential = sandboxCredentials(sandbox.url).find(
		(candidate) => candidate.type === credentialName,
	)!;
	const context = loadOptionsContext({
		nodeType,
		parameters: defaultParameters(nodeType),
		credentials: { [credentialName]: credential.data },
		credentialTypes,
	});
	const answer =
		kind === 'listSearch'
			? (await nodeType.methods!.listSearch![method].call(context)).results
			: await nodeType.methods!.loadOptions![method].call(context);
	expect(answer.length).toBeGreaterThan(0);
	for (const entry of answer)
		expect(entry).toEqual({
			name: expect.stringMatching(/\S/),
			value: expect.stringMatching(/\S/),
		});
});
