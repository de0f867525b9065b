#!/usr/bin/env node
// `npm run test:e2e`: the package inside a real n8n 2.40.7 — nodes loaded by n8n itself from its community
// packages folder, credentials encrypted and applied by n8n, the example workflows executed by the n8n CLI
// against the provider sandbox — asserting exactly what each provider received; the action nodes as tools
// of n8n's AI Agent (e2e/e2e-agents.js); the triggers in a running n8n, across bursts and a restart;
// Send and Wait and the Human review tools in that running n8n (e2e/e2e-send-and-wait.js), waiting
// for a reply (NetSapiens Reply and the iSlash two-workflow example, e2e/e2e-reply-wait.js);
// then each per-provider package alone and all five side by side (e2e/e2e-packages.js); last, the
// examples and the AI Agent tools again in n8n 1.123.81 (the triggers' scenarios run on 2.40.7 only).
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const { FIXTURES } = require('../sandbox/server');
const {
	nodeOutput,
	sleep,
	waitFor,
	freePort,
	provideN8n,
	N8N_VERSIONS,
} = require('../scripts/n8n-runtime');
const {
	prepareN8nWithSandbox,
	sandboxCredentials,
	publishableSuperOfficeExample,
	repliesQuoting,
} = require('../scripts/sandbox-setup');
const { triggerWorkflows, iSlashWebhookUrl } = require('./trigger-workflows');
const { agentChecks, humanReviewAgentWorkflow, humanReviewChecks } = require('./e2e-agents');
const {
	SEND_AND_WAIT_WORKFLOW_ID,
	sendAndWaitWorkflow,
	sendAndWaitChecks,
	sendAndWaitInShortStart,
	startLimitedWait,
} = require('./e2e-send-and-wait');
const { packageChecks } = require('./e2e-packages');
const {
	replyChecks,
	startLimitedReplyWait,
	twoWorkflowChecks,
	replyWorkflows,
	triggerSubscriptions,
} = require('./e2e-reply-wait');

/** The owner account the e2e sets up in its running n8n (for n8n's REST API). */
const E2E_OWNER = { email: 'e2e@example.com', password: 'E2e-password-1234' };

const results = [];
async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true, ms: Date.now() - started });
		process.stdout.write(`  ✓ ${name} (${Date.now() - started} ms)\n`);
	} catch (error) {
		results.push({ name, ok: false });
		process.stdout.write(
			`  ✕ ${name}\n    ${String(error.stack || error)
				.split('\n')
				.slice(0, 6)
				.join('\n    ')}\n`,
		);
	}
}

const sent = (sandbox, provider) => sandbox.state.messages.filter((m) => m.provider === provider);

/**
 * The example workflows, each executed by n8n's CLI, and what each provider received from them; the
 * names of the checks start with `label`. Returns the runs and what the sandbox accepted during each.
 */
