import type { INodeParameters } from 'n8n-workflow';
import { ISlashMessagingApi } from '../../../credentials/ISlashMessagingApi.credentials';
import { ISlashTrigger } from '../../../nodes/ISlash/ISlashTrigger.node';
import { loadInNewProcess, TriggerHarness } from '../../harness/trigger';
import { credentials, whatsAppText } from './fixtures';

/** As `openssl rand -hex 32` makes one (what the README says to use). */
const SECRET = 'cc4cf2589dd2f4a2a55b39b5f3e3b761e0fe28879b0ad82236f7035b36d655cd';

const harness = (parameters: INodeParameters = {}, webhookSecret: string = SECRET) =>
	new TriggerHarness({
		nodeType: new ISlashTrigger(),
		parameters: { events: ['messages', 'statuses'], ...parameters },
		credentials: { iSlashMessagingApi: { ...credentials.iSlashMessagingApi, webhookSecret } },
		credentialTypes: [new ISlashMessagingApi()],
	});

const withSecret = { secret: SECRET };

// Bodies as iSlash documents them (api-docs.islash.io › Message Status (Webhook)).
const whatsAppImage = {
	messages: [
		{
			image: {
				sha256: '5b74',
				mime_type: 'image/jpeg',
				id: '5774c685-a393-42d9-a0d2-8e9c57690348',
			},
			profile: { name: 'iSlash' },
			wa_id: '85256872847',
			from: '85256872847',
			id: 'ABGGhSlIRoQvAgo-sB6rm0wvh_fz',
			type: 'image',
			sequence: '35546638',
			timestamp: '1649834056',
		},
	],
};
const whatsAppStatus = {
	statuses: [
		{
			sequence: '35525319',
			id: 'gBGGhSlIRoQvAgkGNTcduk8W2CQ',
			type: 'message',
			conversation: { origin: { type: 'user_initiated' }, id: '061ce662fd6f2580cee660e12d5db606' },
			pricing: { pricing_model: 'CBP', category: 'user_initiated', billable: true },
			recipient_id: '85256872847',
			status: 'delivered',
			timestamp: '1649812397',
		},
	],
};
const facebookText = {
	object: 'page',
	entry: [
		{
			id: '101577621799715',
			time: 1692603667565,
			messaging: [
				{
					sender: { id: '5696251489156017' },
					recipient: { id: '101577621799715' },
					timestamp: 1692603667024,
					message: { mid: 'm_P10R86Qejq', text: 'Hi' },
				},
			],
		},
	],
};

describe('iSlash Trigger › lifecycle (no registration API)', () => {
	it('registers nothing: checkExists says no, create and delete succeed without a request', async () => {
		const trigger = harness();
		expect(await trigger.lifecycle('checkExists')).toBe(false);
		expect(await trigger.lifecycle('create')).toBe(true);
		expect(await trigger.lifecycle('delete')).toBe(true);
		expect(trigger.staticData).toEqual({});
	});

	it('refuses to go live with a missing or short secret', async () => {
		await expect(harness({}, '').lifecycle('create')).rejects.toThrow(
			'Webhook Secret (iSlash credential): is empty',
		);
		await expect(harness({}, 'short').lifecycle('create')).rejects.toThrow(
			'Webhook Secret (iSlash credential): must be at least 32 characters',
		);
	});

	it('shows the webhook URL to paste, which iSlash calls with ?secret=', () => {
		expect(harness().webhookUrl()).toBe(
			'http://localhost:5678/webhook/b1f7c3de-0000-4000-8000-000000000001/webhook',
		);
		const notice = new ISlashTrigger().description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/\?secret=/);
	});
});

