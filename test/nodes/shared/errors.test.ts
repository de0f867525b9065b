import nock from 'nock';
import { guardNetwork } from '../../harness/nockGuard';
import { EvoVoiceMessagingApi } from '../../../credentials/EvoVoiceMessagingApi.credentials';
import { runNode } from '../../harness/engine';
import { loadInNewProcess } from '../../harness/trigger';
import { BASE, credentials, PASSWORD, runEvoVoice } from '../EvoVoice/fixtures';

/** Shared error mapping (nodes/shared/errors.ts), exercised through a real provider node. */
guardNetwork();

const sendToSession = {
	resource: 'message',
	operation: 'send',
	sendTo: 'session',
	sessionId: 's1',
	body: 'Hello',
};

async function sendWithAnswer(reply: (scope: nock.Interceptor) => nock.Scope, requestOptions = {}) {
	reply(nock(BASE).post('/sessions/s1/messages'));
	return await runEvoVoice({ parameters: { ...sendToSession, requestOptions } });
}

function expectNoSecret(value: unknown) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(PASSWORD);
	expect(text).not.toContain(Buffer.from(`agent@example.com:${PASSWORD}`).toString('base64'));
}

describe('provider errors → NodeApiError', () => {
	it('keeps the provider message, field errors and the HTTP status', async () => {
		const result = await sendWithAnswer((i) =>
			i.reply(400, {
				responseStatus: {
					errorCode: 'ValidationException',
					message: 'Body is required',
					errors: [
						{ errorCode: 'NotEmpty', fieldName: 'Body', message: "'Body' must not be empty." },
					],
				},
			}),
		);
		expect(result.error).toMatchObject({
			message: 'Body is required',
			description: "Body: 'Body' must not be empty.",
			httpCode: '400',
		});
		expectNoSecret(result.run);
	});

	it('states plainly what happened for an HTML error page', async () => {
		const result = await sendWithAnswer((i) =>
			i.reply(502, '<html><body>Bad Gateway</body></html>'),
		);
		expect(result.error).toMatchObject({
			message: 'EvoVoice answered HTTP 502',
			description: 'The answer was an HTML page, not the API’s JSON.',
			httpCode: '502',
		});
	});

	it('states plainly what happened for an empty body', async () => {
		const result = await sendWithAnswer((i) => i.reply(503, ''));
		expect(result.error).toMatchObject({
			message: 'EvoVoice answered HTTP 503 with an empty body',
			httpCode: '503',
		});
	});

	it('reports a reset connection without the request configuration (which carries the credential)', async () => {
		const result = await sendWithAnswer((i) =>
			i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
		);
		expect(result.error?.message).toBe(
			'No answer from EvoVoice: the connection was reset before an answer arrived',
		);
		expectNoSecret(result.run);
	});

	it('reports a timeout (n8n Request Options › Timeout)', async () => {
		const result = await sendWithAnswer((i) => i.delay(500).reply(200, {}), { timeout: 50 });
		expect(result.error?.message).toBe('No answer from EvoVoice: the request timed out');
		expectNoSecret(result.run);
	});
});

describe('the HTTP code reaches the workflow when the package has its own copy of n8n-workflow', () => {
	it('a provider error wrapped again by n8n’s declarative engine keeps its httpCode (not "none")', async () => {
		// Loaded in isolation, the node's NodeApiError is another class than the engine's, as in a
		// community package installed with its own n8n-workflow: the engine then wraps the error again.
		const nodeType = loadInNewProcess('nodes/EvoVoice/EvoVoice.node', 'EvoVoice');
		nock(BASE)
			.post('/sessions/s1/messages')
			.reply(404, { responseStatus: { errorCode: 'NotFound', message: 'Session s1 not found' } });

		const result = await runNode({
			nodeType,
			credentialTypes: [new EvoVoiceMessagingApi()],
			credentials,
			parameters: sendToSession,
		});

		expect(result.error).toMatchObject({ message: 'Session s1 not found', httpCode: '404' });
		expectNoSecret(result.error);
		expect(JSON.stringify(result.error)).not.toContain('isAxiosError');
	});
});

describe('transport failures say what went wrong', () => {
	it('a TLS handshake with a plain-http server (EPROTO) says to give the address with http://', async () => {
		const result = await sendWithAnswer((i) =>
			i.replyWithError(
				Object.assign(
					new Error(
						'write EPROTO 00D8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
					),
					{ code: 'EPROTO' },
				),
			),
		);
		expect(result.error?.message).toBe(
			'No answer from EvoVoice: the server did not answer over HTTPS; if it serves plain http, give its address with http://',
		);
	});
});
