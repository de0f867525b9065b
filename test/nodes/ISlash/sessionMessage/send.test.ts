import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { guardNetwork } from '../../../harness/nockGuard';
import {
	BASE,
	capture,
	nock,
	okay,
	parseMultipart,
	runISlash,
	SESSION,
	sentMessage,
	TOKEN,
	type CapturedRequest,
} from '../fixtures';

const network = guardNetwork();

const send = (parameters: INodeParameters): INodeParameters => ({
	resource: 'sessionMessage',
	operation: 'send',
	identity: '85256872847',
	...parameters,
});

const binaryItem = (
	bytes: Buffer,
	mimeType: string,
	fileName: string,
	property = 'data',
): INodeExecutionData => ({
	json: {},
	binary: { [property]: { data: bytes.toString('base64'), mimeType, fileName } },
});

/** Sends once against a recording nock scope and returns the one request iSlash received. */
async function sendAndCapture(parameters: INodeParameters, items?: INodeExecutionData[]) {
	const seen: CapturedRequest[] = [];
	const scope = nock(BASE)
		.post('/send-session-message')
		.reply(capture(seen, okay({ message: sentMessage })));
	const result = await runISlash({ parameters: send(parameters), items });
	expect(result.error).toBeUndefined();
	scope.done();
	expect(seen).toHaveLength(1);
	return { request: seen[0], result };
}

