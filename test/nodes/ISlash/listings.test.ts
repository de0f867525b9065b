import { ISlashApi } from '../../../credentials/ISlashApi.credentials';
import { ISlash } from '../../../nodes/ISlash/ISlash.node';
import { runListSearch } from '../../harness/loadOptions';
import { guardNetwork } from '../../harness/nockGuard';
import { BASE, credentials, nock, okay, runISlash, SESSION, TOKEN } from './fixtures';

const network = guardNetwork();

const stickers = [
	{ id: 66, name: 'sticker7', type: 'image/webp', width: 512, height: 512 },
	{ id: 67, name: 'sticker5', type: 'image/webp', width: 512, height: 512 },
];
const templates = [
	{ id: 19, name: 'payment_update_en', language: 'en_US', status: 'APPROVED', category: 'PAYMENT_UPDATE', components: [] },
	{ id: 20, name: 'order_shipped_zh', language: 'zh_HK', status: 'PENDING', components: [] },
];
const contact = (id: number) => ({ id, first_name: 'Tom', last_name: `Chan ${id}`, identity: `852900000${id}`, labels: 'Paid' });

describe('iSlash › Template › Get Many', () => {
	it('posts {session} to /template-message and returns one item per template', async () => {
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.post('/template-message', { session: SESSION })
			.reply(200, okay({ templates }));

		const result = await runISlash({ parameters: { resource: 'template', operation: 'getAll', returnAll: true } });

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main).toEqual(templates.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('applies Limit to the whole list iSlash returns', async () => {
		nock(BASE).post('/template-message').reply(200, okay({ templates }));
		const result = await runISlash({ parameters: { resource: 'template', operation: 'getAll', returnAll: false, limit: 1 } });
		expect(result.main.map((item) => item.json.name)).toEqual(['payment_update_en']);
	});
});

describe('iSlash › Sticker › Get Many', () => {
	it('gets /sticker?session= with the node’s session key and returns the stickers', async () => {
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.get('/sticker')
			.query({ session: 'other-channel' })
			.reply(200, okay({ stickers }));

		const result = await runISlash({
			parameters: { resource: 'sticker', operation: 'getAll', returnAll: true, sessionKey: 'other-channel' },
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main.map((item) => item.json)).toEqual(stickers);
	});
});

describe('iSlash › Contact › Get Many (by label)', () => {
	it('walks every page with Return All: page=1,2… per_page=30 until a short page', async () => {
		const firstPage = Array.from({ length: 30 }, (_, i) => contact(i + 1));
		const secondPage = [contact(31), contact(32)];
		const scope = nock(BASE)
			.post('/chat-label/customers')
			.query({ session: SESSION, label_id: '2,3', page: '1', per_page: '30' })
			.reply(200, okay({ contacts: firstPage, pagination: { 'has-more-page': true, 'per-page': 30 } }))
			.post('/chat-label/customers')
			.query({ session: SESSION, label_id: '2,3', page: '2', per_page: '30' })
			.reply(200, okay({ contacts: secondPage, pagination: { 'has-more-page': false, 'per-page': 30 } }));

		const result = await runISlash({
			parameters: { resource: 'contact', operation: 'getAll', labelIds: ' 2, 3 ', returnAll: true },
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main).toHaveLength(32);
		expect(result.main[31]).toEqual({ json: contact(32), pairedItem: { item: 0 } });
	});

	it('stops at Limit', async () => {
		const scope = nock(BASE)
			.post('/chat-label/customers')
			.query({ session: SESSION, label_id: 'all', page: '1', per_page: '30' })
			.reply(200, okay({ contacts: Array.from({ length: 30 }, (_, i) => contact(i + 1)) }));

		const result = await runISlash({ parameters: { resource: 'contact', operation: 'getAll', labelIds: 'ALL', limit: 5 } });

		scope.done();
		expect(result.main.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it.each([
		['without the contacts list', okay({ customers: [contact(1)] })],
		['with data as a list', okay([contact(1)])],
	])('an answer %s is an error saying what was expected, not 0 items', async (_case, answer) => {
		nock(BASE).post('/chat-label/customers').query(true).reply(200, answer);
		const result = await runISlash({ parameters: { resource: 'contact', operation: 'getAll', labelIds: 'all', returnAll: true } });
		expect(result.error?.message).toBe('iSlash answered without the list of contacts it documents (data.contacts)');
	});

	it('an answer whose contacts list is null is no contacts', async () => {
		nock(BASE).post('/chat-label/customers').query(true).reply(200, okay({ contacts: null }));
		const result = await runISlash({ parameters: { resource: 'contact', operation: 'getAll', labelIds: 'all', returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([]);
	});

	it('refuses label IDs that are neither "all" nor numbers', async () => {
		const result = await runISlash({ parameters: { resource: 'contact', operation: 'getAll', labelIds: 'Paid,3' } });
		expect(result.error?.message).toBe('Label IDs: "Paid,3" is neither "all" nor label IDs separated by commas');
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces a non-OK meta.code of a page', async () => {
		nock(BASE)
			.post('/chat-label/customers')
			.query(true)
			.reply(200, { meta: { code: 'RESP_INVALID_SESSION', message: 'Invalid session', trace_id: 'abc123' } });
		const result = await runISlash({ parameters: { resource: 'contact', operation: 'getAll', labelIds: 'all', returnAll: true } });
		expect(result.error?.message).toBe('Invalid session');
		expect(result.error?.description).toBe('iSlash code RESP_INVALID_SESSION, trace ID abc123');
	});
});

describe('iSlash › Label › Attach / Detach', () => {
	it('attaches with POST /chat-label?session&identity&label and no body', async () => {
		let body: unknown;
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.post('/chat-label')
			.query({ session: SESSION, identity: '85256872847', label: 'Pending Payment' })
			.reply(200, (_uri, requestBody) => {
				body = requestBody;
				return okay();
			});

		const result = await runISlash({
			parameters: { resource: 'label', operation: 'attach', identity: '85256872847', label: 'Pending Payment' },
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(body).toBe('');
		expect(result.main).toEqual([
			{ json: { identity: '85256872847', label: 'Pending Payment', attached: true }, pairedItem: { item: 0 } },
		]);
	});

	it('detaches with DELETE /chat-label?session&hash&label for a contact given by hash', async () => {
		const scope = nock(BASE)
			.delete('/chat-label')
			.query({ session: SESSION, hash: 'c0ffee42', label: 'Paid' })
			.reply(200, okay());

		const result = await runISlash({
			parameters: { resource: 'label', operation: 'detach', contactBy: 'hash', hash: 'c0ffee42', label: 'Paid' },
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main[0].json).toEqual({ hash: 'c0ffee42', label: 'Paid', detached: true });
	});

	it('refuses an empty label before sending', async () => {
		const result = await runISlash({
			parameters: { resource: 'label', operation: 'attach', identity: '85256872847', label: '={{ $json.label }}' },
		});
		expect(result.error?.message).toBe('Label: is required but empty');
		expect(network.unexpected).toEqual([]);
	});
});

describe('iSlash › list searches', () => {
	const search = (method: string, filter?: string, parameters = {}) =>
		runListSearch({ nodeType: new ISlash(), method, filter, parameters, credentials, credentialTypes: [new ISlashApi()] });

	it("lists the channel's stickers for the sticker picker, filtered by name", async () => {
		const scope = nock(BASE, { reqheaders: { 'x-user-token': TOKEN } })
			.get('/sticker')
			.query({ session: SESSION })
			.twice()
			.reply(200, okay({ stickers }));

		expect(await search('searchStickers')).toEqual({
			results: [
				{ name: 'sticker7 (66)', value: '66' },
				{ name: 'sticker5 (67)', value: '67' },
			],
		});
		expect((await search('searchStickers', 'KER5')).results).toEqual([{ name: 'sticker5 (67)', value: '67' }]);
		scope.done();
	});

	it('lists templates by name for the template picker, with the node’s session key', async () => {
		const scope = nock(BASE)
			.post('/template-message', { session: 'page-session' })
			.reply(200, okay({ templates }));

		expect(await search('searchTemplates', undefined, { sessionKey: 'page-session' })).toEqual({
			results: [
				{ name: 'payment_update_en (en_US, APPROVED)', value: 'payment_update_en' },
				{ name: 'order_shipped_zh (zh_HK, PENDING)', value: 'order_shipped_zh' },
			],
		});
		scope.done();
	});

	it('throws iSlash’s message when the listing fails', async () => {
		nock(BASE).get('/sticker').query(true).reply(200, { meta: { code: 'RESP_INVALID_SESSION', message: 'Invalid session' } });
		await expect(search('searchStickers')).rejects.toThrow('Invalid session');
	});

	it('throws iSlash’s message and the HTTP status when the listing is refused with an error status', async () => {
		nock(BASE).post('/template-message').reply(403, { meta: { code: 'RESP_FORBIDDEN', message: 'Token has no access to this channel' } });
		const failure = (await search('searchTemplates').catch((error: unknown) => error)) as { message: string; httpCode: string; description: string };
		expect({ message: failure.message, httpCode: failure.httpCode }).toEqual({ message: 'Token has no access to this channel', httpCode: '403' });
		expect(JSON.stringify(failure)).not.toContain(TOKEN);
	});
});