describe('iSlash Trigger › deliveries', () => {
	it.each([
		['no secret', {}],
		['a wrong secret', { secret: 'not-the-secret-at-all' }],
		['the secret in another case', { secret: SECRET.toUpperCase() }],
	])('answers 401 and starts nothing for %s', async (_case, query) => {
		const result = await harness().deliver({ body: whatsAppText, query });
		expect(result.response.status).toBe(401);
		expect(result.items).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
	});

	it.each([
		['a non-object body', 'hello'],
		['an unknown shape', { foo: 'bar' }],
		['messages that are not a list', { messages: { id: 'x' } }],
		['a Facebook body without entry', { object: 'page' }],
	])('answers 400 and starts nothing for %s', async (_case, body) => {
		const result = await harness().deliver({ body, rawBody: null, query: withSecret });
		expect(result.response.status).toBe(400);
		expect(String((result.response.body as { error: string }).error)).toMatch(
			/^Not an iSlash delivery: /,
		);
		expect(result.items).toBeUndefined();
	});

	it('turns a WhatsApp text message into one item', async () => {
		const result = await harness().deliver({ body: whatsAppText, query: withSecret });
		expect(result.items).toEqual([
			{
				json: {
					event: 'message',
					channel: 'whatsapp',
					contact: { id: '85256872847', name: 'iSlash' },
					messageId: 'ABGGhSlIRoQvAgo-sL8KNOJ1WUnK',
					type: 'text',
					text: 'testing',
					media: null,
					timestamp: '2022-04-12T09:47:34.000Z',
					error: null,
					raw: whatsAppText.messages[0],
				},
			},
		]);
	});

	it('gives a WhatsApp image its media', async () => {
		const result = await harness().deliver({ body: whatsAppImage, query: withSecret });
		expect(result.items?.[0].json).toMatchObject({
			event: 'message',
			type: 'image',
			text: null,
			media: {
				kind: 'image',
				id: '5774c685-a393-42d9-a0d2-8e9c57690348',
				url: null,
				mimeType: 'image/jpeg',
				fileName: null,
				caption: null,
			},
		});
	});

	it('turns a WhatsApp status into one status item', async () => {
		const result = await harness().deliver({ body: whatsAppStatus, query: withSecret });
		expect(result.items).toEqual([
			{
				json: {
					event: 'status',
					channel: 'whatsapp',
					contact: { id: '85256872847', name: null },
					messageId: 'gBGGhSlIRoQvAgkGNTcduk8W2CQ',
					type: 'delivered',
					text: null,
					media: null,
					timestamp: '2022-04-13T01:13:17.000Z',
					error: null,
					raw: whatsAppStatus.statuses[0],
				},
			},
		]);
	});

	it('keeps the reason of a failed WhatsApp status', async () => {
		const failed = {
			statuses: [
				{
					id: 'w1',
					status: 'failed',
					recipient_id: '852',
					timestamp: '1649812397',
					errors: [{ code: 131047, title: 'Re-engagement message' }],
				},
			],
		};
		const result = await harness().deliver({ body: failed, query: withSecret });
		expect(result.items?.[0].json).toMatchObject({
			event: 'status',
			type: 'failed',
			error: 'Re-engagement message',
		});
	});

	it('turns a Facebook Messenger message into one item of the same shape', async () => {
		const result = await harness().deliver({ body: facebookText, query: withSecret });
		expect(result.items).toEqual([
			{
				json: {
					event: 'message',
					channel: 'facebook',
					contact: { id: '5696251489156017', name: null },
					messageId: 'm_P10R86Qejq',
					type: 'text',
					text: 'Hi',
					media: null,
					timestamp: '2023-08-21T07:41:07.024Z',
					error: null,
					raw: facebookText.entry[0].messaging[0],
				},
			},
		]);
	});

	it('splits Messenger attachments, deliveries and reads into messages and statuses', async () => {
		const body = {
			object: 'page',
			entry: [
				{
					id: 'page-1',
					messaging: [
						{
							sender: { id: 'u1' },
							recipient: { id: 'page-1' },
							timestamp: 1692603667024,
							message: {
								mid: 'm1',
								attachments: [{ type: 'image', payload: { url: 'https://cdn.example/p.jpg' } }],
							},
						},
						{
							sender: { id: 'u1' },
							recipient: { id: 'page-1' },
							timestamp: 1692603668000,
							delivery: { mids: ['m_out_1', 'm_out_2'], watermark: 1692603667000 },
						},
						{
							sender: { id: 'u1' },
							recipient: { id: 'page-1' },
							timestamp: 1692603669000,
							read: { watermark: 1692603667000 },
						},
					],
				},
			],
		};
		const result = await harness().deliver({ body, rawBody: null, query: withSecret });
		expect(
			result.items?.map(({ json }) => [
				json.event,
				json.type,
				json.messageId,
				(json.contact as { id: string }).id,
			]),
		).toEqual([
			['message', 'image', 'm1', 'u1'],
			['status', 'delivered', 'm_out_1', 'u1'],
			['status', 'delivered', 'm_out_2', 'u1'],
			['status', 'read', null, 'u1'],
		]);
		expect(result.items?.[0].json.media).toEqual({
			kind: 'image',
			id: null,
			url: 'https://cdn.example/p.jpg',
			mimeType: null,
			fileName: null,
			caption: null,
		});
	});

	it('gives one item per message when a delivery carries several', async () => {
		const body = {
			messages: [whatsAppText.messages[0], whatsAppImage.messages[0]],
			statuses: whatsAppStatus.statuses,
		};
		const result = await harness().deliver({ body, rawBody: null, query: withSecret });
		expect(result.items?.map(({ json }) => json.type)).toEqual(['text', 'image', 'delivered']);
	});

	it('filters by event: statuses only', async () => {
		const trigger = harness({ events: ['statuses'] });
		const both = { messages: whatsAppText.messages, statuses: whatsAppStatus.statuses };
		expect(
			(await trigger.deliver({ body: both, query: withSecret })).items?.map(
				({ json }) => json.event,
			),
		).toEqual(['status']);

		const onlyMessages = await trigger.deliver({ body: whatsAppText, query: withSecret });
		expect(onlyMessages.items).toBeUndefined();
		expect(onlyMessages.response).toEqual({ status: 200, body: { received: true }, ended: true });
	});

	it('reads the raw JSON when iSlash sends another content type', async () => {
		const result = await harness().deliver({
			body: {},
			rawBody: Buffer.from(JSON.stringify(whatsAppText)),
			query: withSecret,
		});
		expect(result.items?.[0].json.text).toBe('testing');
	});
});

