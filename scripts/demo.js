#!/usr/bin/env node
// `npm run demo`: the main job in one command — a real n8n with this package executes every example
// workflow against the provider sandbox, then a report shows what each provider received.
const fs = require('node:fs');
const { prepareN8nWithSandbox } = require('./sandbox-setup');

const describe = {
	netsapiens: (m) =>
		`${m.body.type.toUpperCase()} to ${[].concat(m.body.destination).join(', ')} in session ${m.session.slice(0, 12)}…: "${m.text}"`,
	evovoice: (m) =>
		`text from endpoint ${m.body.endpointId ?? '(session)'} to ${m.body.toAddress ?? m.path}: "${m.text}"`,
	islash: (m) =>
		`to ${m.fields.identity}: "${m.text}"${m.files.file ? ` + ${m.files.file.filename} (${m.files.file.contentType}, ${m.files.file.size} bytes)` : ''}`,
	superoffice: (m) => `${m.body.Type} in chat session ${m.path.split('/')[4]}: "${m.text}"`,
};

async function main() {
	const began = Date.now();
	const { sandbox, n8n, workflows } = await prepareN8nWithSandbox();
	try {
		process.stdout.write(
			`\nReal n8n with n8n-nodes-session-messaging, provider sandbox at ${sandbox.url}\n\n`,
		);
		for (const workflow of workflows) {
			const run = await n8n.execute(workflow.id);
			const error = run.data?.resultData?.error?.message;
			process.stdout.write(
				`  ${run.status === 'success' ? '✓' : '✕'} ${workflow.name}${error ? ` — ${error}` : ''}\n`,
			);
		}
		process.stdout.write('\nWhat each provider received:\n');
		for (const provider of ['netsapiens', 'evovoice', 'islash', 'superoffice']) {
			const messages = sandbox.state.messages.filter((m) => m.provider === provider);
			process.stdout.write(
				`\n  ${provider} (${messages.length} message${messages.length === 1 ? '' : 's'})\n`,
			);
			for (const message of messages)
				process.stdout.write(`    - ${describe[provider](message)}\n`);
		}
		process.stdout.write(
			`\n${sandbox.state.messages.length} messages delivered, ${sandbox.state.requests} requests in all, ${((Date.now() - began) / 1000).toFixed(1)} s\n`,
		);
	} finally {
		await sandbox.close();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exitCode = 1;
});