async function exampleChecks({ sandbox, n8n, workflows, label = '' }) {
	const runs = {};
	const sentBy = {}; // what the sandbox accepted during each example's run
	for (const workflow of workflows) {
		await check(`${label}n8n executes ${workflow.id} successfully`, async () => {
			const before = sandbox.state.messages.length;
			runs[workflow.id] = await n8n.execute(workflow.id);
			sentBy[workflow.id] = sandbox.state.messages.slice(before);
			assert.equal(
				runs[workflow.id].status,
				'success',
				JSON.stringify(runs[workflow.id].data?.resultData?.error?.message),
			);
		});
	}

	await check(
		label +
			'NetSapiens received an SMS in a new session and the reply in the same session, with one token request',
		async () => {
			const [first, reply] = sentBy['example-netsapiens'];
			assert.equal(sentBy['example-netsapiens'].length, 2);
			assert.match(first.session, /^[A-Za-z0-9_]{32,}$/);
			assert.equal(reply.session, first.session);
			assert.deepEqual(first.body, {
				type: 'sms',
				message: 'Hello from n8n! Reply STOP to opt out.',
				destination: '18585551234',
				'from-number': '18585550001',
			});
			assert.equal(reply.body.destination, '18585551234');
			assert.equal(sandbox.state.tokensIssued, 1);
			const out = nodeOutput(runs['example-netsapiens'], 'Send SMS (new session)')[0];
			assert.equal(out['messagesession-id'], first.session);
			assert.equal(
				JSON.stringify(runs['example-netsapiens']).includes(FIXTURES.netsapiens.password),
				false,
				'password in run data',
			);
		},
	);

	await check(
		label + 'EvoVoice received the text to the number, and the conversation was read back',
		async () => {
			const [message] = sentBy['example-evovoice'];
			assert.equal(sentBy['example-evovoice'].length, 1);
			assert.deepEqual(message.body, {
				endpointId: FIXTURES.evovoice.endpointId,
				toAddress: '+15556667777',
				body: 'Hello from n8n! Reply to this text and run the workflow again to see your answer.',
			});
			const read = nodeOutput(runs['example-evovoice'], 'Read the conversation');
			assert.deepEqual(
				read.map((m) => m.text),
				[message.body.body],
			);
		},
	);

	await check(
		label + 'iSlash received a multipart session message with the image file and its caption',
		async () => {
			const [message] = sentBy['example-islash'];
			assert.equal(sentBy['example-islash'].length, 1);
			assert.deepEqual(message.fields, {
				session: FIXTURES.islash.session,
				identity: '85256872847',
				text: 'Here is the picture you asked for',
			});
			assert.equal(message.files.file.contentType, 'image/png');
			assert.equal(message.files.file.filename, 'picture.png');
			assert.equal(message.files.file.size, 70);
		},
	);

	await check(
		label + 'SuperOffice received the auto-reply in the chat session of the sample message',
		async () => {
			const [message] = sentBy['example-superoffice'];
			assert.equal(sentBy['example-superoffice'].length, 1);
			assert.equal(message.path, '/api/v1/ChatSession/178105/Messages');
			assert.equal(message.body.Type, 'ToCustomer');
			assert.equal(message.body.ChatSessionId, 178105);
			assert.equal(
				message.body.Message,
				'Thanks for your message ("Hello, do you ship to Norway?"). An agent will be with you shortly.',
			);
		},
	);

	return { runs, sentBy };
}

