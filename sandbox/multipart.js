// A small multipart/form-data reader: field values, and files with their name, MIME type and size.
function parseMultipart(body, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!match) return undefined;
	const boundary = Buffer.from(`--${match[1] || match[2]}`);
	const fields = {};
	const files = {};
	let start = body.indexOf(boundary);
	for (let guard = 0; start !== -1 && guard < 1000; guard++) {
		const next = body.indexOf(boundary, start + boundary.length);
		if (next === -1) break;
		const part = body.subarray(start + boundary.length + 2, next - 2); // skip CRLF after boundary and before next
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const content = part.subarray(headerEnd + 4);
			const name = /name="([^"]*)"/i.exec(headers)?.[1];
			const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
			const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
			if (name !== undefined && filename !== undefined)
				files[name] = { filename, contentType: type, size: content.length };
			else if (name !== undefined) fields[name] = content.toString('utf8');
		}
		start = next;
	}
	return { fields, files };
}

module.exports = { parseMultipart };
