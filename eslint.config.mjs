// Lint scopes, as n8n's verification scanner sees the package:
// - package.json, nodes/ and credentials/ get exactly n8n's own rule sets (eslint-plugin-n8n-nodes-base
//   community / credentials / nodes + @n8n/eslint-plugin-community-nodes recommended): what the scanner runs.
// - tests and tools get typescript-eslint's recommended rules, where console and process are legitimate;
//   the JavaScript we write (sandbox/, scripts/, e2e/, bench/, the root's config files) gets ESLint's recommended
//   rules with Node's globals.
import js from '@eslint/js';
import globals from 'globals';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import jsoncParser from 'jsonc-eslint-parser';
import tseslint from 'typescript-eslint';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'examples/**',
			// copies of nodes/ and credentials/ made by scripts/packages.js, linted there by n8n-node lint
			'packages/*/{nodes,credentials,dist}/**',
		],
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': communityNodes },
		rules: {
			...n8nNodesBase.configs.community.rules,
			...communityNodes.configs.recommended.rules,
		},
	},
	{
		files: shipped,
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		extends: [tseslint.configs.recommended],
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': communityNodes },
		rules: {
			...communityNodes.configs.recommended.rules,
		},
	},
	// The same three exceptions n8n's own `n8n-node lint` config makes: the older base rules predate
	// NodeConnectionTypes and camel-cased documentation URLs, which the newer community rules require.
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommended],
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: globals.node },
		// `const { secret, ...shown } = x` is how the sandbox leaves a field out of an answer
		rules: { 'no-unused-vars': ['error', { ignoreRestSiblings: true }] },
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
	// puppeteer runs these functions in the page, where the browser's globals are
	{
		files: ['e2e/editor.js'],
		languageOptions: { globals: { document: 'readonly', location: 'readonly' } },
	},
);
