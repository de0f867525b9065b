#!/usr/bin/env node
// `npm run test:e2e`: the package inside a real n8n 2.x — nodes loaded by n8n itself from its community
// packages folder, credentials encrypted and applied by n8n, the example workflows executed by the n8n CLI
// against the provider sandbox — asserting exactly what each provider received.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { FIXTURES } = require('../sandbox/server');
const { nodeOutput } = require('./n8n-runtime');
const { prepareN8nWithSandbox } = require('./sandbox-setup');

const results = [];
async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true, ms: Date.now() - started });
		process.stdout.write(`  ✓ ${name} (${Date.now() - started} ms)\n`);
	} catch (error) {
		results.push({ name, ok: false });
		process.stdout.write(`  ✕ ${name}\n    ${String(error.stack || error).split('\n').slice(0, 6).join('\n    ')}\n`);
	}
}

const sent = (sandbox, provider) => sandbox.state.messages.filter((m) => m.provider === provider);

async function main() {
	const began = Date.now();
	const { sandbox, n8n, workflows } = await prepareN8nWithSandbox();
	process.stdout.write(`n8n set up with the package, sandbox credentials and ${workflows.length} example workflows in ${Date.now() - began} ms (sandbox ${sandbox.url})\n`);
	try {
		const runs = {};
		for (const workflow of workflows) {
			await check(`n8n executes ${workflow.id} successfully`, async () => {
				runs[workflow.id] = await n8n.execute(workflow.id);
				assert.equal(runs[workflow.id].status, 'success', JSON.stringify(runs[workflow.id].data?.resultData?.error?.message));
			});
		}

		await check('NetSapiens received an SMS in a new session and the reply in the same session, with one token request', async () => {
			const [first, reply] = sent(sandbox, 'netsapiens');
			assert.equal(sent(sandbox, 'netsapiens').length, 2);
			assert.match(first.session, /^[A-Za-z0-9_]{32,}$/);
			assert.equal(reply.session, first.session);
			assert.deepEqual(first.body, { type: 'sms', message: 'Hello from n8n! Reply STOP to opt out.', destination: '18585551234', 'from-number': '18585550001' });
			assert.equal(reply.body.destination, '18585551234');
			assert.equal(sandbox.state.tokensIssued, 1);
			const out = nodeOutput(runs['netsapiens-sms-reply'], 'Send SMS (new session)')[0];
			assert.equal(out['messagesession-id'], first.session);
			assert.equal(JSON.stringify(runs['netsapiens-sms-reply']).includes(FIXTURES.netsapiens.password), false, 'password in run data');
		});

		await check('EvoVoice received the text to the number, and the conversation was read back', async () => {
			const [message] = sent(sandbox, 'evovoice');
			assert.equal(sent(sandbox, 'evovoice').length, 1);
			assert.deepEqual(message.body, {
				endpointId: FIXTURES.evovoice.endpointId,
				toAddress: '+15556667777',
				body: 'Hello from n8n! Reply to this text and run the workflow again to see your answer.',
			});
			const read = nodeOutput(runs['evovoice-send-and-read'], 'Read the conversation');
			assert.deepEqual(read.map((m) => m.text), [message.body.body]);
		});

		await check('iSlash received a multipart session message with the image file and its caption', async () => {
			const [message] = sent(sandbox, 'islash');
			assert.equal(sent(sandbox, 'islash').length, 1);
			assert.deepEqual(message.fields, { session: FIXTURES.islash.session, identity: '85256872847', text: 'Here is the picture you asked for' });
			assert.equal(message.files.file.contentType, 'image/png');
			assert.equal(message.files.file.filename, 'picture.png');
			assert.equal(message.files.file.size, 70);
		});

		await check('SuperOffice received the auto-reply in the chat session of the sample message', async () => {
			const [message] = sent(sandbox, 'superoffice');
			assert.equal(sent(sandbox, 'superoffice').length, 1);
			assert.equal(message.path, '/api/v1/ChatSession/178105/Messages');
			assert.equal(message.body.Type, 'ToCustomer');
			assert.equal(message.body.ChatSessionId, 178105);
			assert.equal(message.body.Message, 'Thanks for your message ("Hello, do you ship to Norway?"). An agent will be with you shortly.');
		});
	} finally {
		await sandbox.close();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exitCode = 1;
});