describe('iSlash Trigger › exactly once', () => {
	const inNewProcess = () => loadInNewProcess('nodes/ISlash/ISlashTrigger.node', 'ISlashTrigger');
	const ids = (result: { items?: Array<{ json: { messageId?: unknown; type?: unknown } }> }) =>
		result.items?.map((item) => `${String(item.json.messageId)}/${String(item.json.type)}`);

	it('a delivery sent again starts nothing, also after an n8n restart; a new status of the same message does', async () => {
		const trigger = harness();
		expect(ids(await trigger.deliver({ body: whatsAppText, query: withSecret }))).toEqual([
			'ABGGhSlIRoQvAgo-sL8KNOJ1WUnK/text',
		]);
		const again = await trigger.deliver({ body: whatsAppText, query: withSecret });
		expect(again.items).toBeUndefined();
		expect(again.response).toEqual({ status: 200, body: { received: true }, ended: true });

		expect(ids(await trigger.deliver({ body: whatsAppStatus, query: withSecret }))).toEqual([
			'gBGGhSlIRoQvAgkGNTcduk8W2CQ/delivered',
		]);
		trigger.restart(inNewProcess());
		expect(
			(await trigger.deliver({ body: whatsAppStatus, query: withSecret })).items,
		).toBeUndefined();
		expect(
			(await trigger.deliver({ body: whatsAppText, query: withSecret })).items,
		).toBeUndefined();
		const read = {
			statuses: [{ ...whatsAppStatus.statuses[0], status: 'read', timestamp: '1649812499' }],
		};
		expect(ids(await trigger.deliver({ body: read, query: withSecret }))).toEqual([
			'gBGGhSlIRoQvAgkGNTcduk8W2CQ/read',
		]);
	});

	it('a burst of the same deliveries at the same moment: each event starts exactly one execution', async () => {
		const trigger = harness();
		const results = await Promise.all(
			[whatsAppText, whatsAppImage, facebookText, whatsAppText, facebookText].map((body) =>
				trigger.deliver({ body, query: withSecret }),
			),
		);
		expect(results.map((result) => result.items?.length ?? 0)).toEqual([1, 1, 1, 0, 0]);
	});
});

