#!/usr/bin/env node
/**
 * The four per-provider packages (packages/n8n-nodes-<provider>/), built from the same source as the pack.
 *
 * n8n verifies a community package only when it "integrate[s] exactly one third-party service" and is built
 * with its `n8n-node` CLI (docs.n8n.io, community node verification guidelines), and its scanner fetches the
 * committed package.json of the package from the source repository. So each package is a committed folder
 * holding only what differs per package: package.json, tsconfig.json, eslint.config.mjs and README.md, all
 * generated here from the root package.json and README.md. The provider's code is copied in from nodes/ and
 * credentials/ when the package is built (the copies are git-ignored), so it lives in one place.
 *
 *   node scripts/packages.js write    regenerate the committed files
 *   node scripts/packages.js check    fail when a committed file differs from what `write` would make (CI)
 *   node scripts/packages.js verify   check, then for each package: copy the sources in, `n8n-node build`,
 *                                     `n8n-node lint` (strict), `npm pack`, and the scanner's analyzePackage
 *                                     on the unpacked tarball; prints the figures, exits 1 on any failure
 *   node scripts/packages.js pack     build each package and `npm pack` it into artifacts/packages/
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { githubAnchor } = require('./check-links');

const ROOT = path.resolve(__dirname, '..');
const root = require(path.join(ROOT, 'package.json'));
/** The repository's web address, from package.json (`git+https://github.com/…/….git`). */
const REPOSITORY = root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const PACKAGES = [
	{
		name: 'n8n-nodes-netsapiens-messaging',
		provider: 'NetSapiens',
		credentials: ['NetSapiensMessagingApi'],
		description:
			'n8n nodes for NetSapiens ns-api v2: send and read chat, SMS and MMS session messages',
		keywords: ['netsapiens', 'pbx', 'sms', 'mms', 'chat'],
	},
	{
		name: 'n8n-nodes-evovoice-messaging',
		provider: 'EvoVoice',
		credentials: ['EvoVoiceMessagingApi'],
		description: 'n8n nodes for EvoVoice: send and read SMS and chat session messages',
		keywords: ['evovoice', 'sms', 'chat'],
	},
	{
		name: 'n8n-nodes-islash-messaging',
		provider: 'ISlash',
		section: 'iSlash',
		credentials: ['ISlashMessagingApi'],
		description: 'n8n nodes for iSlash: send WhatsApp and Messenger session and template messages',
		keywords: ['islash', 'whatsapp', 'messenger', 'chat'],
	},
	{
		name: 'n8n-nodes-superoffice-messaging',
		provider: 'SuperOffice',
		credentials: ['SuperOfficeMessagingApi', 'SuperOfficeMessagingOAuth2Api'],
		description: 'n8n nodes for SuperOffice CRM web chat: send and read chat session messages',
		keywords: ['superoffice', 'crm', 'chat'],
	},
];

const NODE_CLI = '0.48.3';
const SHARED_FOLDERS = ['nodes/shared'];

/** The starter's eslint.config.mjs: `n8n-node lint` in strict mode refuses any other text. */
const ESLINT_CONFIG = "import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";

/**
 * n8n-nodes-starter's tsconfig.json (its `include` makes tsc emit the codex and schema JSON files), without
 * declaration files: n8n loads none, and the scanner's credential file-name rule reads
 * `X.credentials.d.ts` as a misnamed credential file.
 */
const TSCONFIG = {
	compilerOptions: {
		strict: true,
		module: 'commonjs',
		moduleResolution: 'node',
		target: 'es2019',
		lib: ['es2019', 'es2020', 'es2022.error'],
		removeComments: true,
		useUnknownInCatchVariables: false,
		forceConsistentCasingInFileNames: true,
		noImplicitAny: true,
		noImplicitReturns: true,
		noUnusedLocals: true,
		strictNullChecks: true,
		preserveConstEnums: true,
		esModuleInterop: true,
		resolveJsonModule: true,
		incremental: true,
		declaration: false,
		sourceMap: true,
		skipLibCheck: true,
		outDir: './dist/',
	},
	include: ['credentials/**/*', 'nodes/**/*', 'nodes/**/*.json', 'package.json'],
};

