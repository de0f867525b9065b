import { multipartBody, setMultipartBody } from '../../../nodes/shared/binary';

describe('setMultipartBody', () => {
	it('drops a Content-Type of any case so the HTTP client writes the multipart boundary itself', () => {
		const request = { body: {}, headers: { Accept: 'application/json', 'content-TYPE': 'application/json' } };
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