async function main() {
	const began = Date.now();
	const { sandbox, n8n, workflows } = await prepareN8nWithSandbox();
	process.stdout.write(
		`n8n set up with the package, sandbox credentials and ${workflows.length} example workflows in ${Date.now() - began} ms (sandbox ${sandbox.url})\n`,
	);
	try {
		const { runs, sentBy } = await exampleChecks({ sandbox, n8n, workflows });
		await agentChecks({ sandbox, n8n, check, runs, sentBy });
		await require('./e2e-netsapiens-cores').netSapiensCoreChecks({ sandbox, n8n, check });

		// Triggers: published workflows activated by a real `n8n start`, fired by real deliveries.
		let editor;
		const editors = []; // the log on failure spans the restart
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const startEditor = () => {
			editor = n8n.serve(port);
			editors.push(editor);
		};
		try {
			await check(
				'n8n start activates the trigger workflows: NetSapiens subscription and SuperOffice webhook registered',
				async () => {
					await n8n.importWorkflows([
						...triggerWorkflows(sandbox.url),
						publishableSuperOfficeExample(),
						sendAndWaitWorkflow(sandbox.url, humanReviewAgentWorkflow()),
						...replyWorkflows(sandbox.url), // published through n8n's REST API by their checks
					]);
					for (const id of [
						'e2e-netsapiens',
						'e2e-evovoice',
						'e2e-islash',
						'example-superoffice',
						SEND_AND_WAIT_WORKFLOW_ID,
					])
						await n8n.run(['publish:workflow', `--id=${id}`]);
					n8n.env.WEBHOOK_URL = `${base}/`;
					startEditor();
					await waitFor(
						() => sandbox.state.subscriptions.length === 1 && sandbox.state.webhooks.length === 1,
						120000,
						'the trigger registrations',
					);
					const [subscription] = sandbox.state.subscriptions;
					assert.equal(subscription.model, 'message');
					assert.match(
						subscription['post-url'],
						new RegExp(`^${base}/webhook/.+\\?secret=[0-9a-f]{32,}$`),
					);
					assert.match(
						subscription['subscription-expires-datetime'],
						/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
					);
					assert.deepEqual(sandbox.state.webhooks[0].Events, ['chatsession.message']);
				},
			);

			await check(
				'n8n’s credential Test runs each credential’s own test: OK with the right values, the rule’s message or the token request’s reason with wrong ones',
				async () => {
					const json = { 'content-type': 'application/json', 'browser-id': 'e2e-browser' };
					const owner = await fetch(`${base}/rest/owner/setup`, {
						method: 'POST',
						headers: json,
						body: JSON.stringify({ ...E2E_OWNER, firstName: 'E2E', lastName: 'Owner' }),
					});
					assert.equal(owner.status, 200, await owner.text());
					const cookie = (owner.headers.get('set-cookie') ?? '').split(';')[0];
					const test = async (credential, change) => {
						const answer = await fetch(`${base}/rest/credentials/test`, {
							method: 'POST',
							headers: { ...json, cookie },
							body: JSON.stringify({
								credentials: {
									id: credential.id,
									name: credential.name,
									type: credential.type,
									data: { ...credential.data, ...change },
								},
							}),
						});
						assert.equal(answer.status, 200, await answer.clone().text());
						return (await answer.json()).data;
					};
					const byType = Object.fromEntries(
						sandboxCredentials(sandbox.url).map((credential) => [credential.type, credential]),
					);
					const ok = { status: 'OK', message: 'Connection successful!' };
					for (const type of [
						'iSlashMessagingApi',
						'superOfficeMessagingApi',
						'evoVoiceMessagingApi',
						'netSapiensMessagingApi',
					])
						assert.deepEqual(await test(byType[type], {}), ok, type);
					assert.deepEqual(await test(byType.iSlashMessagingApi, { userToken: 'wrong-token' }), {
						status: 'Error',
						message: 'Unauthorized',
					});
					assert.deepEqual(await test(byType.superOfficeMessagingApi, { accessToken: 'expired' }), {
						status: 'Error',
						message:
							'SuperOffice refused the credential (HTTP 401): check the token or ticket, the application token and the tenant',
					});
					assert.deepEqual(await test(byType.netSapiensMessagingApi, { password: 'wrong' }), {
						status: 'Error',
						message: 'NetSapiens refused the token request (HTTP 401): Invalid credentials',
					});
				},
			);

			await check(
				'a NetSapiens delivery starts the workflow with the inbound message',
				async () => {
					assert.deepEqual(await sandbox.deliver({ provider: 'netsapiens', text: 'Inbound SMS' }), [
						200,
					]);
					await waitFor(
						() => sandbox.state.echoes.some((e) => e.provider === 'netsapiens'),
						20000,
						'the NetSapiens trigger execution',
					);
					const echo = sandbox.state.echoes.find((e) => e.provider === 'netsapiens');
					assert.equal(echo.item.text, 'Inbound SMS');
					assert.equal(echo.item.direction, 'orig');
				},
			);

			await check(
				'a signed SuperOffice delivery starts the auto-reply, which answers in the same chat session',
				async () => {
					assert.deepEqual(
						await sandbox.deliver({
							provider: 'superoffice',
							text: 'Do you ship to Norway?',
							chatSessionId: 4242,
						}),
						[200],
					);
					await waitFor(
						() => sent(sandbox, 'superoffice').some((m) => m.path.includes('/4242/')),
						20000,
						'the SuperOffice auto-reply',
					);
					const reply = sent(sandbox, 'superoffice').find((m) => m.path.includes('/4242/'));
					assert.equal(
						reply.body.Message,
						'Thanks for your message ("Do you ship to Norway?"). An agent will be with you shortly.',
					);
				},
			);

			await check(
				'an iSlash delivery with the secret starts the workflow with one normalised message item',
				async () => {
					assert.deepEqual(
						await sandbox.deliver({
							provider: 'islash',
							url: iSlashWebhookUrl(base),
							text: 'Hi on WhatsApp',
						}),
						[200],
					);
					await waitFor(
						() => sandbox.state.echoes.some((e) => e.provider === 'islash'),
						20000,
						'the iSlash trigger execution',
					);
					const echo = sandbox.state.echoes.find((e) => e.provider === 'islash');
					assert.equal(echo.item.text, 'Hi on WhatsApp');
					assert.equal(echo.item.channel, 'whatsapp');
				},
			);

			await check(
				"the EvoVoice poller (every minute, n8n's shortest interval) starts the workflow with a new incoming message, once",
				async () => {
					// A scheduled outgoing text dated in the year 2999 must not move the cursor past the next message.
					await sandbox.deliver({
						provider: 'evovoice',
						text: 'Scheduled for 2999',
						date: '2999-01-01T00:00:00.000Z',
						direction: 'Outgoing',
					});
					// The first poll only sets the cursor to "now"; a message is offered every 15 s until a poll emits one.
					const started = Date.now();
					while (!sandbox.state.echoes.some((e) => e.provider === 'evovoice')) {
						if (Date.now() - started > 180000)
							throw new Error('no poll emitted a message within 180 s');
						await sandbox.deliver({ provider: 'evovoice', text: `Incoming SMS ${Date.now()}` });
						await waitFor(
							() => sandbox.state.echoes.some((e) => e.provider === 'evovoice'),
							15000,
							'a poll',
						).catch(() => undefined);
					}
					// A late arrival: stored by the provider only now, dated just before the newest message already polled.
					const polled = sandbox.state.echoes.filter((e) => e.provider === 'evovoice');
					const newest = Math.max(...polled.map((e) => Date.parse(e.item.date)));
					await sandbox.deliver({
						provider: 'evovoice',
						text: 'Stored late by the provider',
						date: new Date(newest - 1).toISOString(),
					});
					// one more poll: it finds the late arrival, and nothing may come twice
					await waitFor(
						() =>
							sandbox.state.echoes.some(
								(e) => e.provider === 'evovoice' && e.item.text === 'Stored late by the provider',
							),
						75000,
						'the poll that finds the late arrival',
					);
					await sleep(3000);
					const echoes = sandbox.state.echoes.filter((e) => e.provider === 'evovoice');
					const ids = echoes.map((e) => e.item.id);
					assert.equal(new Set(ids).size, ids.length, `a message was emitted twice: ${ids}`);
					assert.ok(echoes.every((e) => e.item.direction === 'Incoming'));
				},
			);

			await check(
				'deliveries without the right secret are refused with 401 and start nothing',
				async () => {
					const webhookEchoes = () =>
						sandbox.state.echoes.filter((e) => e.provider !== 'evovoice').length; // the poller runs on
					const echoes = webhookEchoes();
					assert.deepEqual(
						await sandbox.deliver({
							provider: 'islash',
							url: iSlashWebhookUrl(base, 'wrong-secret'),
						}),
						[401],
					);
					const hook = sandbox.state.webhooks[0];
					const forged = await fetch(hook.TargetUrl, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'x-superoffice-signature': 'forged' },
						body: JSON.stringify({ Event: 'chatsession.message', PrimaryKey: 4242 }),
					});
					assert.equal(forged.status, 401);
					// SuperOffice: the last signed delivery replayed with a changed (unsigned) header, or signed
					// with a Timestamp from 2020, is refused; nothing answers in the chat
					const replies = sent(sandbox, 'superoffice').length;
					for (const headers of [
						{ 'x-superoffice-eventid': crypto.randomUUID() },
						{ 'x-superoffice-event': 'chatsession.changed' },
					])
						assert.deepEqual(
							await sandbox.deliver({ provider: 'superoffice', again: true, headers }),
							[400],
						);
					assert.deepEqual(
						await sandbox.deliver({
							provider: 'superoffice',
							again: true,
							timestamp: '2020-01-01T00:00:00.000Z',
						}),
						[400],
					);
					await sleep(1500);
					assert.equal(webhookEchoes(), echoes);
					assert.equal(sent(sandbox, 'superoffice').length, replies);
				},
			);

			// Exactly once, counted in n8n's own execution records: messages sent → executions → items.
			const counts = [];
			const executions = async () => await n8n.executionCounts();
			const echoesOf = (provider) => sandbox.state.echoes.filter((e) => e.provider === provider);
			const repliesIn = (session) =>
				sent(sandbox, 'superoffice').filter((m) => m.path.includes(`/${session}/`));
			const settle = () => sleep(3000); // what a late or repeated execution would need to show up
			let before = {};

			// Waiting for a reply: before the counts below, whose deliveries are then the last ones the restart
			// repeats. Each counts its own executions and the NetSapiens Trigger's, which its events reach too.
			await replyChecks({ sandbox, n8n, base, check, counts, owner: E2E_OWNER });
			await twoWorkflowChecks({ sandbox, n8n, base, check, counts, owner: E2E_OWNER });

			await check(
				'NetSapiens: a burst of 3 messages at once and a repeated delivery start exactly 3 executions',
				async () => {
					before = await executions();
					const echoed = echoesOf('netsapiens').length;
					const statuses = (
						await Promise.all(
							['Burst 1', 'Burst 2', 'Burst 3'].map((text) =>
								sandbox.deliver({ provider: 'netsapiens', text }),
							),
						)
					).flat();
					assert.deepEqual(statuses, [200, 200, 200]);
					assert.deepEqual(await sandbox.deliver({ provider: 'netsapiens', again: true }), [200]);
					await waitFor(
						() => echoesOf('netsapiens').length >= echoed + 3,
						20000,
						'three NetSapiens executions',
					);
					await settle();
					const ran = (await executions())['e2e-netsapiens'] - before['e2e-netsapiens'];
					const items = echoesOf('netsapiens')
						.slice(echoed)
						.map((e) => e.item.text)
						.sort();
					assert.deepEqual(items, ['Burst 1', 'Burst 2', 'Burst 3']);
					assert.equal(ran, 3);
					counts.push(['NetSapiens', '3 messages, 4 deliveries (1 repeated)', ran, items.length]);
				},
			);

			await check(
				'iSlash: a message delivered three times starts exactly 1 execution',
				async () => {
					before = await executions();
					const echoed = echoesOf('islash').length;
					assert.deepEqual(
						await sandbox.deliver({
							provider: 'islash',
							url: iSlashWebhookUrl(base),
							text: 'Only once, please',
						}),
						[200],
					);
					assert.deepEqual(
						(
							await Promise.all(
								[1, 2].map(() => sandbox.deliver({ provider: 'islash', again: true })),
							)
						).flat(),
						[200, 200],
					);
					await waitFor(() => echoesOf('islash').length > echoed, 20000, 'the iSlash execution');
					await settle();
					const ran = (await executions())['e2e-islash'] - before['e2e-islash'];
					assert.deepEqual(
						echoesOf('islash')
							.slice(echoed)
							.map((e) => e.item.text),
						['Only once, please'],
					);
					assert.equal(ran, 1);
					counts.push(['iSlash', '1 message, 3 deliveries (2 repeated)', ran, 1]);
				},
			);

			const session = 5151;
			await check(
				'SuperOffice: two customer messages back to back, with the bot’s replies firing events too, each get exactly one reply',
				async () => {
					before = await executions();
					const texts = ['Is my order shipped?', 'It is order 1001'];
					assert.deepEqual(
						await sandbox.deliver({ provider: 'superoffice', texts, chatSessionId: session }),
						[200, 200],
					);
					await waitFor(() => repliesIn(session).length >= 2, 20000, 'two auto-replies');
					await settle();
					const replies = repliesIn(session);
					assert.equal(replies.length, 2, replies.map((m) => m.body.Message).join(' | '));
					for (const text of texts)
						assert.equal(repliesQuoting(replies, text), 1, `replies quoting "${text}"`);
					const ran =
						(await executions())['example-superoffice'] - (before['example-superoffice'] ?? 0);
					// the first event finds both messages (one execution, two items); the second and the bot's two replies find nothing new for it
					assert.equal(ran, 1);
					counts.push([
						'SuperOffice',
						'2 messages, 4 events (2 of them the bot’s replies)',
						ran,
						replies.length,
					]);
				},
			);

			// Send and Wait and the Human review tools need a waiting execution, so the running n8n. They run
			// after the counts above (a SuperOffice send fires chat events at its trigger), and the 1-minute
			// wait starts now, so that it ends during the restart's poll minute below instead of adding one.
			// The 1-minute Reply's subscription gets NetSapiens' events too: it starts after the counts' deliveries
			// and ends while the checks below run (or in the restart's poll minute).
			const limitedReplyWaitEnded = await startLimitedReplyWait({ sandbox, n8n, base, check });
			await sendAndWaitChecks({ sandbox, n8n, base, check, counts });
			await humanReviewChecks({
				sandbox,
				n8n,
				base,
				check,
				counts,
				workflowId: SEND_AND_WAIT_WORKFLOW_ID,
			});
			const limitedWaitEnded = await startLimitedWait({ sandbox, n8n, base, check });

			await check(
				'after an n8n restart: repeated deliveries start nothing, new messages start one execution each (SuperOffice, EvoVoice)',
				async () => {
					await editor.stop(45000); // past n8n's own 30 s shutdown timeout: the restart must be a graceful one
					// arrives while n8n is down: the poller must catch it up after the restart, once
					await sandbox.deliver({ provider: 'evovoice', text: 'Sent while n8n was down' });
					startEditor();
					const hook = sandbox.state.webhooks[0];
					const started = Date.now();
					for (;;) {
						const probe = await fetch(hook.TargetUrl, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: '{}',
						}).catch(() => undefined);
						if (probe?.status === 401) break;
						if (Date.now() - started > 120000)
							throw new Error('n8n did not come back within 120 s');
						await sleep(500);
					}
					before = await executions();
					const echoedEvo = echoesOf('evovoice').length;
					// Activation stored the webhook secrets; after the restart they are the ones the providers hold,
					// and n8n kept the registrations (checkExists) instead of adding a second one.
					const superOfficeState = Object.values(
						(await n8n.staticData('example-superoffice')) ?? {},
					).find((node) => node?.webhookId);
					assert.equal(sandbox.state.webhooks.length, 1);
					assert.equal(superOfficeState?.secret, sandbox.state.webhooks[0].Secret);
					// the trigger's subscription (the 1-minute Reply's stays until its expiry)
					assert.equal(triggerSubscriptions(sandbox).length, 1);
					const saved = await n8n.staticData('e2e-netsapiens');
					assert.equal(
						new URL(triggerSubscriptions(sandbox)[0]['post-url']).searchParams.get('secret'),
						saved?.['node:NetSapiens Trigger']?.secret,
					);
					process.stdout.write(
						`    NetSapiens trigger's saved memory after the restart: ${saved?.['node:NetSapiens Trigger']?.delivered?.seen?.length ?? 0} event keys\n`,
					);

					assert.deepEqual(await sandbox.deliver({ provider: 'superoffice', again: true }), [200]);
					assert.deepEqual(await sandbox.deliver({ provider: 'netsapiens', again: true }), [200]);
					assert.deepEqual(await sandbox.deliver({ provider: 'islash', again: true }), [200]);
					assert.deepEqual(
						await sandbox.deliver({
							provider: 'superoffice',
							text: 'Thanks, and after the restart?',
							chatSessionId: session,
						}),
						[200],
					);
					await waitFor(() => repliesIn(session).length >= 3, 20000, 'the third auto-reply');
					await waitFor(
						() => echoesOf('evovoice').length > echoedEvo,
						75000,
						'the poll after the restart',
					);
					// one more poll: nothing may come twice
					await sleep(62000);

					const now = await executions();
					const ran = (id) => now[id] - (before[id] ?? 0);
					assert.equal(ran('e2e-netsapiens'), 0);
					assert.equal(ran('e2e-islash'), 0);
					assert.equal(ran('example-superoffice'), 1);
					const replies = repliesIn(session);
					assert.equal(replies.length, 3);
					assert.equal(repliesQuoting(replies, 'Thanks, and after the restart?'), 1);
					const evo = echoesOf('evovoice').slice(echoedEvo);
					assert.deepEqual(
						evo.map((e) => e.item.text),
						['Sent while n8n was down'],
					);
					assert.equal(ran('e2e-evovoice'), 1);
					counts.push([
						'after the restart: SuperOffice',
						'1 message + 1 repeated event',
						ran('example-superoffice'),
						1,
					]);
					counts.push([
						'after the restart: EvoVoice',
						'1 message sent while n8n was down',
						ran('e2e-evovoice'),
						evo.length,
					]);
					counts.push([
						'after the restart: NetSapiens, iSlash',
						'1 repeated delivery each',
						ran('e2e-netsapiens') + ran('e2e-islash'),
						0,
					]);
				},
			);

			await limitedWaitEnded(counts);
			await limitedReplyWaitEnded(counts);

			if (counts.length > 0) {
				process.stdout.write("\n  exactly once, in n8n's execution records:\n");
				for (const [trigger, what, ran, items] of counts)
					process.stdout.write(`    ${trigger}: ${what} → ${ran} execution(s), ${items} item(s)\n`);
			}
		} finally {
			await editor?.stop();
			if (results.some((r) => !r.ok))
				process.stdout.write(
					`\n--- n8n start log (last 3000 characters) ---\n${editors
						.map((e) => e.log())
						.join('')
						.slice(-3000)}\n`,
				);
		}
	} finally {
		await sandbox.close();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
	process.stdout.write('\n  each per-provider package alone in n8n:\n');
	const packages = await packageChecks(check, provideN8n());
	for (const line of packages) process.stdout.write(`    ${line}\n`);
	for (const version of N8N_VERSIONS.slice(1)) {
		process.stdout.write(`\n  n8n ${version}: the examples and the AI Agent tools:\n`);
		const older = await prepareN8nWithSandbox({ version });
		try {
			const label = `n8n ${version}: `;
			const { runs, sentBy } = await exampleChecks({ ...older, label });
			// n8n 1.x fails the run on a tool's error; 2.x hands it to the model (README › AI agents)
			const toolErrorsEndTheRun = version.startsWith('1.');
			await agentChecks({ ...older, check, runs, sentBy, label, toolErrorsEndTheRun });
			// Send and Wait needs a running n8n: one short start of this version (1.x checks the link's
			// signature only after setSignatureValidationRequired, which the node calls)
			const counts = [];
			const ms = await sendAndWaitInShortStart({ ...older, check, label, counts });
			for (const [what, how, ran, items] of counts)
				process.stdout.write(`    ${what}: ${how} → ${ran} execution(s), ${items} item(s)\n`);
			process.stdout.write(
				`    ${label}the short n8n start for Send and Wait took ${Math.round(ms / 1000)} s\n`,
			);
		} finally {
			await older.sandbox.close();
			fs.rmSync(older.n8n.userFolder, { recursive: true, force: true });
		}
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
