#!/usr/bin/env node
// Part of `npm run lint`: every relative link in README.md, CONTRIBUTING.md, docs/**/*.md and the generated
// packages/*/README.md points to a file that exists, and every `#anchor` (in the same document or another) to a heading that document has —
// offline, so moving a section cannot silently strand a link. Anchors are made as GitHub makes them
// (lower case, punctuation dropped, spaces to hyphens, repeats suffixed -1, -2…).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function markdownFiles() {
	const files = ['README.md', 'CONTRIBUTING.md'].filter((file) =>
		fs.existsSync(path.join(root, file)),
	);
	const walk = (dir) => {
		if (!fs.existsSync(path.join(root, dir))) return;
		for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
			const relative = path.posix.join(dir, entry.name);
			if (entry.isDirectory()) walk(relative);
			else if (entry.name.endsWith('.md')) files.push(relative);
		}
	};
	walk('docs');
	// the per-provider packages' READMEs (scripts/packages.js): their links into the repository are absolute,
	// their own `#anchors` are checked here
	if (fs.existsSync(path.join(root, 'packages')))
		for (const entry of fs.readdirSync(path.join(root, 'packages'), { withFileTypes: true }))
			if (
				entry.isDirectory() &&
				fs.existsSync(path.join(root, 'packages', entry.name, 'README.md'))
			)
				files.push(path.posix.join('packages', entry.name, 'README.md'));
	return files;
}

/** The document's lines outside fenced code blocks, inline code removed. */
function proseLines(text) {
	const lines = [];
	let fenced = false;
	for (const line of text.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			continue;
		}
		if (!fenced) lines.push(line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)));
	}
	return lines;
}

/** A heading's anchor as GitHub makes it (also for the package READMEs scripts/packages.js writes). */
function githubAnchor(heading) {
	return heading
		.trim()
		.toLowerCase()
		.replace(/<[^>]+>/g, '')
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const anchorsCache = new Map();
function anchorsOf(file) {
	if (!anchorsCache.has(file)) {
		const anchors = new Set();
		const counts = new Map();
		const text = fs.readFileSync(path.join(root, file), 'utf8');
		let fenced = false;
		for (const line of text.split('\n')) {
			if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
			const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
			if (!heading) continue;
			// a heading's text keeps its inline code's words: GitHub drops only the backticks
			const base = githubAnchor(heading[1].replace(/`/g, ''));
			const seen = counts.get(base) ?? 0;
			counts.set(base, seen + 1);
			anchors.add(seen === 0 ? base : `${base}-${seen}`);
		}
		for (const match of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(match[1]);
		anchorsCache.set(file, anchors);
	}
	return anchorsCache.get(file);
}

function problemsIn(file) {
	const problems = [];
	const lines = proseLines(fs.readFileSync(path.join(root, file), 'utf8'));
	lines.forEach((line, index) => {
		// [text](target) and [text](target "title"); images too
		for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
			const target = match[1];
			if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: — not checked offline
			const [pathPart, anchor] = target.split('#');
			const targetFile = pathPart
				? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(pathPart)))
				: file;
			const where = `${file}:${index + 1}`;
			if (!fs.existsSync(path.join(root, targetFile))) {
				problems.push(`${where}: ${target} — no such file ${targetFile}`);
				continue;
			}
			if (anchor !== undefined && targetFile.endsWith('.md') && !anchorsOf(targetFile).has(anchor))
				problems.push(`${where}: ${target} — ${targetFile} has no heading with anchor #${anchor}`);
		}
	});
	return problems;
}

function main() {
	const files = markdownFiles();
	const problems = files.flatMap(problemsIn);
	if (problems.length > 0) {
		process.stderr.write(`${problems.join('\n')}\n${problems.length} broken link(s)\n`);
		process.exitCode = 1;
	} else {
		process.stdout.write(
			`links: ${files.length} documents, every relative link and anchor resolves\n`,
		);
	}
}

if (require.main === module) main();

module.exports = { githubAnchor };
