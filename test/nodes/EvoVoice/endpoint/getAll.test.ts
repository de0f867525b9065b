import nock from 'nock';
import { guardNetwork } from '../../../harness/nockGuard';
import type { INodeProperties } from 'n8n-workflow';
import { endpointGetAllProperties } from '../../../../nodes/EvoVoice/resources/endpoint/getAll';
import { BASE, BASIC, runEvoVoice } from '../fixtures';

const network = guardNetwork();

const endpoint = (id: string) => ({
	id,
	displayName: `Line ${id}`,
	type: 'PhoneNumber',
	phoneNumber: '+15550001111',
});

describe('EvoVoice › Endpoint › Get Many', () => {
	it('sends the filters, type and paging', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: BASIC } })
			.get('/endpoints')
			.query({
				accountIds: 'a1',
				customerIds: 'c1',
				flowIds: 'f1,f2',
				tagIds: 't1',
				nameFilter: 'Sales',
				phoneNumberFilter: '555',
				type: 'PhoneNumber',
				page: '0',
				countPerPage: '50',
			})
			.reply(200, { items: [endpoint('e1')], totalCount: 1 });

		const result = await runEvoVoice({
			parameters: {
				resource: 'endpoint',
				operation: 'getAll',
				filters: {
					accountIds: ['a1'],
					customerIds: 'c1',
					flowIds: 'f1, f2',
					tagIds: 't1',
					nameFilter: 'Sales',
					phoneNumberFilter: '555',
					type: 'PhoneNumber',
				},
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json)).toEqual([endpoint('e1')]);
		scope.done();
	});

	it('Return All walks the pages', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, i) => endpoint(`e${from + i}`));
		const scope = nock(BASE)
			.get('/endpoints')
			.query({ page: '0', countPerPage: '100' })
			.reply(200, { items: page(0, 100) })
			.get('/endpoints')
			.query({ page: '1', countPerPage: '100' })
			.reply(200, { items: page(100, 100) })
			.get('/endpoints')
			.query({ page: '2', countPerPage: '100' })
			.reply(200, { items: [] });

		const result = await runEvoVoice({
			parameters: { resource: 'endpoint', operation: 'getAll', returnAll: true },
		});
		expect(result.main).toHaveLength(200);
		scope.done();
	});

	it('Type is free text, suggesting the type EvoVoice’s own tools name, and sends any other type as given', async () => {
		const filters = endpointGetAllProperties.find((property) => property.name === 'filters')!;
		const type = (filters.options as INodeProperties[]).find((option) => option.name === 'type')!;
		expect(type).toMatchObject({ type: 'string', default: '', placeholder: 'PhoneNumber' });

		const scope = nock(BASE)
			.get('/endpoints')
			.query({ type: 'FaxNumber', page: '0', countPerPage: '50' })
			.reply(200, { items: [] });
		const result = await runEvoVoice({
			parameters: { resource: 'endpoint', operation: 'getAll', filters: { type: 'FaxNumber' } },
		});
		expect(result.error).toBeUndefined();
		scope.done();
		expect(network.unexpected).toEqual([]);
	});

	it('explains a 403 for a login without a Manager role', async () => {
		nock(BASE)
			.get('/endpoints')
			.query(true)
			.reply(403, { responseStatus: { errorCode: 'Forbidden', message: 'Invalid Role' } });
		const result = await runEvoVoice({ parameters: { resource: 'endpoint', operation: 'getAll' } });
		expect(result.error?.message).toBe('Invalid Role');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('403');
	});
});
