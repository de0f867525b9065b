import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import { chatMessageSendProperties } from '../../../../nodes/SuperOffice/resources/chatMessage/send';
import {
	APP_TOKEN,
	BASE,
	BASIC,
	HOST,
	BEARER,
	byId,
	basicCredentials,
	oAuth2Credentials,
	OAUTH_ACCESS_TOKEN,
	runSuperOffice,
	TICKET,
	ticketCredentials,
} from '../fixtures';
import superOfficeChatSessionSwagger from '../../../conformance/specs/superoffice-Swagger-v1-ChatSession-messaging.json';

/** The SpecialType enum of the ChatMessage carrier in SuperOffice's Swagger (vendored in test/conformance/specs). */
const SPEC_SPECIAL_TYPES = (
	superOfficeChatSessionSwagger.definitions['SuperOffice.CRM.Services.ChatMessage'].properties
		.SpecialType as { enum: string[] }
).enum;

const stored = {
	ChatMessageId: 568,
	ChatSessionId: 7,
	Type: 'ToCustomer',
	Message: 'Hello',
	Author: 'Bot',
	ReadByCustomer: 0,
	SpecialType: 'None',
	SpecialParam: '',
	WhenPosted: '2026-11-22T10:00:00Z',
};

const send = (parameters: Record<string, unknown>) => ({
	resource: 'chatMessage',
	operation: 'send',
	chatSessionId: byId('7'),
	message: 'Hello',
	...parameters,
});

const network = guardNetwork();

