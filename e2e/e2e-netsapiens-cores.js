// NetSapiens against the other cores the sandbox stands in for (sandbox/server.js, NETSAPIENS_CORES), inside
// the e2e's running set-up: no n8n start-up of its own. The example workflow is executed by n8n's CLI while
// the sandbox behaves like a core 44.4.10, then like a core without the v2 POST /tokens (only the older
// /ns-api/oauth2/token/ issues tokens); the sandbox is switched back to core 45 after. The trigger's
// subscription calls on each core are proven in jest (test/sandbox/netsapiensCores.test.ts).
const assert = require('node:assert/strict');
const { FIXTURES } = require('../sandbox/server');

const EXAMPLE = 'example-netsapiens';

async function useCore(sandbox, core) {
	const answer = await fetch(`${sandbox.url}/_sandbox/netsapiens-core`, {
		method: 'POST',
		body: JSON.stringify({ core }),
	});
	assert.equal(answer.status, 200, await answer.text());
}

/**
 * Runs the example with every issued token revoked, so n8n must log in again on this core; returns what the
 * core received and the run.
 */
async function runExample(sandbox, n8n) {
	sandbox.state.tokens.clear();
	const before = sandbox.state.messages.length;
	const run = await n8n.execute(EXAMPLE);
	assert.equal(run.status, 'success', JSON.stringify(run.data?.resultData?.error?.message));
	const sent = sandbox.state.messages.slice(before).filter((m) => m.provider === 'netsapiens');
	assert.equal(sent.length, 2, 'the SMS and the reply');
	assert.match(sent[0].session, /^[A-Za-z0-9_]{32,}$/);
	assert.equal(sent[1].session, sent[0].session);
	assert.deepEqual(sent[0].body, {
		type: 'sms',
		message: 'Hello from n8n! Reply STOP to opt out.',
		destination: '18585551234',
		'from-number': '18585550001',
	});
	const shown = JSON.stringify(run);
	for (const secret of [FIXTURES.netsapiens.password, FIXTURES.netsapiens.clientSecret])
		assert.equal(shown.includes(secret), false, 'a secret in the run data');
	return sent;
}

async function netSapiensCoreChecks({ sandbox, n8n, check }) {
	try {
		await useCore(sandbox, '44.4.10');
		await check(
			'NetSapiens core 44.4.10: n8n executes the example; the SMS and the reply arrive in one session, after one v2 POST /tokens login',
			async () => {
				const tokens = sandbox.state.tokensIssued;
				const legacy = sandbox.state.legacyTokenRequests ?? 0;
				await runExample(sandbox, n8n);
				assert.equal(sandbox.state.tokensIssued, tokens + 1);
				assert.equal(sandbox.state.legacyTokenRequests ?? 0, legacy);
			},
		);

		await useCore(sandbox, 'legacy-token');
		await check(
			'NetSapiens core without v2 POST /tokens: the login falls back to /ns-api/oauth2/token/ once, secrets in the form body, none in a URL',
			async () => {
				const legacy = sandbox.state.legacyTokenRequests ?? 0;
				const urls = (sandbox.state.legacyTokenUrls ?? []).length;
				await runExample(sandbox, n8n);
				assert.equal(sandbox.state.legacyTokenRequests, legacy + 1);
				const asked = sandbox.state.legacyTokenUrls.slice(urls);
				assert.deepEqual(asked, ['/netsapiens/ns-api/oauth2/token/']);
			},
		);
	} finally {
		await useCore(sandbox, '45');
	}
}

module.exports = { netSapiensCoreChecks };
