import { guardNetwork } from '../../../harness/nockGuard';
import {
	BASE,
	capture,
	nock,
	okay,
	parseMultipart,
	runISlash,
	SESSION,
	template,
	TOKEN,
	type CapturedRequest,
} from '../fixtures';

const network = guardNetwork();

describe('iSlash › Template Message › Send', () => {
	it('posts the documented JSON {session, identity, template_name, variables}', async () => {
		const scope = nock(BASE, {
			reqheaders: { 'x-user-token': TOKEN, 'content-type': /^application\/json/ },
		})
			.post('/send-message', {
				session: SESSION,
				identity: '85256872847',
				template_name: 'payment_update_en',
				variable_1: '$name',
				variable_2: 'A-1024',
				button_url_variable_1: 'orders/A-1024',
			})
			.reply(200, okay({}, 'trace-1'));

		const result = await runISlash({
			parameters: template('send', {
				variables: { variable1: '$name', variable2: 'A-1024', buttonUrlVariable1: 'orders/A-1024' },
			}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main).toEqual([
			{
				json: {
					identity: '85256872847',
					templateName: 'payment_update_en',
					sent: true,
					traceId: 'trace-1',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends a header media file as multipart/form-data with a "media" file part', async () => {
		const seen: CapturedRequest[] = [];
		nock(BASE).post('/send-message').reply(capture(seen, okay()));
		const pdf = Buffer.from('%PDF-1.4 invoice\n\xff', 'latin1');

		const result = await runISlash({
			parameters: template('send', {
				templateName: { __rl: true, mode: 'name', value: 'invoice_ready' },
				variables: { variable1: 'Tom' },
				templateOptions: { mediaBinaryPropertyName: 'invoice' },
			}),
			items: [
				{
					json: {},
					binary: {
						invoice: {
							data: pdf.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'invoice.pdf',
						},
					},
				},
			],
		});

		expect(result.error).toBeUndefined();
		expect(seen[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(await parseMultipart(seen[0])).toEqual([
			['session', SESSION],
			['identity', '85256872847'],
			['template_name', 'invoice_ready'],
			['variable_1', 'Tom'],
			['media', { name: 'invoice.pdf', type: 'application/pdf', bytes: pdf }],
		]);
	});

	it.each([
		['a newline', 'line one\nline two'],
		['a tab', 'a\tb'],
		['five spaces in a row', 'a     b'],
	])('refuses a variable with %s before sending', async (_case, value) => {
		const result = await runISlash({
			parameters: template('send', { variables: { variable2: value } }),
		});
		expect(result.error?.message).toBe(
			'Variable 2: must not contain newlines, tabs or more than 4 consecutive spaces (iSlash refuses them)',
		);
		expect(network.unexpected).toEqual([]);
	});

	it('surfaces a non-OK meta.code', async () => {
		nock(BASE)
			.post('/send-message')
			.reply(200, { meta: { code: 'RESP_TEMPLATE_NOT_FOUND', message: 'Template not found' } });
		const result = await runISlash({ parameters: template('send') });
		expect(result.error?.message).toBe('Template not found');
		expect(result.error?.description).toBe('iSlash code RESP_TEMPLATE_NOT_FOUND');
	});
});
