import nock from 'nock';
import type { INodeExecutionData } from 'n8n-workflow';
import { guardNetwork } from '../../../harness/nockGuard';
import { ACCEPTED, API_KEY, BASE, BEARER, byId, runNetSapiens } from '../fixtures';

const network = guardNetwork();

const SESSION = 'c3529b7ce79a86018d006462fa70fcea';
const SESSION_PATH = `/domains/~/users/~/messagesessions/${SESSION}/messages`;
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);

function send(extra: Record<string, unknown>) {
	return { resource: 'message', operation: 'send', messagesession: byId(SESSION), ...extra };
}

function withFile(
	buffer: Buffer,
	mimeType: string,
	fileName: string,
	property = 'data',
): INodeExecutionData[] {
	return [
		{ json: {}, binary: { [property]: { data: buffer.toString('base64'), mimeType, fileName } } },
	];
}

function api() {
	return nock(BASE, { reqheaders: { authorization: BEARER, 'content-type': /application\/json/ } });
}

describe('NetSapiens › Message › Send', () => {
	it('Chat: {type: chat, message, destination} into an existing session, with the API key as Bearer', async () => {
		const scope = api()
			.post(SESSION_PATH, { type: 'chat', message: 'Hello there!', destination: '0010' })
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({ messageType: 'chat', destination: '0010', message: 'Hello there!' }),
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([
			{
				json: {
					code: 202,
					message: 'Accepted',
					'messagesession-id': SESSION,
					'new-session': false,
					type: 'chat',
					destination: '0010',
					text: 'Hello there!',
				},
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
	});

	it('sends the message text exactly as written: indentation and trailing newlines kept', async () => {
		const scope = api()
			.post(SESSION_PATH, { type: 'chat', message: '  line1\n  indented\n', destination: '0010' })
			.reply(202, ACCEPTED);
		const result = await runNetSapiens({
			parameters: send({
				messageType: 'chat',
				destination: '0010',
				message: '  line1\n  indented\n',
			}),
		});
		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('Group Chat: type chat with a list destination from a comma-separated text', async () => {
		const scope = api()
			.post(SESSION_PATH, { type: 'chat', message: 'Hi all', destination: ['1123', '1004'] })
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({ messageType: 'groupChat', destination: '1123, 1004', message: 'Hi all' }),
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json.destination).toEqual(['1123', '1004']);
		scope.done();
	});

	it('Group Chat: takes a list from an expression, and keeps a single entry a list', async () => {
		const scope = api()
			.post(SESSION_PATH, { type: 'chat', message: 'Hi', destination: ['1123', '1004'] })
			.reply(202, ACCEPTED)
			.post(SESSION_PATH, { type: 'chat', message: 'Hi', destination: ['1123'] })
			.reply(202, ACCEPTED);

		const first = await runNetSapiens({
			parameters: send({
				messageType: 'groupChat',
				destination: '={{ ["1123", 1004] }}',
				message: 'Hi',
			}),
		});
		const second = await runNetSapiens({
			parameters: send({ messageType: 'groupChat', destination: '1123', message: 'Hi' }),
		});

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		scope.done();
	});

	it('Media Chat: chat-media with the binary as base64 data, its mime-type and size', async () => {
		const scope = api()
			.post(SESSION_PATH, {
				type: 'chat-media',
				message: 'media',
				destination: ['1123', '1004'],
				data: PNG.toString('base64'),
				'mime-type': 'image/png',
				size: PNG.length,
			})
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({
				messageType: 'mediaChat',
				destination: '1123,1004',
				binaryPropertyName: 'data',
			}),
			items: withFile(PNG, 'image/png', 'pixel.png'),
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual({
			code: 202,
			message: 'Accepted',
			'messagesession-id': SESSION,
			'new-session': false,
			type: 'chat-media',
			destination: ['1123', '1004'],
			text: 'media',
			'media-type': 'image/png',
			'media-size': PNG.length,
		});
		scope.done();
	});

	it('Video Chat (chat-video with a file) is refused before any request: the file fields are for media chat or MMS only', async () => {
		const video = Buffer.from('fake-mp4-bytes');
		const result = await runNetSapiens({
			parameters: send({
				messageType: 'videoChat',
				destination: '1123',
				message: 'Watch this',
				binaryPropertyName: 'clip',
			}),
			items: withFile(video, 'video/mp4', 'clip.mp4', 'clip'),
		});

		expect(result.error?.message).toBe(
			'Type: Video Chat (chat-video with a file) is not sent: NetSapiens documents the file fields as "used only for media chat or MMS"',
		);
		expect(network.unexpected).toEqual([]);
	});

	it('SMS: digits without + for destination and from-number', async () => {
		const scope = api()
			.post(SESSION_PATH, {
				type: 'sms',
				message: 'Hello there, sending sms!',
				destination: '18585551234',
				'from-number': '18585550001',
			})
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({
				messageType: 'sms',
				destination: '+1 (858) 555-1234',
				fromNumber: { __rl: true, mode: 'number', value: '+18585550001' },
				message: 'Hello there, sending sms!',
			}),
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json['from-number']).toBe('18585550001');
		scope.done();
	});

	it('SMS: a number from a sheet (a number value) and no from number', async () => {
		const scope = api()
			.post(SESSION_PATH, { type: 'sms', message: 'Hi', destination: '18585551234' })
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({ messageType: 'sms', destination: '={{ 18585551234 }}', message: 'Hi' }),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('Group SMS: type sms with the numbers as a list', async () => {
		const scope = api()
			.post(SESSION_PATH, {
				type: 'sms',
				message: 'Hello there! Sending a group SMS',
				destination: ['18585551234', '18585550001'],
				'from-number': '18585550003',
			})
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({
				messageType: 'groupSms',
				destination: '18585551234, +18585550001',
				fromNumber: { __rl: true, mode: 'list', value: '18585550003' },
				message: 'Hello there! Sending a group SMS',
			}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('MMS: type mms with the picture, to several numbers', async () => {
		const scope = api()
			.post(SESSION_PATH, {
				type: 'mms',
				message: 'media',
				destination: ['18585551234', '18585550001'],
				'from-number': '18585550003',
				data: PNG.toString('base64'),
				'mime-type': 'image/png',
				size: PNG.length,
			})
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({
				messageType: 'mms',
				destination: '18585551234,18585550001',
				fromNumber: { __rl: true, mode: 'number', value: '18585550003' },
				binaryPropertyName: 'data',
			}),
			items: withFile(PNG, 'image/png', 'pixel.png'),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('without a session: creates a valid new session ID, sends there and returns it', async () => {
		let path = '';
		const scope = api()
			.post(/\/domains\/~\/users\/~\/messagesessions\/[A-Za-z0-9_]+\/messages$/, {
				type: 'sms',
				message: 'Hi',
				destination: '18585551234',
			})
			.reply(202, function () {
				path = this.req.path;
				return ACCEPTED;
			});

		const result = await runNetSapiens({
			parameters: {
				resource: 'message',
				operation: 'send',
				messagesession: { __rl: true, mode: 'list', value: '' },
				messageType: 'sms',
				destination: '18585551234',
				message: 'Hi',
			},
		});

		expect(result.error).toBeUndefined();
		const id = result.main[0].json['messagesession-id'] as string;
		expect(id).toMatch(/^[A-Za-z0-9_]{32,}$/);
		expect(path).toBe(`/ns-api/v2/domains/~/users/~/messagesessions/${id}/messages`);
		expect(result.main[0].json['new-session']).toBe(true);
		scope.done();
	});

	it('gives every item of a run its own new session', async () => {
		const scope = api()
			.post(/messagesessions\/[A-Za-z0-9]+\/messages$/)
			.times(3)
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: {
				resource: 'message',
				operation: 'send',
				messageType: 'chat',
				destination: '1123',
				message: 'Hi',
			},
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});

		const ids = new Set(result.main.map((item) => item.json['messagesession-id']));
		expect(ids.size).toBe(3);
		scope.done();
	});

	it('uses the Domain and User fields in the path', async () => {
		const scope = api()
			.post(`/domains/example.com/users/1000/messagesessions/${SESSION}/messages`, {
				type: 'chat',
				message: 'x',
				destination: '1004',
			})
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({
				domain: 'example.com',
				user: '1000',
				messageType: 'chat',
				destination: '1004',
				message: 'x',
			}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	describe('refuses bad input before any request', () => {
		const cases: Array<[string, Record<string, unknown>, RegExp]> = [
			[
				'an empty message',
				{ messageType: 'chat', destination: '1123', message: '  ' },
				/^Message: is required but empty/,
			],
			[
				'no destination',
				{ messageType: 'chat', destination: '={{ "" }}', message: 'x' },
				/^Destination: is required but empty/,
			],
			[
				'no group destinations',
				{ messageType: 'groupChat', destination: ' , ', message: 'x' },
				/^Destinations: is required but empty/,
			],
			[
				'several destinations for a one-recipient type',
				{ messageType: 'sms', destination: '18585551234,18585550001', message: 'x' },
				/^Destination: has 2 entries but this type sends to one/,
			],
			[
				'letters in an SMS number',
				{ messageType: 'groupSms', destination: '18585551234, call-me', message: 'x' },
				/^Destinations: "call-me" is not a phone number/,
			],
			[
				'letters in the from number',
				{
					messageType: 'sms',
					destination: '18585551234',
					fromNumber: { __rl: true, mode: 'number', value: 'office' },
					message: 'x',
				},
				/^From Number: "office" is not a phone number/,
			],
			[
				'a session ID with other characters',
				{
					messagesession: byId('={{ "../../apikeys" }}'),
					messageType: 'chat',
					destination: '1',
					message: 'x',
				},
				/^Message Session: "..\/..\/apikeys" is not a message session ID/,
			],
			[
				'a given session ID shorter than 32 characters (core 44.4.10: "Needs to be at least 32 characters long")',
				{
					messagesession: byId('={{ "abc_123" }}'),
					messageType: 'chat',
					destination: '1',
					message: 'x',
				},
				/^Message Session: "abc_123" is 7 characters long: a session to send in needs to be at least 32 characters long and random/,
			],
			[
				'a destination that is an object',
				{ messageType: 'chat', destination: '={{ {a: 1} }}', message: 'x' },
				/^Destination: expected text but got an object/,
			],
		];

		it.each(cases)('%s', async (_name, extra, message) => {
			const result = await runNetSapiens({ parameters: send(extra) });
			expect(result.error?.message).toMatch(message);
			expect(network.unexpected).toEqual([]);
		});

		it('a media type without the binary property', async () => {
			const result = await runNetSapiens({
				parameters: send({
					messageType: 'mms',
					destination: '18585551234',
					binaryPropertyName: 'photo',
				}),
				items: withFile(PNG, 'image/png', 'pixel.png'),
			});
			expect(result.error?.message).toBe(
				'Input Binary Field: the input item has no binary property "photo"',
			);
			expect(result.error?.description).toBe('Binary properties on this item: data');
			expect(network.unexpected).toEqual([]);
		});
	});

	it('reports the provider’s {code, message} with its HTTP status, and no key anywhere', async () => {
		api()
			.post(SESSION_PATH)
			.reply(404, { code: 404, message: 'User 1000 does not exist in domain example' });

		const result = await runNetSapiens({
			parameters: send({ messageType: 'chat', destination: '1123', message: 'x' }),
		});

		expect(result.error?.message).toBe('User 1000 does not exist in domain example');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('Continue On Fail: a refused item becomes a paired error item, the others are sent', async () => {
		const scope = api()
			.post(SESSION_PATH, { type: 'sms', message: 'Hi', destination: '18585551234' })
			.twice()
			.reply(202, ACCEPTED);

		const result = await runNetSapiens({
			parameters: send({ messageType: 'sms', destination: '={{ $json.to }}', message: 'Hi' }),
			items: [
				{ json: { to: '18585551234' } },
				{ json: { to: 'nobody' } },
				{ json: { to: '+18585551234' } },
			],
			onError: 'continueRegularOutput',
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.main[1].json.error).toBe('Destination: "nobody" is not a phone number');
		expect(result.main[0].json.code).toBe(202);
		expect(result.main[2].json.code).toBe(202);
		scope.done();
	});

	it('sends a message once: a 500 is not retried', async () => {
		const scope = api()
			.post(SESSION_PATH)
			.once()
			.reply(500, { code: 500, message: 'Internal error' });

		const result = await runNetSapiens({
			parameters: send({ messageType: 'chat', destination: '1123', message: 'x' }),
		});

		expect(result.error?.message).toBe('Internal error');
		scope.done();
		expect(network.unexpected).toEqual([]);
	});
});
