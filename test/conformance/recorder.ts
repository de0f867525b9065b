import { appendFileSync } from 'node:fs';
import { checkRequest, locate, type RecordedRequest } from './specs';

/**
 * Jest set-up file (jest.config.js `setupFilesAfterEnv`): every request a test's nock scope intercepts —
 * the request exactly as n8n sent it — is recorded, and after the file's tests each is checked against its
 * provider's spec (./specs.ts). A departure fails the test file, naming the test that sent it.
 */

interface InterceptedRequest {
	method?: string;
	path?: string;
	headers?: Record<string, unknown>;
}

const recorded: RecordedRequest[] = [];

/**
 * The requests the running test has sent, taken out of the file's check: for a test that sends a departure on
 * purpose and asserts exactly what the check says about it.
 */
export function takeRecorded(): RecordedRequest[] {
	const test = expect.getState().currentTestName;
	const mine = recorded.filter((request) => request.test === test);
	const others = recorded.filter((request) => request.test !== test);
	recorded.splice(0, recorded.length, ...others);
	return mine;
}

// nock emits 'request' on the scope whose interceptor matched, with the request and its body as sent; the
// set-up file shares the test file's module registry, so this is the nock the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- nock's Scope is not exported by its index
const { Scope } = require('nock/lib/scope') as {
	Scope: { prototype: { emit(event: string, ...args: unknown[]): boolean } };
};
const emit = Scope.prototype.emit;
Scope.prototype.emit = function (event: string, ...args: unknown[]) {
	if (event === 'request') {
		const [request, interceptor, body] = args as [
			InterceptedRequest,
			{ basePath: string },
			string | undefined,
		];
		recorded.push({
			method: (request.method ?? 'GET').toUpperCase(),
			url: new URL(request.path ?? '/', interceptor.basePath).href,
			headers: request.headers ?? {},
			body: body ?? '',
			test: expect.getState().currentTestName ?? '(outside a test)',
		});
	}
	return emit.call(this, event, ...args);
};

afterAll(() => {
	const requests = recorded.splice(0, recorded.length);
	const violations = requests.flatMap((request) =>
		checkRequest(request).map((violation) => `${request.test}\n    ${violation}`),
	);
	const summaryFile = process.env.CONFORMANCE_SUMMARY_FILE;
	if (summaryFile) {
		const counts: Record<string, number> = {};
		for (const request of requests) {
			const provider = locate(new URL(request.url))?.provider ?? 'unknown';
			counts[provider] = (counts[provider] ?? 0) + 1;
		}
		const file = expect.getState().testPath ?? '';
		appendFileSync(
			summaryFile,
			`${JSON.stringify({ file, counts, violations: violations.length })}\n`,
		);
	}
	if (violations.length) {
		throw new Error(
			`${violations.length} request(s) depart from the provider's spec (test/conformance/specs):\n${violations.join('\n')}`,
		);
	}
});
