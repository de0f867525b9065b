import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BEARER, byId, isEmpty, runSuperOffice, session } from '../fixtures';

const network = guardNetwork();

describe('SuperOffice › Chat Session', () => {
	it('Transfer: POST ChatSession/{id}/TransferTo/{user} with the user name encoded and no body', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BEARER } })
			.post('/api/v1/ChatSession/42/TransferTo/j%20doe%2Fsupport', isEmpty)
			.reply(200, session(42));

		const result = await runSuperOffice({
			parameters: {
				resource: 'chatSession',
				operation: 'transfer',
				chatSessionId: byId(42),
				toAssociate: 'j doe/support',
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual(session(42));
		scope.done();
	});

	it('Transfer: refuses an empty user and a topic ID that is not a whole number', async () => {
		const transfer = await runSuperOffice({
			parameters: {
				resource: 'chatSession',
				operation: 'transfer',
				chatSessionId: byId(42),
				toAssociate: '={{ "" }}',
			},
		});
		expect(transfer.error?.message).toBe('To User: is required but empty');
		const create = await runSuperOffice({
			parameters: {
				resource: 'chatSession',
				operation: 'create',
				chatTopicId: byId('={{ "three" }}'),
			},
		});
		expect(create.error?.message).toBe('Chat Topic: "three" is not a SuperOffice ID');
		expect(network.unexpected).toEqual([]);
	});
});
