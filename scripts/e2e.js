#!/usr/bin/env node
// `npm run test:e2e`: the package inside a real n8n 2.x — nodes loaded by n8n itself from its community
// packages folder, credentials encrypted and applied by n8n, the example workflows executed by the n8n CLI
// against the provider sandbox — asserting exactly what each provider received.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { FIXTURES } = require('../sandbox/server');
const { nodeOutput } = require('./n8n-runtime');
const { prepareN8nWithSandbox } = require('./sandbox-setup');
const { triggerWorkflows, iSlashWebhookUrl } = require('./trigger-workflows');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(condition, timeoutMs, what) {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(250);
	}
}

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

		// Triggers: published workflows activated by a real `n8n start`, fired by real deliveries.
		let editor;
		let editorLog = '';
		const port = 5700 + Math.floor(Math.random() * 200);
		const base = `http://127.0.0.1:${port}`;
		try {
			await check('n8n start activates the trigger workflows: NetSapiens subscription and SuperOffice webhook registered', async () => {
				await n8n.importWorkflows(triggerWorkflows(sandbox.url));
				for (const id of ['e2e-netsapiens-trigger', 'e2e-evovoice-trigger', 'e2e-islash-trigger', 'superoffice-chat-auto-reply']) await n8n.run(['publish:workflow', `--id=${id}`]);
				n8n.env.WEBHOOK_URL = `${base}/`;
				editor = n8n.start(port, ['ignore', 'pipe', 'pipe']);
				editor.stdout.on('data', (chunk) => (editorLog += chunk));
				editor.stderr.on('data', (chunk) => (editorLog += chunk));
				await waitFor(() => sandbox.state.subscriptions.length === 1 && sandbox.state.webhooks.length === 1, 120000, 'the trigger registrations');
				const [subscription] = sandbox.state.subscriptions;
				assert.equal(subscription.model, 'message');
				assert.match(subscription['post-url'], new RegExp(`^${base}/webhook/.+\\?secret=[0-9a-f]{32,}$`));
				assert.match(subscription['subscription-expires-datetime'], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
				assert.deepEqual(sandbox.state.webhooks[0].Events, ['chatsession.message']);
			});

			await check('a NetSapiens delivery starts the workflow with the inbound message', async () => {
				assert.deepEqual(await sandbox.deliver({ provider: 'netsapiens', text: 'Inbound SMS' }), [200]);
				await waitFor(() => sandbox.state.echoes.some((e) => e.provider === 'netsapiens'), 20000, 'the NetSapiens trigger execution');
				const echo = sandbox.state.echoes.find((e) => e.provider === 'netsapiens');
				assert.equal(echo.item.text, 'Inbound SMS');
				assert.equal(echo.item.direction, 'orig');
			});

			await check('a signed SuperOffice delivery starts the auto-reply, which answers in the same chat session', async () => {
				assert.deepEqual(await sandbox.deliver({ provider: 'superoffice', text: 'Do you ship to Norway?', chatSessionId: 4242 }), [200]);
				await waitFor(() => sent(sandbox, 'superoffice').some((m) => m.path.includes('/4242/')), 20000, 'the SuperOffice auto-reply');
				const reply = sent(sandbox, 'superoffice').find((m) => m.path.includes('/4242/'));
				assert.equal(reply.body.Message, 'Thanks for your message ("Do you ship to Norway?"). An agent will be with you shortly.');
			});

			await check('an iSlash delivery with the secret starts the workflow with one normalised message item', async () => {
				assert.deepEqual(await sandbox.deliver({ provider: 'islash', url: iSlashWebhookUrl(base), text: 'Hi on WhatsApp' }), [200]);
				await waitFor(() => sandbox.state.echoes.some((e) => e.provider === 'islash'), 20000, 'the iSlash trigger execution');
				const echo = sandbox.state.echoes.find((e) => e.provider === 'islash');
				assert.equal(echo.item.text, 'Hi on WhatsApp');
				assert.equal(echo.item.channel, 'whatsapp');
			});

			await check('the EvoVoice poller (every minute, n8n\'s shortest interval) starts the workflow with a new incoming message, once', async () => {
				// The first poll only sets the cursor to "now"; a message is offered every 15 s until a poll emits one.
				const started = Date.now();
				while (!sandbox.state.echoes.some((e) => e.provider === 'evovoice')) {
					if (Date.now() - started > 180000) throw new Error('no poll emitted a message within 180 s');
					await sandbox.deliver({ provider: 'evovoice', text: `Incoming SMS ${Date.now()}` });
					await waitFor(() => sandbox.state.echoes.some((e) => e.provider === 'evovoice'), 15000, 'a poll').catch(() => undefined);
				}
				await sleep(61000 - ((Date.now() - started) % 60000)); // one more poll: nothing may come twice
				const echoes = sandbox.state.echoes.filter((e) => e.provider === 'evovoice');
				const ids = echoes.map((e) => e.item.id);
				assert.equal(new Set(ids).size, ids.length, `a message was emitted twice: ${ids}`);
				assert.ok(echoes.every((e) => e.item.direction === 'Incoming'));
			});

			await check('deliveries without the right secret are refused with 401 and start nothing', async () => {
				const webhookEchoes = () => sandbox.state.echoes.filter((e) => e.provider !== 'evovoice').length; // the poller runs on
				const echoes = webhookEchoes();
				assert.deepEqual(await sandbox.deliver({ provider: 'islash', url: iSlashWebhookUrl(base, 'wrong-secret') }), [401]);
				const hook = sandbox.state.webhooks[0];
				const forged = await fetch(hook.TargetUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-superoffice-signature': 'forged' },
					body: JSON.stringify({ Event: 'chatsession.message', PrimaryKey: 4242 }),
				});
				assert.equal(forged.status, 401);
				await sleep(1500);
				assert.equal(webhookEchoes(), echoes);
			});
		} finally {
			editor?.kill('SIGTERM');
			if (results.some((r) => !r.ok)) process.stdout.write(`\n--- n8n start log (last 3000 characters) ---\n${editorLog.slice(-3000)}\n`);
		}
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