describe('SuperOffice › Chat Message › Send', () => {
	it('offers all 18 special types of SuperOffice’s ChatMessage.SpecialType, IllegalFileType included, each described, and shows Special Type for every Type (SuperOffice’s chatbot sends Options as ToCustomer)', () => {
		const specialType = chatMessageSendProperties.find(
			(property) => property.name === 'specialType',
		)!;
		const options = specialType.options as Array<{ value: string; description?: string }>;
		expect(options.map((option) => option.value).sort()).toEqual([...SPEC_SPECIAL_TYPES].sort());
		expect(options).toHaveLength(18);
		expect(options.find((option) => option.value === 'IllegalFileType')?.description).toBe(
			'The notice that an uploaded file has a type that is not allowed',
		);
		expect(options.filter((option) => !option.description)).toEqual([]);
		expect(specialType.displayOptions?.show).not.toHaveProperty('type');
	});

	it('posts the ChatMessage with a Bearer token and Type ToCustomer; an empty When Posted is left to SuperOffice', async () => {
		const scope = nock(BASE, {
			reqheaders: {
				authorization: BEARER,
				'content-type': /application\/json/,
				accept: 'application/json',
			},
		})
			.post('/api/v1/ChatSession/7/Messages', (sent) => {
				expect(sent).toEqual({
					ChatMessageId: 0,
					ChatSessionId: 7,
					Type: 'ToCustomer',
					Message: 'Hello',
					ReadByCustomer: 0,
					SpecialType: 'None',
				});
				return true;
			})
			.reply(200, stored);

		const result = await runSuperOffice({
			parameters: send({ additionalFields: { whenPosted: '' } }),
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('sends the message text exactly as written: indentation and trailing newlines kept', async () => {
		const scope = nock(BASE)
			.post('/api/v1/ChatSession/7/Messages', (sent) => sent.Message === '  line1\n  indented\n')
			.reply(200, stored);
		const result = await runSuperOffice({ parameters: send({ message: '  line1\n  indented\n' }) });
		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('sends SOTicket with SO-AppToken, the locale headers and every ChatMessage field; Options become a JSON array', async () => {
		const scope = nock(BASE, {
			reqheaders: {
				authorization: `SOTicket ${TICKET}`,
				'so-apptoken': APP_TOKEN,
				'so-language': 'en',
				'so-culture': 'nb',
				'so-timezone': 'UTC',
			},
		})
			.post('/api/v1/ChatSession/7/Messages', {
				ChatMessageId: 0,
				ChatSessionId: 7,
				Type: 'ToCustomer',
				Message: 'What do you need?',
				Author: 'Helper bot',
				ReadByCustomer: 1,
				SpecialType: 'Options',
				SpecialParam: '["Sales","Support, \\"urgent\\""]',
				WhenPosted: '2026-11-22T09:30:00.000Z',
			})
			.reply(200, stored);

		const result = await runSuperOffice({
			credentials: ticketCredentials,
			parameters: send({
				message: 'What do you need?',
				specialType: 'Options',
				choices: { choice: [{ text: 'Sales' }, { text: 'Support, "urgent"' }] },
				additionalFields: {
					author: 'Helper bot',
					readByCustomer: true,
					whenPosted: '2026-11-22T10:30:00+01:00',
				},
			}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('sends a special type with its parameter and an empty Message when there is no text (Type Special, URL)', async () => {
		const scope = nock(BASE)
			.post(
				'/api/v1/ChatSession/7/Messages',
				(body) =>
					body.Type === 'Special' &&
					body.SpecialType === 'Url' &&
					body.SpecialParam === 'https://example.com/help' &&
					body.Message === '',
			)
			.reply(200, stored);

		const result = await runSuperOffice({
			parameters: send({
				message: '',
				type: 'Special',
				specialType: 'Url',
				specialParam: 'https://example.com/help',
			}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('uses Basic auth and an exact onsite API URL (a pasted /api/v1/ is dropped)', async () => {
		const scope = nock('https://crm.example.com', { reqheaders: { authorization: BASIC } })
			.post('/SuperOffice/api/v1/ChatSession/7/Messages')
			.reply(200, stored);

		const result = await runSuperOffice({ credentials: basicCredentials, parameters: send({}) });

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('signs with the OAuth2 access token and builds the URL from environment and tenant', async () => {
		const scope = nock(BASE, {
			reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}`, 'so-language': 'sv' },
		})
			.post('/api/v1/ChatSession/7/Messages', (body) => body.Message === 'Hello')
			.reply(200, stored);

		const result = await runSuperOffice({
			credentials: oAuth2Credentials({ language: 'sv' }),
			parameters: send({}),
		});

		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual(stored);
		scope.done();
	});

	it('uses the OAuth2 credential’s exact API URL for a numbered host', async () => {
		const scope = nock('https://sod2.superoffice.com', {
			reqheaders: { authorization: `Bearer ${OAUTH_ACCESS_TOKEN}` },
		})
			.post('/Cust12345/api/v1/ChatSession/7/Messages')
			.reply(200, stored);

		const result = await runSuperOffice({
			credentials: oAuth2Credentials({ apiUrl: 'https://sod2.superoffice.com/Cust12345' }),
			parameters: send({}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
	});

	it.each([
		['abc', 'Chat Session: "abc" is not a SuperOffice ID'],
		['0', 'Chat Session: "0" is not a SuperOffice ID'],
		['-4', 'Chat Session: "-4" is not a SuperOffice ID'],
		['7.5', 'Chat Session: "7.5" is not a SuperOffice ID'],
		['', 'Chat Session: is required but empty'],
	])('refuses chat session ID %p (from an expression) before any request', async (id, message) => {
		// Static values are already refused by the locator's own check; expressions reach the node.
		const result = await runSuperOffice({
			items: [{ json: { id } }],
			parameters: send({ chatSessionId: byId('={{ $json.id }}') }),
		});
		expect(result.error?.message).toBe(message);
		expect(network.unexpected).toEqual([]);
	});

	it('refuses an empty message for a plain message', async () => {
		const result = await runSuperOffice({ parameters: send({ message: '  ' }) });
		expect(result.error?.message).toBe('Message: is required but empty');
		expect(network.unexpected).toEqual([]);
	});

	it('refuses the Options special type without options, and an empty option', async () => {
		const none = await runSuperOffice({
			parameters: send({ specialType: 'Options', choices: {} }),
		});
		expect(none.error?.message).toBe(
			'Options: add at least one option for the Options special type',
		);
		const empty = await runSuperOffice({
			parameters: send({
				specialType: 'Options',
				choices: { choice: [{ text: 'A' }, { text: ' ' }] },
			}),
		});
		expect(empty.error?.message).toBe('Options › Option 2 › Text: is required but empty');
		expect(network.unexpected).toEqual([]);
	});

	it('refuses a When Posted that is not a date, and a Type that is not one of the choices', async () => {
		const date = await runSuperOffice({
			parameters: send({ additionalFields: { whenPosted: 'yesterday' } }),
		});
		expect(date.error?.message).toBe('When Posted: "yesterday" is not a date and time');
		const type = await runSuperOffice({ parameters: send({ type: 'Invalid' }) });
		expect(type.error?.message).toBe('Type: "Invalid" is not one of ToCustomer, ToUser, Special');
		expect(network.unexpected).toEqual([]);
	});

	it('reports SuperOffice’s Error / ErrorType with the HTTP status', async () => {
		nock(BASE)
			.post('/api/v1/ChatSession/99/Messages')
			.reply(404, { Error: 'Chat session 99 not found', ErrorType: 'NotFoundException' });

		const result = await runSuperOffice({ parameters: send({ chatSessionId: byId(99) }) });

		expect(result.error?.message).toBe('Chat session 99 not found');
		expect(result.error?.description).toBe('NotFoundException');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});

	it('reports a plain-text error answer as it is', async () => {
		nock(BASE).post('/api/v1/ChatSession/7/Messages').reply(400, 'Message too long');
		const result = await runSuperOffice({ parameters: send({}) });
		expect(result.error?.message).toBe('Message too long');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('400');
	});

	it('reports a 401 with the provider’s message and never retries it with a static token', async () => {
		const scope = nock(BASE)
			.post('/api/v1/ChatSession/7/Messages')
			.once()
			.reply(401, { Message: 'Invalid ticket' });
		const result = await runSuperOffice({ parameters: send({}) });
		expect(result.error?.message).toBe('Invalid ticket');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('401');
		scope.done();
		expect(network.unexpected).toEqual([]);
	});

	it('with Continue On Fail pairs an error item with its input and sends the other items', async () => {
		const scope = nock(BASE)
			.post('/api/v1/ChatSession/8/Messages', (body) => body.Message === 'second')
			.reply(200, { ...stored, ChatSessionId: 8 });

		const result = await runSuperOffice({
			onError: 'continueRegularOutput',
			items: [{ json: { id: 'x', text: 'first' } }, { json: { id: 8, text: 'second' } }],
			parameters: send({ chatSessionId: byId('={{ $json.id }}'), message: '={{ $json.text }}' }),
		});

		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(2);
		const byItem = Object.fromEntries(
			result.main.map((item) => [(item.pairedItem as { item: number }).item, item.json]),
		);
		expect(byItem[0]).toEqual({
			error: 'Chat Session: "x" is not a SuperOffice ID',
			details: { description: 'Use a whole number from 1 up, e.g. 42' },
		});
		expect(byItem[1]).toEqual({ ...stored, ChatSessionId: 8 });
		scope.done();
	});

	it('refreshes an expired OAuth2 token once and sends the message once', async () => {
		let posts = 0;
		const api = nock(BASE)
			.post('/api/v1/ChatSession/7/Messages')
			.matchHeader('authorization', `Bearer ${OAUTH_ACCESS_TOKEN}`)
			.reply(() => {
				posts++;
				return [401, { Message: 'Token expired' }];
			})
			.post('/api/v1/ChatSession/7/Messages')
			.matchHeader('authorization', 'Bearer refreshed-token-2')
			.reply(() => {
				posts++;
				return [200, stored];
			});
		const login = nock(HOST)
			.post(
				'/login/common/oauth/tokens',
				(body) => body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-1',
			)
			.reply(200, {
				access_token: 'refreshed-token-2',
				token_type: 'Bearer',
				expires_in: 3600,
				refresh_token: 'refresh-2',
			});

		const result = await runSuperOffice({ credentials: oAuth2Credentials(), parameters: send({}) });

		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		expect(posts).toBe(2);
		api.done();
		login.done();
		const saved = result.credentialsHelper.store.get('superOfficeMessagingOAuth2Api')
			?.oauthTokenData as {
			access_token: string;
		};
		expect(saved.access_token).toBe('refreshed-token-2');
	});

	it('never puts the token in an error', async () => {
		nock(BASE).post('/api/v1/ChatSession/7/Messages').reply(500, { Message: 'Server error' });
		const result = await runSuperOffice({ parameters: send({}) });
		expect(JSON.stringify(result.error)).not.toContain('access-token-abc123');
	});
});
