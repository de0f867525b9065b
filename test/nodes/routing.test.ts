import type { INodeType } from 'n8n-workflow';
import { isOperationRouting } from '../../nodes/shared/operation';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { EvoVoiceTrigger } from '../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { ISlash } from '../../nodes/ISlash/ISlash.node';
import { ISlashTrigger } from '../../nodes/ISlash/ISlashTrigger.node';
import { NetSapiens } from '../../nodes/NetSapiens/NetSapiens.node';
import { NetSapiensTrigger } from '../../nodes/NetSapiens/NetSapiensTrigger.node';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOffice/SuperOfficeTrigger.node';

// Every request is built by an operation's spec inside the routing operationRouting makes
// (nodes/shared/operation.ts). n8n would also build a request from `routing` on any property (its own nodes
// do): that is a second way to build a request, past every check of the spec, so no property may carry one.

const NODES: INodeType[] = [
	new EvoVoice(),
	new EvoVoiceTrigger(),
	new ISlash(),
	new ISlashTrigger(),
	new NetSapiens(),
	new NetSapiensTrigger(),
	new SuperOffice(),
	new SuperOfficeTrigger(),
];

interface FoundRouting {
	path: string;
	routing: unknown;
	/** The routing of an option of an `operation` property: the one place a routing belongs. */
	onOperationOption: boolean;
}

/** Every `routing` anywhere in a description's properties (options, collections, fixed collections). */
function routingsIn(value: unknown, path: string, parentIsOperation = false): FoundRouting[] {
	if (Array.isArray(value)) {
		return value.flatMap((entry, index) =>
			routingsIn(entry, `${path}[${index}]`, parentIsOperation),
		);
	}
	if (!value || typeof value !== 'object') return [];
	const found: FoundRouting[] = [];
	const record = value as Record<string, unknown>;
	const isOperation = record.name === 'operation' && record.type === 'options';
	for (const [key, child] of Object.entries(record)) {
		if (key === 'routing') {
			found.push({ path: `${path}.routing`, routing: child, onOperationOption: parentIsOperation });
		} else {
			found.push(...routingsIn(child, `${path}.${key}`, key === 'options' && isOperation));
		}
	}
	return found;
}

describe('request routing', () => {
	test.each(NODES.map((node) => [node.description.name, node] as const))(
		'%s: only operation options carry routing, and each was built by operationRouting',
		(_name, node) => {
			const found = routingsIn(node.description.properties, 'properties');
			const misplaced = found
				.filter((entry) => !entry.onOperationOption)
				.map((entry) => entry.path);
			const notBuilt = found
				.filter((entry) => entry.onOperationOption && !isOperationRouting(entry.routing))
				.map((entry) => entry.path);
			expect(misplaced).toEqual([]);
			expect(notBuilt).toEqual([]);
		},
	);

	test.each(
		NODES.filter((node) => !node.description.name.endsWith('Trigger')).map(
			(node) => [node.description.name, node] as const,
		),
	)(
		'%s: every operation option but Send and Wait (run by the node itself) holds a routing operationRouting built',
		(_name, node) => {
			const operationOptions = node.description.properties
				.filter((property) => property.name === 'operation' && property.type === 'options')
				.flatMap((property) => property.options ?? []) as Array<{
				value?: unknown;
				routing?: unknown;
			}>;
			const notBuilt = operationOptions
				.filter((option) => !isOperationRouting(option.routing))
				.map((option) => option.value);
			expect(operationOptions.length).toBeGreaterThan(notBuilt.length);
			expect(notBuilt).toEqual(['sendAndWait']);
		},
	);
});
