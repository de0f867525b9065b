import { EvoVoiceMessagingApi } from '../../../credentials/EvoVoiceMessagingApi.credentials';
import { EvoVoice } from '../../../nodes/EvoVoice/EvoVoice.node';
import { runNode, type RunOptions } from '../../harness/engine';
import { loadOptionsContext } from '../../harness/loadOptions';

export const BASE = 'https://evovoice.test';
export const USER = 'agent@example.com';
export const PASSWORD = 'evo-secret-password-123';
export const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

export const credentials = {
	evoVoiceMessagingApi: { baseUrl: `${BASE}/`, username: USER, password: PASSWORD },
};

/** Runs the EvoVoice node with the fixture credential. */
export async function runEvoVoice(options: Omit<RunOptions, 'nodeType'>) {
	return await runNode({
		nodeType: new EvoVoice(),
		credentialTypes: [new EvoVoiceMessagingApi()],
		credentials,
		...options,
	});
}

/** The context n8n's editor runs the node's load options and list searches in, with the fixture credential. */
export const context = () =>
	loadOptionsContext({
		nodeType: new EvoVoice(),
		credentials,
		credentialTypes: [new EvoVoiceMessagingApi()],
	});
