// Waiting for the customer's reply inside the running n8n of `npm run test:e2e` (e2e/e2e.js), no n8n
// start-up of its own:
// - NetSapiens Send and Wait, Response Type Reply: the scenarios `reply` and `limitedReply`, in a workflow
//   built as the Send and Wait one (e2e/e2e-send-and-wait.js) and published through n8n's REST API
//   (no CLI start). The sandbox posts message events to the wait's
//   subscription as NetSapiens does, to every subscription for the user: the e2e NetSapiens Trigger gets
//   them too, so its executions are counted beside the wait's.
// - The two-workflow pattern for iSlash (examples/wait-for-reply/): workflow A stores its resume URL in a
//   Data table, sends and waits in n8n's Wait node; workflow B, the iSlash Trigger, takes the row and resumes
//   A with the reply.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { REPO, sleep, waitFor } = require('../scripts/n8n-runtime');
const {
	REPLY_WORKFLOW_ID,
	REPLY_QUESTIONS,
	echoesOf,
	executionRecord,
	replyWaitWorkflow,
	startWebhook,
} = require('./e2e-send-and-wait');
const { echo } = require('./trigger-workflows');
const FIXTURES = require('../sandbox/fixtures');

const TRIGGER = 'e2e-netsapiens'; // the NetSapiens Trigger workflow (e2e/trigger-workflows.js)
const settle = () => sleep(3000); // what a late or repeated execution would need to show up

/** `YYYY-MM-DD HH:MM:SS` (UTC) as milliseconds. */
const nsTime = (text) => Date.parse(`${String(text).replace(' ', 'T')}Z`);

