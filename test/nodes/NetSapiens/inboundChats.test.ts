import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import {
	credentialIdentity,
	NetSapiensMessagingApi,
} from '../../../credentials/NetSapiensMessagingApi.credentials';
import { NetSapiensTrigger } from '../../../nodes/NetSapiens/NetSapiensTrigger.node';
import { isInboundMessage } from '../../../nodes/NetSapiens/shared/inboundMessage';
import { guardNetwork } from '../../harness/nockGuard';
import { TriggerHarness } from '../../harness/trigger';
import { apiKeyCredentials, BASE, BEARER, passwordCredentials } from './fixtures';
import {
	OFFICIAL_CHAT_ROW,
	OFFICIAL_GROUP_CHAT_ROW,
	OFFICIAL_INBOUND_SMS_ROW,
} from './officialMessageRows';

const network = guardNetwork();

function trigger(parameters: INodeParameters, credentials = apiKeyCredentials) {
	return new TriggerHarness({
		nodeType: new NetSapiensTrigger(),
		parameters: { event: 'message', inboundOnly: true, ...parameters },
		credentials: { netSapiensMessagingApi: credentials },
		credentialTypes: [new NetSapiensMessagingApi()],
	});
}

/** Activates the trigger against a subscription endpoint that accepts it; returns the secret it registered. */
async function activate(harness: TriggerHarness): Promise<string> {
	let postUrl = '';
	nock(BASE)
		.get(/subscriptions$/)
		.optionally()
		.reply(200, [])
		.post(/subscriptions$/)
		.reply(200, (_uri, body) => {
			postUrl = (body as Record<string, string>)['post-url'];
			// an API key's subscription lasts "20 years from the creation date" (POST /subscriptions)
			return {
				id: 'sub-1',
				...(body as object),
				'subscription-expires-datetime': '2046-12-07 19:00:00',
			};
		});
	await harness.lifecycle('create');
	return new URL(postUrl).searchParams.get('secret') ?? '';
}

const delivered = async (harness: TriggerHarness, body: unknown[]) => {
	const secret = await activate(harness);
	const result = await harness.deliver({ body, query: { secret } });
	return (result.items ?? []).map((item) => item.json);
};

describe('NetSapiens Trigger › inbound chats (empty direction, decided by the sender)', () => {
	it('Inbound Messages Only keeps the official chat row (direction "") for its receiver, 2503@portal', async () => {
		const rows = await delivered(trigger({ domain: 'portal', user: '2503' }), [OFFICIAL_CHAT_ROW]);
		expect(rows).toEqual([OFFICIAL_CHAT_ROW]);
	});

	it('drops the same chat for its sender 2500@portal, and for User * of the sender’s domain', async () => {
		expect(
			await delivered(trigger({ domain: 'portal', user: '2500' }), [OFFICIAL_CHAT_ROW]),
		).toEqual([]);
		expect(await delivered(trigger({ domain: 'portal', user: '*' }), [OFFICIAL_CHAT_ROW])).toEqual(
			[],
		);
	});

	it('keeps the official group chat row for a receiver and the inbound SMS row (direction "orig", no from-user-id) for everyone', async () => {
		const rows = await delivered(trigger({ domain: 'automation', user: '3811' }), [
			OFFICIAL_GROUP_CHAT_ROW,
			OFFICIAL_INBOUND_SMS_ROW,
		]);
		expect(rows).toEqual([OFFICIAL_GROUP_CHAT_ROW, OFFICIAL_INBOUND_SMS_ROW]);
	});

	it('User ~ with an API key: GET /apikeys/~ names the key’s user, read once per key', async () => {
		const keyOwner = nock(BASE, { reqheaders: { authorization: BEARER } })
			.get('/apikeys/~')
			.once()
			.reply(200, { 'key-id': 'k1', user: '2503', domain: 'portal', 'user-scope': 'Basic User' });
		const harness = trigger({ domain: '~', user: '~' });
		const secret = await activate(harness);
		const first = await harness.deliver({ body: [OFFICIAL_CHAT_ROW], query: { secret } });
		expect(first.items?.map((item) => item.json)).toEqual([OFFICIAL_CHAT_ROW]);
		const again = await harness.deliver({
			body: [{ ...OFFICIAL_CHAT_ROW, id: 2, 'from-user-id': '2503@portal' }],
			query: { secret },
		});
		expect(again.items).toBeUndefined();
		keyOwner.done();
		expect(network.unexpected).toEqual([]);
	});

	it('User ~ with a login: the username user@domain names the user, no request', async () => {
		const user = { ...passwordCredentials, username: '2500@portal' };
		const login = { ...user, accessToken: 'token-1', tokenIdentity: credentialIdentity(user) };
		const rows = await delivered(trigger({ domain: '~', user: '~' }, login), [
			OFFICIAL_CHAT_ROW,
			OFFICIAL_INBOUND_SMS_ROW,
		]);
		expect(rows).toEqual([OFFICIAL_INBOUND_SMS_ROW]);
	});

	it('direction decides when the Message model’s values are given: orig inbound, term outbound', () => {
		const watched = { domain: 'portal', user: '2503' };
		expect(isInboundMessage({ ...OFFICIAL_CHAT_ROW, direction: 'term' }, watched)).toBe(false);
		expect(
			isInboundMessage(
				{ ...OFFICIAL_CHAT_ROW, direction: 'orig', 'from-user-id': '2503@portal' },
				watched,
			),
		).toBe(true);
		expect(isInboundMessage({ ...OFFICIAL_CHAT_ROW, 'from-user-id': '2503@Portal' }, watched)).toBe(
			false,
		);
		expect(
			isInboundMessage(
				{ ...OFFICIAL_CHAT_ROW, 'from-user-id': '2500@other' },
				{ ...watched, user: '*' },
			),
		).toBe(true);
	});
});
