// The output schemas n8n's editor shows for a node that has not run yet (n8n-core output-schema-resolver:
// <node dir>/__schema__/v<version>/<resource>/<operation>.json), derived from the outputs the jest tests
// check: test/harness/outputSamples.ts records them when OUTPUT_SAMPLES_DIR is set.
//   node scripts/output-schemas.js                    runs jest, then writes nodes/<Node>/__schema__/
//   node scripts/output-schemas.js <test file>…       runs only those jest files, then writes the schema of
//                                                     each operation they ran that has none yet (a new
//                                                     operation's); a shipped one that differs is reported
//   node scripts/output-schemas.js --samples <dir>    uses samples a jest run already recorded
//   --check                                           writes nothing; exits 1 when a shipped schema differs
// Build first (the nodes are read from dist/): `npm run schemas` and `npm run schemas -- <test file>` do.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const SCHEMA_VERSION_DIR = 'v1.0.0';

/** Every action node of the package: its description and its source folder. */
function actionNodes() {
	const { n8n } = require(path.join(REPO, 'package.json'));
	return n8n.nodes
		.map((file) => {
			const exported = require(path.join(REPO, file));
			// the class named like its file, as n8n's loader takes it (a node file may export more)
			const NodeClass = exported[path.basename(file, '.node.js')];
			const { description } = new NodeClass();
			return { description, sourceDir: path.join(REPO, path.dirname(file).replace(/^dist\//, '')) };
		})
		.filter(({ description }) =>
			description.properties.some((property) => property.name === 'resource'),
		);
}

/** Each resource's operations, as the node lists them. */
function operationsOf(description) {
	const resources = description.properties.find((property) => property.name === 'resource').options;
	return resources.flatMap(({ value: resource }) => {
		const operation = description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource),
		);
		return operation.options.map(({ value }) => ({ resource, operation: value }));
	});
}

function typeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** Folds one value into a shape: the union of the types seen, properties and array items merged. */
function fold(shape, value) {
	const type = typeOf(value);
	shape.types.add(type);
	if (type === 'object') {
		shape.properties ??= new Map();
		for (const [key, child] of Object.entries(value)) {
			if (!shape.properties.has(key)) shape.properties.set(key, emptyShape());
			fold(shape.properties.get(key), child);
		}
	}
	if (type === 'array') {
		for (const item of value) {
			shape.items ??= emptyShape();
			fold(shape.items, item);
		}
	}
	return shape;
}

function emptyShape() {
	return { types: new Set() };
}

/** JSON Schema in the form n8n-nodes-base ships (properties sorted, `version` 1 at the top level). */
function render(shape) {
	const types = [...shape.types];
	if (types.includes('integer') && types.includes('number'))
		types.splice(types.indexOf('integer'), 1);
	types.sort((a, b) => (a === 'null') - (b === 'null') || a.localeCompare(b));
	const schema = { type: types.length === 1 ? types[0] : types };
	if (shape.properties) {
		schema.properties = Object.fromEntries(
			[...shape.properties.keys()].sort().map((key) => [key, render(shape.properties.get(key))]),
		);
	}
	if (shape.items) schema.items = render(shape.items);
	return schema;
}

function readSamples(dir, nodeName, resource, operation) {
	const file = path.join(dir, `${nodeName}.${resource}.${operation}.jsonl`);
	if (!fs.existsSync(file)) return [];
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}

function main() {
	const args = process.argv.slice(2);
	const check = args.includes('--check');
	const samplesAt = args.indexOf('--samples');
	// test files named on the command line: only the operations they run are written or checked
	const testFiles = args.filter(
		(arg, index) => !arg.startsWith('--') && (samplesAt < 0 || index !== samplesAt + 1),
	);
	const onlyRun = testFiles.length > 0;
	let samplesDir;
	if (samplesAt >= 0) {
		samplesDir = path.resolve(args[samplesAt + 1]);
	} else {
		samplesDir = path.join(REPO, 'artifacts', 'output-samples');
		fs.rmSync(samplesDir, { recursive: true, force: true });
		execFileSync('npx', ['jest', '--silent', ...testFiles], {
			cwd: REPO,
			stdio: 'inherit',
			env: { ...process.env, OUTPUT_SAMPLES_DIR: samplesDir },
		});
	}

	const problems = [];
	let written = 0;
	let total = 0;
	for (const { description, sourceDir } of actionNodes()) {
		const schemaDir = path.join(sourceDir, '__schema__', SCHEMA_VERSION_DIR);
		const expected = new Set();
		for (const { resource, operation } of operationsOf(description)) {
			total++;
			const file = path.join(schemaDir, resource, `${operation}.json`);
			expected.add(file);
			const samples = readSamples(samplesDir, description.name, resource, operation);
			if (samples.length === 0 && onlyRun) continue;
			if (samples.length === 0) {
				problems.push(
					`${description.displayName} › ${resource} › ${operation}: no test checks a successful output`,
				);
				continue;
			}
			const shape = samples.reduce(fold, emptyShape());
			const text = JSON.stringify({ ...render(shape), version: 1 }, null, '\t') + '\n';
			const shipped = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
			if (shipped === text) continue;
			if (onlyRun && shipped !== undefined && !check) {
				// other test files may feed this operation's schema too: only the whole suite can rewrite it
				problems.push(
					`${path.relative(REPO, file)}: differs from what these tests output; run npm run schemas (all tests) to rewrite it`,
				);
			} else if (check) {
				problems.push(
					`${path.relative(REPO, file)}: ${shipped === undefined ? 'missing' : 'differs from the tests’ outputs'}`,
				);
			} else {
				fs.mkdirSync(path.dirname(file), { recursive: true });
				fs.writeFileSync(file, text);
				written++;
			}
		}
		const shippedFiles = fs.existsSync(schemaDir)
			? fs.readdirSync(schemaDir, { recursive: true })
			: [];
		for (const relative of shippedFiles.filter((name) => name.endsWith('.json'))) {
			const file = path.join(schemaDir, relative);
			if (!expected.has(file)) problems.push(`${path.relative(REPO, file)}: no such operation`);
		}
	}
	console.log(
		`output schemas: ${total} operations${onlyRun ? ` (only those ${testFiles.join(', ')} ran)` : ''}, ${check ? 'checked' : `${written} written`}, ${problems.length} problems`,
	);
	for (const problem of problems) console.log(`  ${problem}`);
	if (problems.length > 0) process.exit(1);
}

if (require.main === module) main();

module.exports = { actionNodes, operationsOf };
