import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, byId, runSuperOffice } from '../fixtures';

const message = (id: number, type = 'ToUser') => ({
	ChatMessageId: id,
	ChatSessionId: 7,
	Type: type,
	Message: `text ${id}`,
	Author: 'Customer',
	ReadByCustomer: 0,
	SpecialType: 'None',
	SpecialParam: '',
	WhenPosted: '2026-11-22T10:00:00Z',
});

const network = guardNetwork();

describe('SuperOffice › Chat Message › Get Many', () => {
	it('gets the messages after a message ID, one item each', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/api/v1/ChatSession/7/Messages')
			.query({ after: '522' })
			.reply(200, [message(523), message(524, 'ToCustomer')]);

		const result = await runSuperOffice({
			parameters: {
				resource: 'chatMessage',
				operation: 'getAll',
				chatSessionId: byId(7),
				after: 522,
				returnAll: true,
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([
			{ json: message(523), pairedItem: { item: 0 } },
			{ json: message(524, 'ToCustomer'), pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('asks for all messages when no message ID is given, and keeps the limit', async () => {
		const scope = nock(BASE)
			.get('/api/v1/ChatSession/7/Messages')
			.query((query) => Object.keys(query).length === 0)
			.reply(200, [message(1), message(2), message(3)]);

		const result = await runSuperOffice({
			parameters: {
				resource: 'chatMessage',
				operation: 'getAll',
				chatSessionId: byId('7'),
				limit: 2,
			},
		});

		expect(result.main.map((item) => item.json.ChatMessageId)).toEqual([1, 2]);
		scope.done();
	});

	it('refuses an After Message ID that is not a whole number', async () => {
		const result = await runSuperOffice({
			items: [{ json: { after: 'last' } }],
			parameters: {
				resource: 'chatMessage',
				operation: 'getAll',
				chatSessionId: byId(7),
				after: '={{ $json.after }}',
			},
		});
		expect(result.error?.message).toBe('After Message ID: expected a whole number but got "last"');
		expect(network.unexpected).toEqual([]);
	});
});
