// Each per-provider package alone in a real n8n (part of `npm run test:e2e`): its tarball unpacked into a
// fresh n8n user folder where n8n looks for community packages, with no pack beside it; its credential(s)
// and its example workflow imported (node types renamed to the package's), the example executed by n8n's
// CLI against the sandbox, and the sandbox's record of that provider checked. Then all five side by side,
// beside a stand-in for the other NetSapiens package (e2e/standins/).
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSandbox } = require('../sandbox/server');
const { N8n, createUserFolder, nodeOutput } = require('../scripts/n8n-runtime');
const { PACKAGES, buildTarballs } = require('../scripts/packages');
const { sandboxCredentials, sandboxWorkflows } = require('../scripts/sandbox-setup');

const PACK = 'n8n-nodes-session-messaging';

/** The example each package runs, and the sandbox's name of its provider. */
const EXAMPLES = {
	'n8n-nodes-netsapiens-messaging': { workflow: 'example-netsapiens', provider: 'netsapiens' },
	'n8n-nodes-evovoice-messaging': { workflow: 'example-evovoice', provider: 'evovoice' },
	'n8n-nodes-islash-messaging': { workflow: 'example-islash', provider: 'islash' },
	'n8n-nodes-superoffice-messaging': { workflow: 'example-superoffice', provider: 'superoffice' },
};

/** Unpacks a package's tarball into an n8n user folder's community packages, as npm would install it. */
function installTarball(folder, name, tarball) {
	const target = path.join(folder, '.n8n', 'nodes', 'node_modules', name);
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
}

/**
 * The other n8n package for NetSapiens (dszp/n8n-nodes-netsapiens: npm `n8n-nodes-netsapiens`, credential type
 * `netSapiensApi`), as a stand-in with its names and credential fields, and a workflow whose node reports the
 * fields n8n resolved for that credential.
 */
const STANDIN = {
	name: 'n8n-nodes-netsapiens',
	credential: {
		id: 'netSapiensApi-standin',
		name: 'NetSapiens API (other package)',
		type: 'netSapiensApi',
		data: { authType: 'bearer', server: 'pbx.example.com', bearerToken: 'standin-token' },
	},
	fields: [
		'authType',
		'baseUrl',
		'bearerToken',
		'clientId',
		'clientSecret',
		'password',
		'server',
		'username',
	],
	workflow: {
		id: 'standin-netsapiens',
		name: 'Other NetSapiens package',
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'standin',
				name: 'Other NetSapiens',
				type: 'n8n-nodes-netsapiens.netSapiens',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
				credentials: {
					netSapiensApi: { id: 'netSapiensApi-standin', name: 'NetSapiens API (other package)' },
				},
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Other NetSapiens', type: 'main', index: 0 }]] },
		},
		settings: {},
	},
};

