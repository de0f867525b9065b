import type { INodeProperties } from 'n8n-workflow';

/**
 * Settings of the run's flow control (defaults mirror DEFAULT_FLOW in flowControl.ts). Named
 * `requestOptions` on purpose: n8n merges its own Batching, Proxy, Timeout and SSL options for declarative
 * nodes into a property of that name, so all request settings sit together in the node's Settings tab.
 */
export const flowControlOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Rate-Limit Retries',
			name: 'maxRateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 5,
			description:
				'How often a request the provider refused with 429 (too many requests, nothing processed) is tried again after the wait it asks for. Other failures are never retried, so no message is sent twice.',
		},
		{
			displayName: 'Max Rate-Limit Wait (Seconds)',
			name: 'maxRateLimitWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description: 'The longest one item may wait in total for rate limits before it fails',
		},
		{
			displayName: 'Max Requests In Flight',
			name: 'maxInFlight',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description: 'The most requests this node has open at once; more items wait for a free slot',
		},
	],
};

/**
 * The Request Options of a node that sends files: flowControlOptions plus Max File Size. The provider
 * documents no limit; the bound keeps one item's file from taking the n8n process down (see the
 * default's reasoning where each node passes it).
 */
export function requestOptionsWithMaxFileSize(defaultMb: number): INodeProperties {
	const maxFileSize: INodeProperties = {
		displayName: 'Max File Size (MB)',
		name: 'maxFileSizeMb',
		type: 'number',
		typeOptions: { minValue: 0.001, numberPrecision: 3 },
		default: defaultMb,
		description:
			'The largest file an item may send, checked from the binary data’s size before it is read. A larger file fails its item and is not sent.',
	};
	return { ...flowControlOptions, options: [maxFileSize, ...(flowControlOptions.options ?? [])] };
}

/** What an ID picker is: its field, the list search behind "From List", and what a typed ID must match. */
interface IdLocatorField {
	displayName: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	/** The By ID mode's check, as n8n's regex validation: pattern and the message it shows. */
	id: { regex: string; errorMessage: string };
}

/** A record picked from the provider's list, or given by its ID (n8n's resource locator). */
export function idLocator(
	field: IdLocatorField,
	show: Record<string, string[]>,
	{ required, description }: { required: boolean; description: string },
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		// n8n's style: an optional field has no `required` at all
		...(required ? { required } : {}),
		default: { mode: 'list', value: '' },
		displayOptions: { show },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
				validation: [{ type: 'regex', properties: field.id }],
			},
		],
	};
}

/** Return All + Limit for a listing operation; the paging itself is done by operation.ts. */
export function returnAllOrLimit(
	show: Record<string, string[]>,
	maxLimit = 1000,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/**
 * The canvas subtitle: the chosen operation's action text ("Send a message"), instead of n8n's usual
 * raw "send: message". Built from the operation options, so a new operation needs nothing here.
 */
export function actionSubtitle(...properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		const resource = property.displayOptions?.show?.resource?.[0];
		if (property.name !== 'operation' || typeof resource !== 'string') continue;
		for (const option of property.options ?? []) {
			if ('action' in option && typeof option.action === 'string')
				actions[`${resource}:${String(option.value)}`] = option.action;
		}
	}
	// `({…})`: a bare `{` right after n8n's `{{` would read as the expression's own delimiter.
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/**
 * A trigger's canvas subtitle: the display names of its chosen events ("Incoming Messages, Status
 * Updates"), instead of the raw values ("messages, statuses") n8n's own triggers show.
 */
export function optionNamesSubtitle(property: INodeProperties): string {
	const names: Record<string, string> = {};
	for (const option of property.options ?? [])
		if ('value' in option) names[String(option.value)] = option.name;
	const lookup = `(${JSON.stringify(names)})`;
	const value = `$parameter[${JSON.stringify(property.name)}]`;
	return property.type === 'multiOptions'
		? `={{ ${value}.map((event) => ${lookup}[event] ?? event).join(", ") }}`
		: `={{ ${lookup}[${value}] ?? ${value} }}`;
}