const dirOf = (pkg) => path.join(ROOT, 'packages', pkg.name);
const sectionOf = (pkg) => pkg.section ?? pkg.provider;
const json = (value) => JSON.stringify(value, null, 2) + '\n';

function nodeFiles(pkg) {
	return fs
		.readdirSync(path.join(ROOT, 'nodes', pkg.provider))
		.filter((file) => file.endsWith('.node.ts'))
		.sort()
		.map((file) => `dist/nodes/${pkg.provider}/${file.replace(/\.ts$/, '.js')}`);
}

function packageJson(pkg) {
	return {
		name: pkg.name,
		version: root.version,
		description: pkg.description,
		keywords: ['n8n-community-node-package', 'n8n', ...pkg.keywords],
		license: root.license,
		homepage: `${REPOSITORY}/tree/main/packages/${pkg.name}#readme`,
		author: root.author,
		repository: { ...root.repository, directory: `packages/${pkg.name}` },
		engines: root.engines,
		scripts: { build: 'n8n-node build', lint: 'n8n-node lint' },
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: pkg.credentials.map((name) => `dist/credentials/${name}.credentials.js`),
			nodes: nodeFiles(pkg),
		},
		peerDependencies: root.peerDependencies,
		devDependencies: {
			'@n8n/node-cli': NODE_CLI,
			eslint: root.devDependencies.eslint,
			typescript: root.devDependencies.typescript,
		},
	};
}

/** The root README's `## title` section, up to the next `## ` heading (without its own heading line). */
function readmeSection(readme, title) {
	const lines = readme.split('\n');
	const start = lines.findIndex(
		(line) => line === `## ${title}` || line.startsWith(`## ${title}:`),
	);
	if (start < 0) throw new Error(`README.md has no section "## ${title}"`);
	let end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
	if (end < 0) end = lines.length;
	return {
		heading: lines[start],
		body: lines
			.slice(start + 1, end)
			.join('\n')
			.trim(),
	};
}

/** The provider section's `### ` headings become the package README's `## ` ones (outside code blocks). */
function oneLevelUp(text) {
	let fenced = false;
	return text
		.split('\n')
		.map((line) => {
			if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
			return !fenced && /^#{3,6} /.test(line) ? line.slice(1) : line;
		})
		.join('\n');
}

