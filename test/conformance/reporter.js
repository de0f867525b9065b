const { mkdtempSync, readFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// Prints how many requests the conformance check saw per provider (test/conformance/recorder.ts writes one
// line per test file to the file named here; jest starts its workers after the reporters, so they inherit it).
class ConformanceReporter {
	constructor() {
		this.directory = mkdtempSync(join(tmpdir(), 'conformance-'));
		process.env.CONFORMANCE_SUMMARY_FILE = join(this.directory, 'summary.jsonl');
	}

	onRunComplete() {
		const file = process.env.CONFORMANCE_SUMMARY_FILE;
		const lines = existsSync(file)
			? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean)
			: [];
		const counts = {};
		let violations = 0;
		for (const line of lines) {
			const entry = JSON.parse(line);
			violations += entry.violations;
			for (const [provider, count] of Object.entries(entry.counts))
				counts[provider] = (counts[provider] ?? 0) + count;
		}
		const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
		const per = Object.entries(counts)
			.map(([provider, count]) => `${provider} ${count}`)
			.join(', ');
		process.stdout.write(
			`Conformance: ${total} requests from ${lines.length} test files checked against the providers' specs (${per}), ${violations} departing\n`,
		);
		rmSync(this.directory, { recursive: true, force: true });
	}
}
module.exports = ConformanceReporter;
