import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

guardNetwork();

const conversations = Array.from({ length: 4 }, (_, i) => ({
	id: `v${i}`,
	endpointId: 'e1',
	otherAddress: `+1555666000${i}`,
	mostRecentMessage: { id: `m${i}`, direction: 'Incoming', text: 'hi' },
}));

describe('EvoVoice › Conversation › Get Many', () => {
	it('sends the documented filters and returns one item per conversation', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/conversations')
			.query({
				accountIds: 'a1,a2',
				endpointIds: 'e1',
				customerIds: 'c1',
				afterDate: '2026-11-01T00:00:00.000Z',
			})
			.reply(200, { conversations });

		const result = await runEvoVoice({
			parameters: {
				resource: 'conversation',
				operation: 'getAll',
				returnAll: true,
				filters: {
					accountIds: ['a1', 'a2'],
					endpointIds: 'e1',
					customerIds: 'c1',
					afterDate: '2026-11-01T00:00:00Z',
				},
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json)).toEqual(conversations);
		scope.done();
	});

	it('applies Limit to the one (unpaged) answer', async () => {
		const scope = nock(BASE).get('/conversations').reply(200, { conversations });
		const result = await runEvoVoice({
			parameters: { resource: 'conversation', operation: 'getAll', limit: 3 },
		});
		expect(result.main.map((item) => item.json.id)).toEqual(['v0', 'v1', 'v2']);
		scope.done();
	});

	it('surfaces a 401 with ServiceStack’s message', async () => {
		nock(BASE)
			.get('/conversations')
			.reply(401, {
				responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' },
			});
		const result = await runEvoVoice({
			parameters: { resource: 'conversation', operation: 'getAll', limit: 3 },
		});
		expect(result.error?.message).toBe('Invalid UserName or Password');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('401');
	});
});