/** The subscriptions of the e2e NetSapiens Trigger (its production webhook), not of a wait. */
const triggerSubscriptions = (sandbox) =>
	sandbox.state.subscriptions.filter((s) => /\/webhook\//.test(s['post-url']));

/**
 * Starts a Reply scenario through its Webhook trigger and returns, once NetSapiens has the question and the
 * execution waits: the message, the wait's subscription and the execution ID its post-url names.
 */
async function startReplyWait({ sandbox, n8n, base }, key) {
	const question = REPLY_QUESTIONS[key];
	const before = sandbox.state.messages.length;
	const started = Date.now();
	await startWebhook(`${base}/webhook/send-and-wait-${key}`, { scenario: key });
	const mine = () =>
		sandbox.state.messages
			.slice(before)
			.filter((m) => m.provider === 'netsapiens' && m.text.startsWith(question));
	await waitFor(() => mine().length > 0, 30000, `the ${key} question`);
	const [message] = mine();
	assert.equal(message.text, question, 'the question goes out as written, without a link');
	const postUrl = new RegExp(
		`^${base}/webhook-waiting/(\\d+)/ask-${key}\\?signature=[0-9a-f]{64}$`,
	);
	const subscriptions = sandbox.state.subscriptions.filter((s) => postUrl.test(s['post-url']));
	assert.equal(subscriptions.length, 1, 'one subscription posting to the signed resume URL');
	const [subscription] = subscriptions;
	assert.equal(subscription.model, 'message');
	assert.equal(subscription.domain, 'sandbox', 'the concrete domain, not ~ or *');
	assert.equal(subscription.user, '1000', 'the concrete user, not ~ or *');
	const executionId = postUrl.exec(subscription['post-url'])[1];
	await waitFor(
		async () => (await executionRecord(n8n, executionId))?.status === 'waiting',
		20000,
		`execution ${executionId} to wait`,
	);
	return { message, subscription, executionId, started };
}

/** Asserts a subscription's expiry is `afterMs` after the wait started (within the run's own minutes). */
function assertExpiry(subscription, started, afterMs) {
	const expires = nsTime(subscription['subscription-expires-datetime']);
	const expected = started + afterMs;
	assert.ok(
		Math.abs(expires - expected) < 3 * 60_000,
		`expires ${subscription['subscription-expires-datetime']}, expected about ${new Date(expected).toISOString()}`,
	);
}

/**
 * NetSapiens Reply: another customer's message in another session and the node's own outgoing message keep
 * the execution waiting; the customer's reply in the awaited session resumes it with the documented data, and
 * the wait's subscription is gone. Exact counts in n8n's records, for the wait and for the trigger.
 */
async function replyChecks({ sandbox, n8n, base, check, counts, owner }) {
	await check(
		'Send and Wait (NetSapiens, reply): subscribed before the send; another session’s message and the node’s own outgoing message keep it waiting; the reply in the session resumes it with {text, from, messageId, sessionId, receivedAt}; the subscription is gone',
		async () => {
			await publish(base, owner, [REPLY_WORKFLOW_ID]);
			const before = await n8n.executionCounts();
			const echoed = sandbox.state.echoes.filter((e) => e.provider === 'netsapiens').length;
			const { message, subscription, executionId, started } = await startReplyWait(
				{ sandbox, n8n, base },
				'reply',
			);
			assertExpiry(subscription, started, 25 * 3600_000); // the default 24-hour limit + 1 hour
			const waiting = async () => {
				await sleep(1500);
				assert.equal((await executionRecord(n8n, executionId)).status, 'waiting');
				assert.equal(echoesOf(sandbox, 'reply').length, 0);
			};
			// NetSapiens posts to every subscription for the user: the trigger's, then the wait's
			const bothAnswered = [200, 200];

			const otherSession = 'another_customer_session_0123456789';
			assert.deepEqual(
				await sandbox.deliver({
					provider: 'netsapiens',
					text: 'YES (from another customer)',
					session: otherSession,
					from: '18585559999',
				}),
				bothAnswered,
			);
			await waiting();
			assert.deepEqual(
				await sandbox.deliver({ provider: 'netsapiens', outgoing: true }),
				bothAnswered,
			);
			const [own] = sandbox.state.lastDelivery.netsapiens.body;
			assert.equal(own.direction, 'term');
			assert.equal(own['messagesession-id'], message.session);
			assert.equal(own.text, message.text);
			await waiting();

			assert.deepEqual(
				await sandbox.deliver({ provider: 'netsapiens', text: 'YES', session: message.session }),
				bothAnswered,
			);
			const [reply] = sandbox.state.lastDelivery.netsapiens.body;
			await waitFor(() => echoesOf(sandbox, 'reply').length > 0, 20000, 'the resumed execution');
			await waitFor(
				async () => (await executionRecord(n8n, executionId)).status === 'success',
				20000,
				`execution ${executionId} to finish`,
			);
			const [{ item }] = echoesOf(sandbox, 'reply');
			assert.deepEqual(item, {
				'messagesession-id': message.session,
				type: 'sms',
				destination: '18585551234',
				'from-number': '18585550001',
				data: {
					text: 'YES',
					from: '18585551234',
					messageId: reply.id,
					sessionId: message.session,
					receivedAt: reply.timestamp,
				},
			});
			assert.equal(
				sandbox.state.subscriptions.some((s) => s.id === subscription.id),
				false,
				'the wait’s subscription was deleted',
			);
			assert.equal(triggerSubscriptions(sandbox).length, 1, 'the trigger’s subscription stays');

			await settle();
			const now = await n8n.executionCounts();
			const ran = (id) => (now[id] ?? 0) - (before[id] ?? 0);
			assert.equal(ran(REPLY_WORKFLOW_ID), 1);
			assert.equal(echoesOf(sandbox, 'reply').length, 1);
			// the trigger starts one execution per inbound message: the other customer's and the reply
			assert.equal(ran(TRIGGER), 2);
			assert.deepEqual(
				sandbox.state.echoes
					.filter((e) => e.provider === 'netsapiens')
					.slice(echoed)
					.map((e) => e.item.text)
					.sort(),
				['YES', 'YES (from another customer)'],
			);
			counts.push([
				'Send and Wait, NetSapiens reply',
				'1 start; another session, own message, reply (each to the wait and the trigger)',
				ran(REPLY_WORKFLOW_ID),
				echoesOf(sandbox, 'reply').length,
			]);
			counts.push([
				'  beside it, the NetSapiens Trigger',
				'the same 3 events (2 inbound)',
				ran(TRIGGER),
				2,
			]);
		},
	);
}

/**
 * Starts the Reply nobody answers (Limit Wait Time 1 minute) and returns the check to run after n8n's
 * WaitTracker has had its minute: it ends while the checks started after it run, or in the restart's poll
 * minute. Its subscription gets every NetSapiens event for the user until it expires.
 */
async function startLimitedReplyWait({ sandbox, n8n, base, check }) {
	let started;
	const before = (await n8n.executionCounts())[REPLY_WORKFLOW_ID] ?? 0;
	await check(
		'Send and Wait (NetSapiens, reply) with Limit Wait Time 1 minute: subscribed until 1 hour after the limit, the question goes out and the execution waits',
		async () => {
			started = await startReplyWait({ sandbox, n8n, base }, 'limitedReply');
			assertExpiry(started.subscription, started.started, 61 * 60_000);
		},
	);
	return async function limitedReplyWaitEnded(counts) {
		await check(
			'Send and Wait (NetSapiens, reply) with Limit Wait Time 1 minute: with no reply, the execution resumes after the limit with its input, without data; the subscription lapses at its expiry',
			async () => {
				assert.ok(started, 'the wait was started');
				await waitFor(
					() => echoesOf(sandbox, 'limitedReply').length > 0,
					Math.max(0, started.started + 130000 - Date.now()),
					'the end of the 1-minute reply wait',
				);
				const record = await executionRecord(n8n, started.executionId);
				assert.equal(record.status, 'success');
				const echoes = echoesOf(sandbox, 'limitedReply');
				assert.equal(echoes.length, 1);
				const [{ item }] = echoes;
				assert.equal('data' in item, false);
				assert.deepEqual(item.body, { scenario: 'limitedReply' }); // the Webhook trigger's item, unchanged
				const ran = ((await n8n.executionCounts())[REPLY_WORKFLOW_ID] ?? 0) - before;
				assert.equal(ran, 1);
				const kept = sandbox.state.subscriptions.find((s) => s.id === started.subscription.id);
				assert.equal(
					kept?.['subscription-expires-datetime'],
					started.subscription['subscription-expires-datetime'],
				);
				counts.push([
					'Send and Wait, NetSapiens reply, 1-minute limit',
					'1 start, no reply',
					ran,
					echoes.length,
				]);
			},
		);
	};
}

const EXAMPLES = path.join(REPO, 'examples', 'wait-for-reply');
const ASK = { file: 'islash-ask-and-wait.json', id: 'example-ask-and-wait' };
const RESUME = { file: 'islash-resume-on-reply.json', id: 'example-resume-reply' };
const TABLE = 'reply_waits';
const ECHO = 'two-workflow';

/**
 * The two example workflows as shipped, with e2e IDs (at most 21 characters, or n8n never saves a trigger's
 * static data) and, after A's last node, an HTTP Request that posts what came out to the sandbox.
 */
function twoWorkflowExamples(sandboxUrl) {
	const read = ({ file, id }) => ({
		...JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')),
		id,
		active: false,
	});
	const ask = read(ASK);
	const last = 'The reply';
	assert.ok(ask.nodes.some((node) => node.name === last));
	ask.nodes.push({ ...echo(sandboxUrl, ECHO), position: [1100, 0] });
	ask.connections[last] = { main: [[{ node: 'Echo to sandbox', type: 'main', index: 0 }]] };
	return [ask, read(RESUME)];
}

/** The owner's session cookie for n8n's REST API. */
async function login(base, owner) {
	const answer = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'e2e-browser' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	assert.equal(answer.status, 200, await answer.text());
	return (answer.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A JSON call to n8n's REST API as the owner; returns its `data`. */
async function rest(base, cookie, method, route, body) {
	const answer = await fetch(`${base}/rest${route}`, {
		method,
		headers: { 'content-type': 'application/json', 'browser-id': 'e2e-browser', cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await answer.text();
	assert.ok(answer.ok, `${method} ${route}: ${answer.status} ${text.slice(0, 300)}`);
	return JSON.parse(text).data;
}

/** Publishes workflows through n8n's REST API as the owner (no `n8n publish:workflow` CLI start). */
async function publish(base, owner, ids) {
	const cookie = await login(base, owner);
	for (const id of ids) {
		const workflow = await rest(base, cookie, 'GET', `/workflows/${id}`);
		await rest(base, cookie, 'POST', `/workflows/${id}/activate`, {
			versionId: workflow.versionId,
		});
	}
	return cookie;
}

/** The executions of a workflow, newest last. */
const executionsOf = (n8n, workflowId) =>
	n8n.query(
		`SELECT id, status FROM execution_entity WHERE workflowId = '${workflowId}' ORDER BY id`,
	);

/**
 * The two-workflow pattern end to end: the Data table made through n8n's REST API as a user makes it in the
 * UI, A and B published through it; A asks and waits; a message from someone else runs B and resumes
 * nothing; the customer's reply runs B, which resumes A with the text. Exact counts in n8n's records.
 */
async function twoWorkflowChecks({ sandbox, n8n, base, check, counts, owner }) {
	await check(
		'two workflows (iSlash): A stores its resume URL in a Data table, sends and waits; B (iSlash Trigger) resumes A with the customer’s reply, and a message from someone else resumes nothing',
		async () => {
			const cookie = await publish(base, owner, [ASK.id, RESUME.id]);
			const project = await rest(base, cookie, 'GET', '/projects/personal');
			await rest(base, cookie, 'POST', `/projects/${project.id}/data-tables`, {
				name: TABLE,
				columns: [
					{ name: 'conversation', type: 'string' },
					{ name: 'resumeUrl', type: 'string' },
				],
			});

			const customer = '85256872847';
			const question = 'Shall we deliver on Friday? Reply YES or tell us another day.';
			const sentBefore = sandbox.state.messages.length;
			await startWebhook(`${base}/webhook/ask-customer`, { identity: customer, question });
			const asked = () =>
				sandbox.state.messages
					.slice(sentBefore)
					.filter((m) => m.provider === 'islash' && m.text === question);
			await waitFor(() => asked().length > 0, 30000, 'the question at iSlash');
			assert.equal(asked()[0].fields.identity, customer);
			await waitFor(
				async () => (await executionsOf(n8n, ASK.id)).at(-1)?.status === 'waiting',
				20000,
				'workflow A to wait',
			);
			const [waitingA] = await executionsOf(n8n, ASK.id);
			// where the iSlash account's webhook URL points: B's production URL with the credential's secret
			const trigger = twoWorkflowExamples('')[1].nodes.find((node) => node.webhookId);
			const bUrl = `${base}/webhook/${trigger.webhookId}/webhook?secret=${FIXTURES.islash.webhookSecret}`;

			// someone without a waiting question writes: B runs, finds no row, resumes nothing
			assert.deepEqual(
				await sandbox.deliver({
					provider: 'islash',
					url: bUrl,
					text: 'Hello?',
					from: '85290000000',
				}),
				[200],
			);
			await waitFor(
				async () => (await executionsOf(n8n, RESUME.id)).length === 1,
				20000,
				'workflow B for the other customer',
			);
			await settle();
			assert.equal((await executionRecord(n8n, waitingA.id)).status, 'waiting');

			assert.deepEqual(
				await sandbox.deliver({ provider: 'islash', url: bUrl, text: 'YES, Friday is fine' }),
				[200],
			);
			await waitFor(
				() => sandbox.state.echoes.some((e) => e.provider === ECHO),
				20000,
				'workflow A to resume',
			);
			await waitFor(
				async () => (await executionRecord(n8n, waitingA.id)).status === 'success',
				20000,
				'workflow A to finish',
			);
			const [{ item }] = sandbox.state.echoes.filter((e) => e.provider === ECHO);
			assert.deepEqual(item, { reply: 'YES, Friday is fine', from: customer });

			await settle();
			const a = await executionsOf(n8n, ASK.id);
			const b = await executionsOf(n8n, RESUME.id);
			assert.deepEqual(
				a.map((e) => e.status),
				['success'],
			);
			assert.deepEqual(
				b.map((e) => e.status),
				['success', 'success'],
			);
			assert.equal(sandbox.state.echoes.filter((e) => e.provider === ECHO).length, 1);
			assert.equal(asked().length, 1);
			counts.push(['two workflows, iSlash: A (ask and wait)', '1 start, 1 question', a.length, 1]);
			counts.push([
				'two workflows, iSlash: B (trigger)',
				'2 messages: someone else’s, the reply',
				b.length,
				2,
			]);
		},
	);
}

/** What this file's checks run, for the e2e's one import: the Reply workflow and the two examples. */
const replyWorkflows = (sandboxUrl) => [
	replyWaitWorkflow(sandboxUrl),
	...twoWorkflowExamples(sandboxUrl),
];

module.exports = {
	replyChecks,
	startLimitedReplyWait,
	replyWorkflows,
	twoWorkflowChecks,
	triggerSubscriptions,
};
