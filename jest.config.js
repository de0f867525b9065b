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
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
