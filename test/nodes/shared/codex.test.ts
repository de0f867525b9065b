import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * The codex files' aliases are what n8n's node panel searches besides the display name (as Twilio's
 * "SMS" alias): the task words a user types must find each provider's action node. The panel lists a node
 * and its trigger as one entry that searches the action node's codex (the editor's
 * generateMergedNodesAndActions), so the action node carries the trigger's words too.
 */
const NODES = join(__dirname, '../../../nodes');
const codex = (provider: string, file: string) =>
	JSON.parse(readFileSync(join(NODES, provider, file), 'utf8')) as {
		node: string;
		alias?: string[];
		categories?: string[];
	};

const TASK_WORDS: Record<string, string[]> = {
	NetSapiens: ['Send Session Message', 'Send Message', 'SMS', 'Chat', 'PBX'],
	EvoVoice: ['Send Session Message', 'Send Message', 'SMS'],
	ISlash: ['Send Session Message', 'Send Message', 'WhatsApp', 'Chat'],
	SuperOffice: ['Send Session Message', 'Send Message', 'Chat'],
};

describe('codex aliases', () => {
	it.each(Object.entries(TASK_WORDS))(
		'%s: the action node is found by its task words, the trigger by incoming messages',
		(provider, words) => {
			const files = readdirSync(join(NODES, provider)).filter((file) =>
				file.endsWith('.node.json'),
			);
			const action = codex(provider, files.find((file) => !file.includes('Trigger'))!);
			const trigger = codex(provider, files.find((file) => file.includes('Trigger'))!);
			expect(action.alias).toEqual(expect.arrayContaining([...words, 'Incoming Message']));
			expect(trigger.alias).toEqual(expect.arrayContaining(['Incoming Message']));
			expect(trigger.alias).not.toContain('Send Session Message');
			expect(action.categories).toContain('Communication');
		},
	);
});
