/** `npm run bench`: the benchmarks run through jest only for its TypeScript transform; they assert nothing. */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
	testEnvironmentOptions: { globalsCleanup: 'off' },
	testTimeout: 30 * 60 * 1000,
	silent: false,
};