/** A fresh n8n user folder holding only `tarball`. */
function userFolderWith(name, tarball) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-e2e-`));
	installTarball(folder, name, tarball);
	return folder;
}

/** Runs the checks through `check(name, fn)`; returns one summary line per package. */
async function packageChecks(check, runtime) {
	const tarballs = buildTarballs(fs.mkdtempSync(path.join(os.tmpdir(), 'packages-e2e-')));
	const sandbox = await startSandbox();
	const summary = [];
	try {
		for (const pkg of PACKAGES) {
			const { workflow: workflowId, provider } = EXAMPLES[pkg.name];
			const credentialTypes = pkg.credentials.map((name) => name[0].toLowerCase() + name.slice(1));
			const n8n = new N8n(runtime, userFolderWith(pkg.name, tarballs[pkg.name]));
			try {
				await check(
					`${pkg.name} alone in n8n: its example ${workflowId} runs against the sandbox`,
					async () => {
						const workflow = sandboxWorkflows().find(({ id }) => id === workflowId);
						for (const node of workflow.nodes)
							node.type = node.type.replace(`${PACK}.`, `${pkg.name}.`);
						await n8n.importCredentials(
							sandboxCredentials(sandbox.url).filter(({ type }) => credentialTypes.includes(type)),
						);
						await n8n.importWorkflows([workflow]);
						const before = sandbox.state.messages.length;
						const run = await n8n.execute(workflowId);
						const sent = sandbox.state.messages
							.slice(before)
							.filter((message) => message.provider === provider);
						assert.equal(
							run.status,
							'success',
							JSON.stringify(run.data?.resultData?.error?.message),
						);
						assert.ok(sent.length > 0, `${provider} received nothing`);
						const ran = Object.keys(run.data.resultData.runData);
						summary.push(
							`${pkg.name}: ${workflowId} success, ${ran.length} nodes ran, ${sent.length} message(s) at ${provider}`,
						);
					},
				);
				await check(`${pkg.name} alone in n8n: the pack's node types are not there`, async () => {
					const workflow = sandboxWorkflows().find(({ id }) => id === workflowId);
					workflow.id = `${workflowId.slice(0, 13)}-pack`;
					await n8n.importWorkflows([workflow]);
					const run = await n8n.execute(workflow.id).catch((error) => ({ error }));
					assert.notEqual(run.status, 'success', 'a workflow with the pack’s node types ran');
				});
			} finally {
				fs.rmSync(n8n.userFolder, { recursive: true, force: true });
			}
		}
		summary.push(await sideBySide(check, runtime, sandbox, tarballs));
	} finally {
		await sandbox.close();
	}
	return summary;
}

/**
 * What n8n does when a user installs the pack and the four packages side by side, against the README's
 * "install one or the other": n8n keys node types by package and credential types by bare name
 * (LoadNodesAndCredentials.postProcessLoaders: `known.credentials[type] =` per loader, the last one loaded
 * wins), so both sets of nodes load and one credential of each type serves both.
 */
async function sideBySide(check, runtime, sandbox, tarballs) {
	const folder = createUserFolder(); // the pack, linked
	for (const pkg of PACKAGES) installTarball(folder, pkg.name, tarballs[pkg.name]);
	fs.cpSync(
		path.join(__dirname, 'standins', STANDIN.name),
		path.join(folder, '.n8n', 'nodes', 'node_modules', STANDIN.name),
		{ recursive: true },
	);
	const n8n = new N8n(runtime, folder);
	let line = '';
	try {
		await check(
			'the pack, the four packages and the other NetSapiens package side by side: both sets of our nodes load, each example runs with the same credentials from either, and the other package keeps its own netSapiensApi',
			async () => {
				await n8n.importCredentials([...sandboxCredentials(sandbox.url), STANDIN.credential]);
				const workflows = [];
				for (const pkg of PACKAGES) {
					const { workflow: workflowId } = EXAMPLES[pkg.name];
					const fromPack = sandboxWorkflows().find(({ id }) => id === workflowId);
					const fromPackage = structuredClone(fromPack);
					fromPackage.id = `${workflowId.slice(0, 13)}-pkg`;
					for (const node of fromPackage.nodes)
						node.type = node.type.replace(`${PACK}.`, `${pkg.name}.`);
					workflows.push(fromPack, fromPackage);
				}
				await n8n.importWorkflows(workflows);
				for (const workflow of workflows) {
					const run = await n8n.execute(workflow.id);
					assert.equal(
						run.status,
						'success',
						`${workflow.id}: ${JSON.stringify(run.data?.resultData?.error?.message)}`,
					);
				}
				await n8n.importWorkflows([STANDIN.workflow]);
				const standin = await n8n.execute(STANDIN.workflow.id);
				assert.equal(
					standin.status,
					'success',
					JSON.stringify(standin.data?.resultData?.error?.message),
				);
				assert.deepEqual(nodeOutput(standin, 'Other NetSapiens')[0], {
					fields: STANDIN.fields,
					server: STANDIN.credential.data.server,
				});
				line = `pack + 4 packages + ${STANDIN.name} (stand-in) side by side: ${workflows.length} of ${workflows.length} examples ran (each with the pack's and the package's node types), one credential per type; the stand-in's netSapiensApi kept its ${STANDIN.fields.length} fields`;
			},
		);
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	return line;
}

module.exports = { packageChecks };
