import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type {
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * With OUTPUT_SAMPLES_DIR set, every successful run appends its output items to
 * `<dir>/<node>.<resource>.<operation>.jsonl`: scripts/output-schemas.js derives the shipped output schemas
 * from exactly the outputs the tests check.
 */
export function recordOutputSample(
	description: INodeTypeDescription,
	options: { parameters: INodeParameters; onError?: string },
	items: INodeExecutionData[],
): void {
	const dir = process.env.OUTPUT_SAMPLES_DIR;
	if (!dir || items.length === 0 || !CHECKS_OUTPUTS.test(currentTestPath())) return;
	const resource = chosen(description.properties, 'resource', options.parameters);
	const operation = chosen(description.properties, 'operation', options.parameters, resource);
	if (!resource || !operation) return;
	// Continue On Fail turns a failure into an { error } item: that is n8n's error shape, not the operation's.
	const samples = items
		.filter((item) => !(options.onError && 'error' in item.json))
		.map((item) => JSON.stringify(item.json));
	if (samples.length === 0) return;
	mkdirSync(dir, { recursive: true });
	appendFileSync(
		path.join(dir, `${description.name}.${resource}.${operation}.jsonl`),
		samples.join('\n') + '\n',
	);
}

/**
 * The operation and example tests, which assert each output. The reliability matrix feeds faults and random
 * input and counts outcomes, so its outputs say nothing about an operation's shape.
 */
const CHECKS_OUTPUTS = /[\\/]test[\\/](nodes|examples)[\\/]/;

function currentTestPath(): string {
	const jestExpect = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
	return jestExpect?.getState?.().testPath ?? '';
}

/** The parameter's value in the run, or the default of the property n8n would show for it. */
function chosen(
	properties: INodeProperties[],
	name: string,
	parameters: INodeParameters,
	resource?: string,
): string | undefined {
	const value = parameters[name];
	if (typeof value === 'string') return value;
	const shown = properties.find(
		(property) =>
			property.name === name &&
			(resource === undefined ||
				(property.displayOptions?.show?.resource ?? [resource]).includes(resource)),
	);
	return typeof shown?.default === 'string' ? shown.default : undefined;
}
