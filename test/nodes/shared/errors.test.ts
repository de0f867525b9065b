import nock from 'nock';
import { guardNetwork } from '../../harness/nockGuard';
import { BASE, PASSWORD, runEvoVoice } from '../EvoVoice/fixtures';

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
					errors: [{ errorCode: 'NotEmpty', fieldName: 'Body', message: "'Body' must not be empty." }],
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
		const result = await sendWithAnswer((i) => i.reply(502, '<html><body>Bad Gateway</body></html>'));
		expect(result.error).toMatchObject({
			message: 'EvoVoice answered HTTP 502',
			description: 'The answer was an HTML page, not the API’s JSON.',
			httpCode: '502',
		});
	});

	it('states plainly what happened for an empty body', async () => {
		const result = await sendWithAnswer((i) => i.reply(503, ''));
		expect(result.error).toMatchObject({ message: 'EvoVoice answered HTTP 503 with an empty body', httpCode: '503' });
	});

	it('reports a reset connection without the request configuration (which carries the credential)', async () => {
		const result = await sendWithAnswer((i) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
		expect(result.error?.message).toBe('No answer from EvoVoice: the connection was reset before an answer arrived');
		expectNoSecret(result.run);
	});

	it('reports a timeout (n8n Request Options › Timeout)', async () => {
		const result = await sendWithAnswer((i) => i.delay(500).reply(200, {}), { timeout: 50 });
		expect(result.error?.message).toBe('No answer from EvoVoice: the request timed out');
		expectNoSecret(result.run);
	});
});
