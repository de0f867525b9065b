// Tests run in a time zone far from UTC (the workers inherit it), so a date read in the local zone of the
// machine n8n runs on instead of UTC shows up as a failure.
process.env.TZ = 'Pacific/Auckland';

/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
	},
	// The real n8n-core engine is loaded once per test file; give slow CI machines room.
	testTimeout: 30000,
	// n8n-core keeps module-level state between files; jest's soft global clean-up only warns about it.
	testEnvironmentOptions: { globalsCleanup: 'off' },
	// Each file loads n8n-core into its own module registry, and the engine's module-level state keeps the old
	// registries alive: in one process the heap grows by about 50 MB a file and ran out at 4 GB on CI. A worker
	// whose heap passes this limit after a file is replaced by a fresh one (this also runs the tests in a
	// worker when there is only one core to spare, where jest would otherwise run them in its own process).
	workerIdleMemoryLimit: '2GB',
	// every request a test sends through nock is checked against the provider's spec after its file
	setupFilesAfterEnv: ['<rootDir>/test/conformance/recorder.ts'],
	reporters: [
		'default',
		'<rootDir>/test/summaryReporter.js',
		'<rootDir>/test/conformance/reporter.js',
	],
};