const slug = (heading) => githubAnchor(heading.replace(/^#+\s*/, ''));

/**
 * Links into the rest of the root README, to docs/ or to repository files point at the repository on GitHub:
 * npm shows a package's README on its own page, where a relative link leads nowhere.
 */
function absoluteLinks(text, anchors) {
	return text.replace(/\]\(([^)\s]+)\)/g, (whole, target) => {
		if (/^[a-z]+:/i.test(target)) return whole;
		if (target.startsWith('#'))
			return anchors.has(target.slice(1)) ? whole : `](${REPOSITORY}${target})`;
		const file = target.replace(/^\.\//, '');
		// GitHub shows a folder under tree/, a file under blob/
		return `](${REPOSITORY}/${file.split('#')[0].endsWith('/') ? 'tree' : 'blob'}/main/${file})`;
	});
}

function readme(pkg) {
	const source = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const provider = readmeSection(source, sectionOf(pkg));
	// the README's short shared sections; each links to its docs/ page for depth
	const shared = [
		'Compatibility',
		'What every node does the same way',
		'What every trigger guarantees',
		'Use with AI agents',
		'Send and wait',
		'Security',
	].map((title) => readmeSection(source, title));
	const licence = readmeSection(source, 'Licence');
	const body = [
		`# ${pkg.name}`,
		'',
		`<!-- Generated by scripts/packages.js from the repository's README.md: edit that one. -->`,
		'',
		oneLevelUp(provider.body),
		'',
		'## Install',
		'',
		`In n8n: **Settings › Community Nodes › Install**, package name \`${pkg.name}\`. Self-hosted, without the`,
		`editor: \`npm install ${pkg.name}\` in \`~/.n8n/nodes\`, then restart n8n.`,
		'',
		`This package is one of five built from [one source tree](${REPOSITORY}#packages): one per provider, as`,
		'n8n verifies community packages, and the pack `n8n-nodes-session-messaging` with all four providers.',
		'**Install this package or the pack, not both**: both define the same credential types, which n8n keys',
		'by name alone. Credentials carry over between them; a workflow saved with one names its nodes by the',
		`package (\`${pkg.name}.…\` here, \`n8n-nodes-session-messaging.…\` in the pack).`,
		'',
		...shared.flatMap((section) => [section.heading, '', section.body, '']),
		'## More',
		'',
		`Queue mode and rate limits: [docs/scaling-and-queue-mode.md](docs/scaling-and-queue-mode.md); in the`,
		`editor: [docs/editor.md](docs/editor.md); benchmark figures: [docs/benchmarks.md](docs/benchmarks.md);`,
		`example workflows: [examples/](examples/); contributing: [CONTRIBUTING.md](CONTRIBUTING.md).`,
		'',
		licence.heading,
		'',
		licence.body,
		'',
	].join('\n');
	const anchors = new Set(
		body
			.split('\n')
			.filter((line) => /^#{1,6} /.test(line))
			.map(slug),
	);
	return absoluteLinks(body, anchors);
}

function committedFiles(pkg) {
	return {
		'package.json': json(packageJson(pkg)),
		'tsconfig.json': json(TSCONFIG),
		'eslint.config.mjs': ESLINT_CONFIG,
		'README.md': readme(pkg),
	};
}

function write() {
	for (const pkg of PACKAGES) {
		fs.mkdirSync(dirOf(pkg), { recursive: true });
		for (const [file, text] of Object.entries(committedFiles(pkg)))
			fs.writeFileSync(path.join(dirOf(pkg), file), text);
	}
	console.log(`wrote ${PACKAGES.length} packages under packages/`);
}

/** README.md is for workflow builders and each package README is self-contained, both kept short (issue 41). */
const MAX_BYTES = { 'README.md': 30_000, 'packages/*/README.md': 15_000 };

function tooLong() {
	const problems = [];
	const size = (file) => fs.statSync(path.join(ROOT, file)).size;
	if (size('README.md') > MAX_BYTES['README.md'])
		problems.push(`README.md is ${size('README.md')} bytes, over ${MAX_BYTES['README.md']}`);
	for (const pkg of PACKAGES) {
		const file = path.relative(ROOT, path.join(dirOf(pkg), 'README.md'));
		if (fs.existsSync(path.join(ROOT, file)) && size(file) > MAX_BYTES['packages/*/README.md'])
			problems.push(`${file} is ${size(file)} bytes, over ${MAX_BYTES['packages/*/README.md']}`);
	}
	return problems;
}

function check() {
	const stale = [];
	for (const pkg of PACKAGES)
		for (const [file, text] of Object.entries(committedFiles(pkg))) {
			const target = path.join(dirOf(pkg), file);
			if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text)
				stale.push(path.relative(ROOT, target));
		}
	if (stale.length > 0) {
		console.error(`stale (run node scripts/packages.js write): ${stale.join(', ')}`);
		process.exit(1);
	}
	const long = tooLong();
	if (long.length > 0) {
		console.error(`too long (move depth into docs/): ${long.join('; ')}`);
		process.exit(1);
	}
	console.log(`packages/: ${PACKAGES.length} packages match package.json and README.md`);
}

/** Copies the provider's code in (nodes/<Provider>, nodes/shared, its credentials, LICENSE). */
function copySources(pkg) {
	const dir = dirOf(pkg);
	for (const generated of ['nodes', 'credentials', 'dist', 'LICENSE', 'tsconfig.tsbuildinfo'])
		fs.rmSync(path.join(dir, generated), { recursive: true, force: true });
	for (const folder of [`nodes/${pkg.provider}`, ...SHARED_FOLDERS])
		fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
	fs.mkdirSync(path.join(dir, 'credentials'));
	for (const name of pkg.credentials)
		fs.copyFileSync(
			path.join(ROOT, 'credentials', `${name}.credentials.ts`),
			path.join(dir, 'credentials', `${name}.credentials.ts`),
		);
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
	// A node's codex names it by package: `<package>.<node>`.
	for (const file of fs.readdirSync(path.join(dir, 'nodes', pkg.provider))) {
		if (!file.endsWith('.node.json')) continue;
		const codexPath = path.join(dir, 'nodes', pkg.provider, file);
		const codex = JSON.parse(fs.readFileSync(codexPath, 'utf8'));
		codex.node = codex.node.replace(/^[^.]+\./, `${pkg.name}.`);
		fs.writeFileSync(codexPath, JSON.stringify(codex, null, '\t') + '\n');
	}
}

function provideTools() {
	const out = execFileSync('bash', [path.join(ROOT, 'scripts/provide-node-cli.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return out.trim().split('\n').pop();
}

function run(command, args, cwd) {
	try {
		return execFileSync(command, args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, CI: 'true', FORCE_COLOR: '0' },
		});
	} catch (error) {
		const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
		throw new Error(
			`${command} ${args.join(' ')} failed in ${path.relative(ROOT, cwd)}:\n${output}`,
		);
	}
}

/** Copies the sources in and builds with `n8n-node build`, the node_modules linked to the tools folder. */
function build(pkg, tools) {
	const dir = dirOf(pkg);
	copySources(pkg);
	const modules = path.join(dir, 'node_modules');
	fs.rmSync(modules, { recursive: true, force: true });
	fs.symlinkSync(path.join(tools, 'node_modules'), modules);
	run(path.join(tools, 'node_modules/.bin/n8n-node'), ['build'], dir);
	return dir;
}

async function verify() {
	check();
	const tools = provideTools();
	const scanner = await import(
		path.join(tools, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs')
	);
	const tarballs = path.join(ROOT, 'artifacts', 'packages');
	fs.mkdirSync(tarballs, { recursive: true });
	const rows = [];
	let failed = false;
	for (const pkg of PACKAGES) {
		const started = Date.now();
		try {
			const dir = build(pkg, tools);
			run(path.join(tools, 'node_modules/.bin/n8n-node'), ['lint'], dir);
			const packed = packTarball(pkg, tarballs);
			const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), `${pkg.name}-`));
			run('tar', ['-xzf', path.join(tarballs, packed.filename), '-C', unpacked], dir);
			const scan = await scanner.analyzePackage(path.join(unpacked, 'package'));
			fs.rmSync(unpacked, { recursive: true, force: true });
			if (!scan.passed) throw new Error(`scanner: ${scan.message}\n${scan.details ?? ''}`);
			const unexpected = packed.files
				.map((file) => file.path)
				.filter(
					(file) => !file.startsWith(`dist/`) && !/^(package\.json|README\.md|LICENSE)$/.test(file),
				);
			if (unexpected.length > 0) throw new Error(`tarball holds ${unexpected.join(', ')}`);
			rows.push(
				`${pkg.name}: n8n-node build ok, n8n-node lint 0 problems, scanner 0 findings, tarball ` +
					`${packed.filename} ${packed.files.length} files ${(packed.size / 1024).toFixed(1)} kB ` +
					`(unpacked ${(packed.unpackedSize / 1024).toFixed(1)} kB), ${((Date.now() - started) / 1000).toFixed(0)} s`,
			);
		} catch (error) {
			failed = true;
			rows.push(`${pkg.name}: FAILED\n${error.message}`);
		}
	}
	console.log(rows.join('\n'));
	if (failed) process.exit(1);
}

/** `npm pack` of a built package into `destination`: npm's description of the tarball (filename, files, size). */
function packTarball(pkg, destination) {
	const [packed] = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', destination], dirOf(pkg)),
	);
	return packed;
}

/** Builds and packs every package into `destination`; returns the tarball path of each package name. */
function buildTarballs(destination) {
	const tools = provideTools();
	fs.mkdirSync(destination, { recursive: true });
	return Object.fromEntries(
		PACKAGES.map((pkg) => {
			build(pkg, tools);
			return [pkg.name, path.join(destination, packTarball(pkg, destination).filename)];
		}),
	);
}

function pack() {
	const tarballs = buildTarballs(path.join(ROOT, 'artifacts', 'packages'));
	for (const tarball of Object.values(tarballs)) console.log(tarball);
}

module.exports = { PACKAGES, buildTarballs };

if (require.main === module) {
	const command = process.argv[2];
	const commands = { write, check, verify, pack };
	if (!commands[command]) {
		console.error('usage: node scripts/packages.js write|check|verify|pack');
		process.exit(2);
	}
	Promise.resolve(commands[command]()).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
