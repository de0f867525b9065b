import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, api, byId, runNetSapiens, SESSION, SESSION_PATH } from '../fixtures';

const network = guardNetwork();

describe('NetSapiens › Message Session', () => {
	it('Update Participants: PUT {"participants": "a,b,c"} from a list or a comma text', async () => {
		const scope = api()
			.put(SESSION_PATH, { participants: '1123@portal,1004@portal,1000@portal' })
			.twice()
			.reply(202, ACCEPTED);

		const fromText = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'updateParticipants',
				messagesession: byId(SESSION),
				participants: '1123@portal, 1004@portal,1000@portal',
			},
		});
		const fromList = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'updateParticipants',
				messagesession: byId(SESSION),
				participants: '={{ ["1123@portal", "1004@portal", "1000@portal"] }}',
			},
		});

		expect(fromText.error).toBeUndefined();
		expect(fromList.error).toBeUndefined();
		scope.done();
	});

	it('Update Participants refuses an empty list before any request', async () => {
		const result = await runNetSapiens({
			parameters: {
				resource: 'messageSession',
				operation: 'updateParticipants',
				messagesession: byId(SESSION),
				participants: '={{ [] }}',
			},
		});
		expect(result.error?.message).toBe('Participants: is required but empty');
		expect(network.unexpected).toEqual([]);
	});
});