describe('iSlash › Session Message › Send (multipart/form-data)', () => {
	it('sends a text-only message as multipart with the token header and no JSON content type', async () => {
		const { request, result } = await sendAndCapture({ text: 'Hello Testing' });

		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/public/send-session-message');
		expect(request.headers['x-user-token']).toBe(TOKEN);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
		expect(await parseMultipart(request)).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['text', 'Hello Testing'],
		]);
		expect(result.main).toEqual([{ json: sentMessage, pairedItem: { item: 0 } }]);
	});

	it('sends the text as written: indentation and trailing newlines kept (line breaks as CRLF, as multipart carries them)', async () => {
		const { request } = await sendAndCapture({ text: '  line1\n  indented\n' });
		// n8n's HTTP client (axios) writes form fields as the HTML form encoding does: every line break as CRLF
		expect((await parseMultipart(request)).find(([name]) => name === 'text')).toEqual([
			'text',
			'  line1\r\n  indented\r\n',
		]);
	});

	it('uploads a binary file as a real file part with its name, MIME type and exact bytes', async () => {
		const bytes = Buffer.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe, 0x80,
		]);
		const { request } = await sendAndCapture(
			{ text: 'Our new menu', attachment: 'binary', binaryPropertyName: 'photo' },
			[binaryItem(bytes, 'image/png', 'menü.png', 'photo')],
		);

		expect(await parseMultipart(request)).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['text', 'Our new menu'],
			['file', { name: 'menü.png', type: 'image/png', bytes }],
		]);
	});

	it('sends a file URL as file_url', async () => {
		const { request } = await sendAndCapture({
			attachment: 'fileUrl',
			fileUrl: 'https://example.com/brochure.pdf',
		});
		expect(await parseMultipart(request)).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['file_url', 'https://example.com/brochure.pdf'],
		]);
	});

	it('sends a sticker picked from the list as sticker_id', async () => {
		const { request } = await sendAndCapture({
			attachment: 'sticker',
			stickerId: { __rl: true, mode: 'list', value: '66', cachedResultName: 'sticker7 (66)' },
		});
		expect(await parseMultipart(request)).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['sticker_id', '66'],
		]);
	});

	it('replies to a message with quoted_message_id, on a session key set on the node', async () => {
		const { request } = await sendAndCapture({
			text: 'Yes, still available',
			sessionKey: 'facebook-page-session',
			identity: '5696251489156017',
			options: { quotedMessageId: '9126' },
		});
		expect(await parseMultipart(request)).toEqual([
			['session', 'facebook-page-session'],
			['identity', '5696251489156017'],
			['text', 'Yes, still available'],
			['quoted_message_id', '9126'],
		]);
	});

	it('leaves quoted_message_id out when Quoted Message ID was added but left empty', async () => {
		const { request } = await sendAndCapture({ text: 'Hi', options: { quotedMessageId: '' } });
		expect((await parseMultipart(request)).map(([name]) => name)).toEqual([
			'session',
			'identity',
			'text',
		]);
	});

	it('sends a file of any size: iSlash documents no limit, the channel judges (here a 6 MB image)', async () => {
		const bytes = Buffer.alloc(6 * 1024 * 1024, 7);
		const { request } = await sendAndCapture({ attachment: 'binary', binaryPropertyName: 'data' }, [
			binaryItem(bytes, 'image/jpeg', 'photo.jpg'),
		]);
		const parts = await parseMultipart(request);
		expect(parts.map(([name]) => name)).toEqual(['session', 'identity', 'file']);
		expect((parts[2][1] as { bytes: Buffer }).bytes.equals(bytes)).toBe(true);
	});

	describe('refuses before sending anything', () => {
		it.each<[string, INodeParameters, INodeExecutionData[] | undefined, RegExp]>([
			[
				'no text, file, file URL or sticker',
				{ text: '  ' },
				undefined,
				/^Text \/ File \/ File URL \/ Sticker: at least one of/,
			],
			[
				'a file URL that is empty for this item, and no text',
				{ attachment: 'fileUrl', fileUrl: '={{ $json.url }}' },
				undefined,
				/^File URL: is required but empty$/,
			],
			// Not sent as text alone: the user chose to send a file
			[
				'a file URL that is empty for this item, with text',
				{ text: 'See attached', attachment: 'fileUrl', fileUrl: '={{ $json.url }}' },
				undefined,
				/^File URL: is required but empty$/,
			],
			[
				'a sticker that is empty for this item, with text',
				{
					text: 'Hi',
					attachment: 'sticker',
					stickerId: { __rl: true, mode: 'id', value: '={{ $json.sticker }}' },
				},
				undefined,
				/^Sticker: is required but empty$/,
			],
			[
				'an attachment kind the node does not know',
				{ text: 'Hi', attachment: 'image', fileUrl: 'https://example.com/a.png' },
				undefined,
				/^Attachment: "image" is not one of none, binary, fileUrl, sticker$/,
			],
			[
				'a missing binary property',
				{ attachment: 'binary', binaryPropertyName: 'photo' },
				[binaryItem(Buffer.from('x'), 'image/png', 'a.png')],
				/^Input Binary Field: the input item has no binary property "photo"/,
			],
			[
				'a file URL that is not http(s)',
				{ attachment: 'fileUrl', fileUrl: 'ftp://example.com/a.pdf' },
				undefined,
				/^File URL: "ftp:\/\/example.com\/a.pdf" is not an http\(s\) URL$/,
			],
			[
				'a sticker ID that is not a number',
				{ attachment: 'sticker', stickerId: { __rl: true, mode: 'id', value: '={{ "smile" }}' } },
				undefined,
				/^Sticker: "smile" is not a sticker ID/,
			],
			[
				'an identity that is empty for this item',
				{ identity: '={{ $json.phone }}', text: 'Hi' },
				undefined,
				/^Contact Identity: is required but empty$/,
			],
		])('%s', async (_case, parameters, items, message) => {
			const result = await runISlash({ parameters: send(parameters), items });
			expect(result.error?.message).toMatch(message);
			expect(network.unexpected).toEqual([]);
		});

		it('asks for a session key when neither the node nor the credential has one', async () => {
			const result = await runISlash({
				parameters: send({ text: 'Hi' }),
				credentials: {
					iSlashMessagingApi: { host: 'crm.islash.test', userToken: TOKEN, defaultSession: '' },
				},
			});
			expect(result.error?.message).toBe(
				'Session Key: is empty and the credential has no default session key',
			);
			expect(network.unexpected).toEqual([]);
		});
	});

	it('surfaces a non-OK meta.code on HTTP 200 with its message and trace id', async () => {
		nock(BASE)
			.post('/send-session-message')
			.reply(200, {
				meta: {
					code: 'RESP_OUTSIDE_WINDOW',
					message: 'The 24-hour window has closed',
					trace_id: '040a6b96021b42e3',
				},
				data: [],
			});

		const result = await runISlash({ parameters: send({ text: 'Hi' }) });

		expect(result.error?.message).toBe('The 24-hour window has closed');
		expect(result.error?.description).toBe(
			'iSlash code RESP_OUTSIDE_WINDOW, trace ID 040a6b96021b42e3',
		);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('200');
		expect(JSON.stringify(result.error)).not.toContain(TOKEN);
	});

	it('surfaces an HTTP error with iSlash’s own message', async () => {
		nock(BASE)
			.post('/send-session-message')
			.reply(401, { meta: { code: 'RESP_UNAUTHORIZED', message: 'Invalid user token' } });
		const result = await runISlash({ parameters: send({ text: 'Hi' }) });
		expect(result.error?.message).toBe('Invalid user token');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('401');
	});

	it('with Continue On Fail pairs an error item with its input and still sends the others', async () => {
		const seen: CapturedRequest[] = [];
		nock(BASE)
			.post('/send-session-message')
			.reply(capture(seen, okay({ message: sentMessage })));

		const result = await runISlash({
			parameters: send({ text: '={{ $json.text }}' }),
			items: [{ json: { text: '' } }, { json: { text: 'Second' } }],
			onError: 'continueErrorOutput',
		});

		expect(seen).toHaveLength(1);
		expect((await parseMultipart(seen[0]))[2]).toEqual(['text', 'Second']);
		expect(result.main).toEqual([{ json: sentMessage, pairedItem: { item: 1 } }]);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 0 });
		expect(result.errorOutput[0].json.error).toMatch(
			/at least one of Text, File, File URL, Sticker is required/,
		);
	});
});
