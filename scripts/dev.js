#!/usr/bin/env node
// `npm run dev`: the demo's set-up, then n8n's editor on http://localhost:5678 with this package's nodes,
// sandbox credentials and the example workflows ready to click through. Ctrl-C stops everything.
const fs = require('node:fs');
const { prepareN8nWithSandbox, SANDBOX_OWNER } = require('./sandbox-setup');

async function main() {
	const { sandbox, n8n } = await prepareN8nWithSandbox({
		sandboxPort: Number(process.env.SANDBOX_PORT || 4010),
		owner: SANDBOX_OWNER,
	});
	const editor = n8n.start(Number(process.env.N8N_PORT || 5678));
	process.stdout.write(
		`provider sandbox on ${sandbox.url}; n8n editor starting on http://localhost:${process.env.N8N_PORT || 5678}\n` +
			`sign in as ${SANDBOX_OWNER.email} with password ${SANDBOX_OWNER.password} (a local owner n8n creates from the environment)\n`,
	);
	const stop = async () => {
		editor.kill('SIGTERM');
		await sandbox.close();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	editor.on('exit', stop);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exitCode = 1;
});
