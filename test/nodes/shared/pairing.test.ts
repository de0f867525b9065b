import nock from 'nock';
import { guardNetwork } from '../../harness/nockGuard';
import { BASE, runEvoVoice } from '../EvoVoice/fixtures';

/** Continue On Fail and pairing (nodes/shared/pairing.ts) through a real provider node and n8n's engine. */
const network = guardNetwork();

const sendEach = {
	resource: 'message',
	operation: 'send',
	sendTo: 'session',
	body: 'Hello',
	sessionId: '={{ $json.sessionId }}',
};
// item 1 has no session id (refused before sending), item 3 is refused by the provider
const input = ['a', '', 'c', 'd', 'e'].map((sessionId, i) => ({ json: { sessionId, row: i } }));

function provider() {
	nock(BASE)
		.post(/\/sessions\/\w\/messages/)
		.times(4)
		.reply((uri) =>
			uri.includes('/d/')
				? [404, { responseStatus: { message: 'Session d not found' } }]
				: [200, { id: uri.split('/')[2] }],
		);
}

describe('Continue On Fail', () => {
	it('regular output: every item comes out paired with its input, errors as error items', async () => {
		provider();
		const result = await runEvoVoice({
			parameters: sendEach,
			items: input,
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => [item.pairedItem, item.json])).toEqual([
			[{ item: 0 }, { id: 'a' }],
			[{ item: 1 }, { error: 'Session ID: is required but empty' }],
			[{ item: 2 }, { id: 'c' }],
			[
				{ item: 3 },
				{
					error: 'Session d not found',
					details: { description: 'HTTP 404 from EvoVoice', httpCode: '404' },
				},
			],
			[{ item: 4 }, { id: 'e' }],
		]);
		expect(network.unexpected).toEqual([]);
	});

	it('error output: failed items go to the error output, joined with their input json', async () => {
		provider();
		const result = await runEvoVoice({
			parameters: sendEach,
			items: input,
			onError: 'continueErrorOutput',
		});
		expect(result.main.map((item) => item.json.id)).toEqual(['a', 'c', 'e']);
		expect(
			result.errorOutput.map((item) => [item.pairedItem, item.json.row, item.json.error]),
		).toEqual([
			[{ item: 1 }, 1, 'Session ID: is required but empty'],
			[{ item: 3 }, 3, 'Session d not found'],
		]);
	});

	it('without it, the run stops with the failing item named', async () => {
		provider();
		const result = await runEvoVoice({ parameters: sendEach, items: input });
		expect(result.error?.message).toBe('Session ID: is required but empty');
		expect(result.error?.context).toMatchObject({ itemIndex: 1 });
	});
});

describe('answers that are not objects', () => {
	it.each([
		['null', null, {}],
		['an empty body', '', {}],
		['text', 'OK', { data: 'OK' }],
		['a list', [1, 2], { data: [1, 2] }],
	])('%s becomes an object item (n8n requires json objects)', async (_name, body, json) => {
		nock(BASE)
			.post('/sessions/a/messages')
			.reply(
				200,
				body as nock.Body,
				typeof body === 'string' ? { 'content-type': 'text/plain' } : undefined,
			);
		const result = await runEvoVoice({
			parameters: sendEach,
			items: [{ json: { sessionId: 'a' } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json, pairedItem: { item: 0 } }]);
	});
});
