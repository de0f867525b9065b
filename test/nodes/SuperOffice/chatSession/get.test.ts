import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, byId, runSuperOffice, session } from '../fixtures';

guardNetwork();

describe('SuperOffice › Chat Session', () => {
	it('Get: GET ChatSession/{id}', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession/42')
			.reply(200, session(42));

		const result = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'get', chatSessionId: byId(42) },
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: session(42), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get: a missing session is SuperOffice’s 404', async () => {
		nock(BASE)
			.get('/api/v1/ChatSession/404404')
			.reply(404, { Message: 'ChatSession 404404 not found' });
		const result = await runSuperOffice({
			parameters: { resource: 'chatSession', operation: 'get', chatSessionId: byId(404404) },
		});
		expect(result.error?.message).toBe('ChatSession 404404 not found');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});
});
