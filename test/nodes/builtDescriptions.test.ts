import { ESLint } from 'eslint';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import tseslint from 'typescript-eslint';
import { EvoVoiceMessagingApi } from '../../credentials/EvoVoiceMessagingApi.credentials';
import { ISlashMessagingApi } from '../../credentials/ISlashMessagingApi.credentials';
import { NetSapiensMessagingApi } from '../../credentials/NetSapiensMessagingApi.credentials';
import { SuperOfficeMessagingApi } from '../../credentials/SuperOfficeMessagingApi.credentials';
import { SuperOfficeMessagingOAuth2Api } from '../../credentials/SuperOfficeMessagingOAuth2Api.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { EvoVoiceTrigger } from '../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { ISlash } from '../../nodes/ISlash/ISlash.node';
import { ISlashTrigger } from '../../nodes/ISlash/ISlashTrigger.node';
import { NetSapiens } from '../../nodes/NetSapiens/NetSapiens.node';
import { NetSapiensTrigger } from '../../nodes/NetSapiens/NetSapiensTrigger.node';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOffice/SuperOfficeTrigger.node';

// n8n's node rules see only the literals written in a node file; most of our properties come from helpers.
// So each node's *built* description is written out as the literal n8n would load and linted with the same
// rules as nodes/ (eslint.config.mjs), which no helper can hide a violation from.

// The plugin treats every file as every kind of node file when NODE_ENV is 'test' (its own test mode, read
// once at load), which jest sets; it is loaded with NODE_ENV cleared so it tells node files apart by name.
const jestNodeEnv = process.env.NODE_ENV;
delete process.env.NODE_ENV;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after NODE_ENV is cleared
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base') as {
	configs: { nodes: { rules: Record<string, never> } };
};
process.env.NODE_ENV = jestNodeEnv;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript literal of a description: identifier keys unquoted, as the rules expect; functions left out. */
function literal(value: unknown, indent: string): string {
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((entry) => `${inner}${literal(entry, inner)},`).join('\n')}\n${indent}]`;
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value).filter(
			([, entry]) => typeof entry !== 'function' && entry !== undefined,
		);
		if (entries.length === 0) return '{}';
		const lines = entries.map(
			([key, entry]) =>
				`${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(entry, inner)},`,
		);
		return `{\n${lines.join('\n')}\n${indent}}`;
	}
	return JSON.stringify(value);
}

const nodes: INodeType[] = [
	new NetSapiens(),
	new NetSapiensTrigger(),
	new EvoVoice(),
	new EvoVoiceTrigger(),
	new ISlash(),
	new ISlashTrigger(),
	new SuperOffice(),
	new SuperOfficeTrigger(),
];

const eslint = new ESLint({
	overrideConfigFile: true,
	overrideConfig: [
		{
			files: ['**/*.ts'],
			languageOptions: {
				parser: tseslint.parser as never,
				parserOptions: { sourceType: 'module' },
			},
			plugins: { 'n8n-nodes-base': n8nNodesBase as never },
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				// the same exceptions as eslint.config.mjs (n8n's own `n8n-node lint` makes them)
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
	],
});

it.each(nodes.map((node) => [node.constructor.name, node] as const))(
	'%s: its built description passes n8n’s node rules',
	async (className, node) => {
		const source = [
			"import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';",
			'',
			`export class ${className} implements INodeType {`,
			`\tdescription: INodeTypeDescription = ${literal(node.description, '\t')};`,
			'}',
			'',
		].join('\n');
		const [result] = await eslint.lintText(source, {
			filePath: `nodes/${className}/${className}.node.ts`,
		});
		const lines = source.split('\n');
		const problems = result.messages.map(
			(m) => `${m.ruleId}: ${m.message} — ${lines[m.line - 1]?.trim()}`,
		);
		expect(problems).toEqual([]);
	},
	30_000,
);

const credentialTypes: ICredentialType[] = [
	new NetSapiensMessagingApi(),
	new EvoVoiceMessagingApi(),
	new ISlashMessagingApi(),
	new SuperOfficeMessagingApi(),
	new SuperOfficeMessagingOAuth2Api(),
];

/** Every `options` list below `value` (options, collections, fixed collections), with where it is. */
function optionLists(value: unknown, at: string): Array<{ at: string; names: string[] }> {
	if (Array.isArray(value)) return value.flatMap((entry, i) => optionLists(entry, `${at}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	const object = value as Record<string, unknown>;
	const own = Array.isArray(object.options)
		? [
				{
					at: `${at} ${String(object.name ?? '')}`,
					names: (object.options as Array<{ displayName?: string; name?: string }>).map((option) =>
						String(option.displayName ?? option.name),
					),
				},
			]
		: [];
	return [
		...own,
		...Object.entries(object).flatMap(([key, entry]) => optionLists(entry, `${at}.${key}`)),
	];
}

/** Every text the editor shows (description, hint, placeholder), with where it is. */
function shownTexts(value: unknown, at: string): Array<{ at: string; text: string }> {
	if (Array.isArray(value)) return value.flatMap((entry, i) => shownTexts(entry, `${at}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value as Record<string, unknown>).flatMap(([key, entry]) =>
		typeof entry === 'string' && ['description', 'hint', 'placeholder'].includes(key)
			? [{ at: `${at}.${key}`, text: entry }]
			: shownTexts(entry, `${at}.${key}`),
	);
}

const described = [
	...nodes.map((node) => [node.description.displayName, node.description] as const),
	...credentialTypes.map((credential) => [credential.displayName, credential.properties] as const),
];

it.each(described)(
	'%s: every option list and collection is sorted by name, at any length (n8n’s rule checks 5 or more)',
	(_name, description) => {
		const unsorted = optionLists(description, '')
			.filter(({ names }) => {
				const sorted = [...names].sort((a, b) => a.localeCompare(b));
				return sorted.some((name, i) => name !== names[i]);
			})
			.map(({ at, names }) => `${at}: ${names.join(' | ')}`);
		expect(unsorted).toEqual([]);
	},
);

it.each(described)(
	'%s: no text in the editor names an HTTP method and path',
	(_name, description) => {
		const withPaths = shownTexts(description, '')
			.filter(({ text }) => /\b(GET|POST|PUT|PATCH|DELETE) \//.test(text))
			.map(({ at, text }) => `${at}: ${text}`);
		expect(withPaths).toEqual([]);
	},
);
