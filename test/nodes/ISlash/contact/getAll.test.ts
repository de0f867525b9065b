import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, runISlash, SESSION } from '../fixtures';

const network = guardNetwork();

const contact = (id: number) => ({
	id,
	first_name: 'Tom',
	last_name: `Chan ${id}`,
	identity: `852900000${id}`,
	labels: 'Paid',
});

describe('iSlash › Contact › Get Many (by label)', () => {
	it('walks every page with Return All: page=1,2… per_page=30 until a short page', async () => {
		const firstPage = Array.from({ length: 30 }, (_, i) => contact(i + 1));
		const secondPage = [contact(31), contact(32)];
		const scope = nock(BASE)
			.post('/chat-label/customers')
			.query({ session: SESSION, label_id: '2,3', page: '1', per_page: '30' })
			.reply(
				200,
				okay({ contacts: firstPage, pagination: { 'has-more-page': true, 'per-page': 30 } }),
			)
			.post('/chat-label/customers')
			.query({ session: SESSION, label_id: '2,3', page: '2', per_page: '30' })
			.reply(
				200,
				okay({ contacts: secondPage, pagination: { 'has-more-page': false, 'per-page': 30 } }),
			);

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

		const result = await runISlash({
			parameters: { resource: 'contact', operation: 'getAll', labelIds: 'ALL', limit: 5 },
		});

		scope.done();
		expect(result.main.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it.each([
		['without the contacts list', okay({ customers: [contact(1)] })],
		['with data as a list', okay([contact(1)])],
	])('an answer %s is an error saying what was expected, not 0 items', async (_case, answer) => {
		nock(BASE).post('/chat-label/customers').query(true).reply(200, answer);
		const result = await runISlash({
			parameters: { resource: 'contact', operation: 'getAll', labelIds: 'all', returnAll: true },
		});
		expect(result.error?.message).toBe(
			'iSlash answered without the list of contacts it documents (data.contacts)',
		);
	});

	it('an answer whose contacts list is null is no contacts', async () => {
		nock(BASE)
			.post('/chat-label/customers')
			.query(true)
			.reply(200, okay({ contacts: null }));
		const result = await runISlash({
			parameters: { resource: 'contact', operation: 'getAll', labelIds: 'all', returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([]);
	});

	it('refuses label IDs that are neither "all" nor numbers', async () => {
		const result = await runISlash({
			parameters: { resource: 'contact', operation: 'getAll', labelIds: 'Paid,3' },
		});
		expect(result.error?.message).toBe(
			'Label IDs: "Paid,3" is neither "all" nor label IDs separated by commas',
		);
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces a non-OK meta.code of a page', async () => {
		nock(BASE)
			.post('/chat-label/customers')
			.query(true)
			.reply(200, {
				meta: { code: 'RESP_INVALID_SESSION', message: 'Invalid session', trace_id: 'abc123' },
			});
		const result = await runISlash({
			parameters: { resource: 'contact', operation: 'getAll', labelIds: 'all', returnAll: true },
		});
		expect(result.error?.message).toBe('Invalid session');
		expect(result.error?.description).toBe('iSlash code RESP_INVALID_SESSION, trace ID abc123');
	});
});