describe('iSlash Trigger › issue 34 item 3: the webhook secret lives in the credential', () => {
	it('item 3: the secret comes from the iSlash credential, and no node parameter holds it', async () => {
		const description = new ISlashTrigger().description;
		expect(description.credentials).toEqual([{ name: 'iSlashMessagingApi', required: true }]);
		expect(description.properties.map((property) => property.name)).not.toContain('webhookSecret');
		const field = new ISlashMessagingApi().properties.find((p) => p.name === 'webhookSecret');
		expect(field).toMatchObject({ type: 'string', typeOptions: { password: true } });

		const trigger = harness();
		expect(await trigger.lifecycle('create')).toBe(true);
		const ok = await trigger.deliver({ body: whatsAppText, query: { secret: SECRET } });
		expect(ok.items).toHaveLength(1);
		expect(JSON.stringify(trigger.node.parameters)).not.toContain(SECRET);
	});

	it.each([
		['one repeated character', 'a'.repeat(40)],
		['a repeated short pattern', 'abc123'.repeat(8)],
		['the README’s example and the field’s placeholder', '9f2c7d4e1a8b6c3f5e0d2a4b'],
		['characters a URL decodes differently (+ & #)', 'Zq8+Lm2&Wx9#Tr4/Pk7=Hs3%Vb6?Nd1!'],
		['a short value', 'x7Kp2Qm9'],
	])(
		'item 3: activation refuses a weak, published or not URL-safe secret: %s',
		async (_case, secret) => {
			// also set where earlier versions read it (a node parameter), which is now ignored
			const weak = () => harness({ webhookSecret: secret }, secret);
			await expect(weak().lifecycle('create')).rejects.toThrow(
				/^Webhook Secret \(iSlash credential\): /,
			);
			// and a credential edited to such a value after activation accepts no delivery
			const result = await harness({}, secret.trim()).deliver({
				body: whatsAppText,
				query: { secret: secret.trim() },
			});
			expect(result.response.status).toBe(401);
			expect(result.items).toBeUndefined();
		},
	);

	it('item 3: a secret made of every URL-safe character kind reads back exactly from the URL', async () => {
		const secret = 'Ab3-De6.Gh9_Jk2~Mn5-Pq8.St1_Vw4~Yz7';
		const trigger = harness({}, secret);
		expect(await trigger.lifecycle('create')).toBe(true);
		const url = new URL(`${trigger.webhookUrl()}?secret=${secret}`);
		const result = await trigger.deliver({
			body: whatsAppText,
			query: { secret: url.searchParams.get('secret') ?? '' },
		});
		expect(result.items).toHaveLength(1);
	});
});

describe('iSlash Trigger › issue 34 item 5: the secret in the URL is in no error', () => {
	it('item 5: a refused activation or delivery never shows the secret', async () => {
		const weak = 'b'.repeat(48);
		const error = await harness({}, weak)
			.lifecycle('create')
			.catch((caught: unknown) => caught);
		expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(weak);
		const refused = await harness().deliver({
			body: whatsAppText,
			query: { secret: `${SECRET.slice(0, -1)}0` },
		});
		expect(JSON.stringify(refused.response)).not.toContain(SECRET);
	});
});

describe('iSlash Trigger › issue 34 item 6: deeply nested deliveries', () => {
	/** A WhatsApp message without an ID (keyed by content) carrying a field nested `depth` levels deep. */
	function nested(depth: number) {
		let value: unknown = 'bottom';
		for (let level = 0; level < depth; level++) value = { deeper: value };
		const message = { from: '85256872847', type: 'text', text: { body: 'Deep' } };
		const raw = `{"messages":[${JSON.stringify(message).slice(0, -1)},"extra":${'{"deeper":'.repeat(depth)}"bottom"${'}'.repeat(depth)}}]}`;
		return { body: { messages: [{ ...message, extra: value }] }, raw: Buffer.from(raw) };
	}

	it('item 6: a deeply nested authenticated delivery gets a bounded key: one execution, its redelivery none, no 5xx', async () => {
		const trigger = harness();
		const { body, raw } = nested(20_000);
		const first = await trigger.deliver({ body, rawBody: raw, query: withSecret });
		expect(first.response.status).toBe(200);
		expect(first.items).toHaveLength(1);
		const again = await trigger.deliver({ body, rawBody: raw, query: withSecret });
		expect(again.response.status).toBe(200);
		expect(again.items).toBeUndefined();
	});

	it('item 6: a deeply nested delivery without its raw bytes cannot be keyed: 400, no execution', async () => {
		const { body } = nested(20_000);
		const result = await harness().deliver({ body, rawBody: null, query: withSecret });
		expect(result.response.status).toBe(400);
		expect(result.items).toBeUndefined();
	});
});
