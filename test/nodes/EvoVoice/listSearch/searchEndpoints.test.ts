import nock from 'nock';
import { searchEndpoints } from '../../../../nodes/EvoVoice/listSearch/searchEndpoints';
import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, BASIC, context } from '../fixtures';

guardNetwork();

describe('EvoVoice › endpoint list search', () => {
	it('starts at page 0 and hands out the next page while pages are full', async () => {
		const items = Array.from({ length: 100 }, (_, i) => ({
			id: `e${i}`,
			displayName: `Line ${i}`,
		}));
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/endpoints')
			.query({ type: 'PhoneNumber', nameFilter: 'Sales', page: '0', countPerPage: '100' })
			.reply(200, { items, totalCount: 150, totalPages: 2 })
			.get('/endpoints')
			.query({ type: 'PhoneNumber', nameFilter: 'Sales', page: '1', countPerPage: '100' })
			.reply(200, {
				items: [{ id: 'e100', phoneNumber: '+15550000100' }],
				totalCount: 150,
				totalPages: 2,
			});

		const first = await searchEndpoints.call(context(), 'Sales');
		expect(first.results[0]).toEqual({ name: 'Line 0', value: 'e0' });
		expect(first.paginationToken).toBe('1');
		const second = await searchEndpoints.call(context(), 'Sales', first.paginationToken as string);
		expect(second).toEqual({
			results: [{ name: '+15550000100', value: 'e100' }],
			paginationToken: undefined,
		});
		scope.done();
	});

	it('searches by number when the text looks like one', async () => {
		const scope = nock(BASE)
			.get('/endpoints')
			.query({ type: 'PhoneNumber', phoneNumberFilter: '+1 555', page: '0', countPerPage: '100' })
			.reply(200, { items: [] });
		expect((await searchEndpoints.call(context(), '+1 555')).results).toEqual([]);
		scope.done();
	});
});
