import { multipartBody, setMultipartBody } from '../../../nodes/shared/binary';
import { guardNetwork } from '../../harness/nockGuard';
import { runISlash } from '../ISlash/fixtures';

describe('setMultipartBody', () => {
	it('drops a Content-Type of any case so the HTTP client writes the multipart boundary itself', () => {
		const request = {
			body: {},
			headers: { Accept: 'application/json', 'content-TYPE': 'application/json' },
		};
		const form = multipartBody({ a: '1' });
		setMultipartBody(request, form);
		expect(request.headers).toEqual({ Accept: 'application/json' });
		expect(request.body).toBe(form);
	});

	it('works on a request without headers', () => {
		const request: { body?: unknown } = {};
		setMultipartBody(request, multipartBody({}));
		expect(request.body).toBeInstanceOf(FormData);
	});
});

describe('readBinaryFile (through the iSlash node and n8n’s engine)', () => {
	const network = guardNetwork();

	it.each(['toString', '__proto__', 'constructor'])(
		'a binary property named %p that the item does not have is refused, naming the field',
		async (name) => {
			const result = await runISlash({
				parameters: {
					resource: 'sessionMessage',
					operation: 'send',
					identity: '85256872847',
					text: 'x',
					attachment: 'binary',
					binaryPropertyName: name,
				},
				items: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.from('png').toString('base64'),
								mimeType: 'image/png',
								fileName: 'a.png',
							},
						},
					},
				],
			});
			expect(result.error?.message).toMatch(
				new RegExp(`the input item has no binary property "${name}"`),
			);
			expect(network.unexpected).toEqual([]);
		},
	);
});
