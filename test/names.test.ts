import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ICredentialType } from 'n8n-workflow';

// n8n keys credential types by bare name across every installed package, the last one loaded winning
// (LoadNodesAndCredentials.postProcessLoaders), and npm keys packages by name. So none of our names may be one
// another package already uses. docs/packages.md ("Names no other package uses") cites this list.
const TAKEN = {
	// dszp/n8n-nodes-netsapiens (package.json; credentials/NetSapiensApi.credentials.ts): the other n8n node
	// for NetSapiens, published as n8n-nodes-netsapiens
	packages: ['n8n-nodes-netsapiens'],
	credentialTypes: ['netSapiensApi'],
	credentialDisplayNames: ['NetSapiens API'],
};

const REPO = path.resolve(__dirname, '..');
const BUILT = path.join(REPO, 'dist', 'credentials');

function builtCredentials(): ICredentialType[] {
	return fs
		.readdirSync(BUILT)
		.filter((file) => file.endsWith('.credentials.js'))
		.map((file) => {
			// n8n's loader takes the class named like the file (DirectoryLoader.loadClassInIsolation)
			const className = path.basename(file, '.credentials.js');
			// eslint-disable-next-line @typescript-eslint/no-require-imports -- every built file, whatever its name
			const exported = require(path.join(BUILT, file)) as Record<string, new () => ICredentialType>;
			return new exported[className]();
		});
}

function packageNames(): string[] {
	const read = (file: string) =>
		(JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string }).name;
	const perProvider = fs
		.readdirSync(path.join(REPO, 'packages'))
		.map((folder) => read(path.join(REPO, 'packages', folder, 'package.json')));
	return [read(path.join(REPO, 'package.json')), ...perProvider];
}

describe('names no other package uses', () => {
	const credentials = builtCredentials();

	it('reads every credential the package declares from the build', () => {
		const declared = (
			JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
				n8n: { credentials: string[] };
			}
		).n8n.credentials.map((file) => path.basename(file, '.credentials.js'));
		expect(credentials.map((credential) => credential.constructor.name).sort()).toEqual(
			expect.arrayContaining(declared),
		);
		expect(declared.length).toBeGreaterThan(0);
	});

	it('no credential type name is one another package uses', () => {
		const clashes = credentials.filter(({ name }) => TAKEN.credentialTypes.includes(name));
		expect(clashes.map(({ name }) => name)).toEqual([]);
	});

	it('no credential display name is one another package shows in the credential picker', () => {
		const clashes = credentials.filter(({ displayName }) =>
			TAKEN.credentialDisplayNames.includes(displayName),
		);
		expect(clashes.map(({ displayName }) => displayName)).toEqual([]);
	});

	it('credential type names follow one scheme: <provider>Messaging(OAuth2)Api', () => {
		for (const { name } of credentials)
			expect(name).toMatch(/^[a-z][A-Za-z]*Messaging(OAuth2)?Api$/);
	});

	it('no package name is one another package uses', () => {
		const names = packageNames();
		expect(names.length).toBe(5);
		expect(names.filter((name) => TAKEN.packages.includes(name))).toEqual([]);
	});
});
