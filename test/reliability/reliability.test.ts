import fc from 'fast-check';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';
import type { RunResult } from '../harness/engine';
import { guardNetwork } from '../harness/nockGuard';
import { capture, type CapturedRequest } from '../nodes/ISlash/fixtures';
import {
	changedBody,
	refOf,
	countRequests,
	drive,
	inputItems,
	nock,
	NODE_ERRORS,
	REF_EXPRESSION,
	requestProblems,
	runError,
	total,
	type RunError,
} from './drive';
import { Ledger } from './ledger';
import {
	operationName,
	SEND_OPERATIONS,
	TRIGGERS,
	type ProviderEntry,
	type SendOperation,
} from './matrix';

/**
 * The cross-provider reliability matrix (issue 8): every send operation of every provider (matrix.ts)
 * through n8n's real engine against nock — bad input, provider faults, nothing lost, no duplicates, no
 * leaked secrets, fuzzing — and the webhook triggers against forged deliveries. Prints its table and
 * counts when done, and fails unless lost = duplicated = leaked = 0.
 */

const network = guardNetwork();
const ledger = new Ledger();
const started = Date.now();

/** n8n's log lines (LoggerProxy), scanned for secrets with everything else. */
const logLines: unknown[] = [];
beforeAll(() => {
	const keep = (level: string) => (message: string, meta?: unknown) =>
		logLines.push([level, message, meta]);
	LoggerProxy.init({
		error: keep('error'),
		warn: keep('warn'),
		info: keep('info'),
		debug: keep('debug'),
	} as never);
});
beforeEach(() => {
	logLines.length = 0;
});

afterAll(() => {
	process.stdout.write(ledger.summary(Date.now() - started));
});

/** Scans everything a run produced for the provider's secrets. */
function leaksOf(
	where: string,
	provider: ProviderEntry,
	run: { result?: RunResult; thrown?: unknown },
	extra: unknown[] = [],
) {
	const { result, thrown } = run;
	return ledger.scan(
		where,
		provider.secrets,
		result?.main,
		result?.errorOutput,
		result?.error,
		result?.run,
		thrown,
		logLines,
		...extra,
	);
}

const isWorkflowIssue = (thrown: unknown) =>
	(thrown as Error | undefined)?.name === 'WorkflowHasIssuesError';

const errorText = (item: INodeExecutionData | undefined) =>
	typeof item?.json.error === 'string' ? item.json.error : undefined;
const describeError = (error: RunError | undefined) =>
	error
		? `${error.name}: ${error.message}${error.httpCode ? ` [${error.httpCode}]` : ''}`
		: 'no error';

// ---------------------------------------------------------------------------------------------------
describe('0. The table itself: each valid send makes exactly the documented request', () => {
	it.each(SEND_OPERATIONS.map((op) => [operationName(op), op] as const))('%s', async (name, op) => {
		const seen: CapturedRequest[] = [];
		op.provider.prepare?.();
		op.intercept().reply(capture(seen, op.success.body, op.success.status));
		const run = await drive(op);
		const problems = [
			...(run.thrown ? [`threw ${String(run.thrown)}`] : []),
			...(run.result?.error ? [`failed: ${describeError(runError(run.result))}`] : []),
			...(await requestProblems(seen, op.expected)),
		];
		const main = run.result?.main ?? [];
		if (main.length !== 1 || (main[0].pairedItem as { item: number }).item !== 0)
			problems.push('not one output item paired with item 0');
		problems.push(...leaksOf(`${name} valid`, op.provider, run));
		ledger.record(
			'0 valid send',
			name,
			'valid parameters',
			problems.length ? problems.join('; ') : `sent ${op.expected.path}`,
			problems,
		);
		expect(problems).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------
describe('1. Bad input: refused naming the field, before any request (or deliberately accepted)', () => {
	const cases = SEND_OPERATIONS.flatMap((op) =>
		op.badInputs.map((bad) => [operationName(op), bad.name, op, bad] as const),
	);

	it.each(cases)('%s › %s', async (name, caseName, op, bad) => {
		const problems: string[] = [];
		let outcome: string;
		if (bad.accepted) {
			const seen: CapturedRequest[] = [];
			// Any path: an accepted value may change it (a session ID in the URL).
			nock(op.provider.origin)
				.post(() => true)
				.reply(capture(seen, op.success.body, op.success.status));
			const run = await drive(op, { set: bad.set, items: bad.items });
			if (run.result?.error || run.thrown)
				problems.push(`refused: ${describeError(runError(run.result))}`);
			const expected = {
				path: bad.accepted.path ?? op.expected.path,
				body: changedBody(op.expected.body, bad.accepted.body),
			};
			problems.push(
				...(await requestProblems(seen, expected)),
				...leaksOf(`${name} ${caseName}`, op.provider, run),
			);
			outcome = `accepted (${bad.accepted.why}): sent ${JSON.stringify(bad.accepted.body)}${bad.accepted.path ? ` to ${bad.accepted.path}` : ''}`;
		} else {
			const label = bad.refused!;
			const stopped = await drive(op, { set: bad.set, items: bad.items });
			const error = runError(stopped.result);
			if (isWorkflowIssue(stopped.thrown)) {
				// n8n itself refuses to start a workflow whose required parameter is empty (the editor marks
				// the field): no execution, no request, and the issue names the field.
				const message = (stopped.thrown as Error).message;
				if (!message.includes(`"${label}"`))
					problems.push(`n8n's refusal "${message}" does not name ${label}`);
				outcome = `refused by n8n before the run: ${message.split('\n').slice(1).join(' ')}`;
			} else {
				if (stopped.thrown) problems.push(`threw ${String(stopped.thrown)}`);
				if (!error) problems.push('not refused');
				else {
					if (!NODE_ERRORS.includes(String(error.name))) problems.push(`error is a ${error.name}`);
					if (!String(error.message).startsWith(`${label}: `))
						problems.push(`message "${error.message}" does not name ${label}`);
					if (bad.says && !bad.says.test(String(error.message)))
						problems.push(`message "${error.message}" does not say ${bad.says}`);
				}
				const continued = await drive(op, {
					set: bad.set,
					items: bad.items,
					onError: 'continueRegularOutput',
				});
				const item = continued.result?.main[0];
				if (continued.result?.main.length !== 1 || errorText(item) !== error?.message) {
					problems.push(
						`Continue On Fail item ${JSON.stringify(item?.json)} differs from the run error`,
					);
				}
				if ((item?.pairedItem as { item?: number } | undefined)?.item !== 0)
					problems.push('error item not paired with its input');
				// n8n re-wraps the stopping error as a NodeApiError; the item shows what the node threw: a
				// NodeOperationError carries no HTTP code.
				if ((item?.json.details as IDataObject | undefined)?.httpCode !== undefined)
					problems.push('the refusal carries an HTTP code');
				problems.push(...leaksOf(`${name} ${caseName} (continue)`, op.provider, continued));
				outcome = error ? `refused: ${error.message}` : 'SENT';
			}
			problems.push(...leaksOf(`${name} ${caseName}`, op.provider, stopped));
		}
		if (network.unexpected.length && !bad.accepted)
			problems.push(`requests sent: ${network.unexpected.join(', ')}`);
		ledger.record('1 bad input', name, caseName, outcome, problems);
		expect(problems).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------
/** One provider fault: how the API answers, and the error the user must see. */
interface Fault {
	name: string;
	applies?(provider: ProviderEntry): boolean;
	answer(interceptor: nock.Interceptor, provider: ProviderEntry): nock.Scope;
	requestOptions?: IDataObject;
	message(provider: ProviderEntry): string;
	httpCode: string;
	description?: RegExp;
	/** Requests the send may make (1: never retried). */
	requests(provider: ProviderEntry): number;
}

/** Items of a nothing-lost run; also the most requests a fault answer serves. */
const ITEMS = 100;

const PROVIDER_TEXT: Record<number, string> = {
	400: 'Destination is not a valid address',
	401: 'Invalid or expired credentials',
	403: 'This user may not send messages',
	404: 'Session not found',
	409: 'A message with this ID already exists',
	413: 'Request entity too large',
	429: 'Too many requests, slow down',
	500: 'Internal error: message store unavailable',
};

/** The name the provider's error statements use ("iSlash answered HTTP 503 …"): the entry's name without its variant. */
const plainName = (p: ProviderEntry) => p.name.replace(/ \(.*\)$/, '');

const RESET = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

const providerFault = (
	status: number,
	requests: (p: ProviderEntry) => number = () => 1,
): Fault => ({
	name: String(status),
	answer: (i, p) =>
		i.times(ITEMS).reply(status, p.errorBody(PROVIDER_TEXT[status], status) as nock.Body),
	message: () => PROVIDER_TEXT[status],
	httpCode: String(status),
	requests,
});

/** Issue 33: a redirect is never followed (the credential would go along); it fails naming its target. */
const ELSEWHERE = 'https://elsewhere.test/collect';
const redirectFault = (status: number): Fault => ({
	name: `${status} to another host`,
	answer: (i) => i.times(ITEMS).reply(status, '', { Location: ELSEWHERE }),
	message: (p) => `${plainName(p)} answered a redirect to ${ELSEWHERE} — check the Base URL`,
	httpCode: String(status),
	description: /never follow a redirect/,
	requests: () => 1,
});

const FAULTS: Fault[] = [
	redirectFault(302),
	redirectFault(307),
	providerFault(400),
	providerFault(401, (p) => p.requestsOn401),
	providerFault(403),
	providerFault(404),
	providerFault(409),
	providerFault(413),
	{
		name: '429 (retries exhausted)',
		answer: (i, p) =>
			i
				.times(ITEMS)
				.reply(429, p.errorBody(PROVIDER_TEXT[429], 429) as nock.Body, { 'Retry-After': '0' }),
		requestOptions: { maxRateLimitRetries: 2 },
		message: () => PROVIDER_TEXT[429],
		httpCode: '429',
		requests: () => 3,
	},
	providerFault(500),
	{
		name: '502 HTML page',
		answer: (i) => i.times(ITEMS).reply(502, HTML_PAGE, { 'Content-Type': 'text/html' }),
		message: (p) => `${plainName(p)} answered HTTP 502`,
		httpCode: '502',
		description: /HTML page/,
		requests: () => 1,
	},
	{
		name: '503 empty body',
		answer: (i) => i.times(ITEMS).reply(503, ''),
		message: (p) => `${plainName(p)} answered HTTP 503 with an empty body`,
		httpCode: '503',
		requests: () => 1,
	},
	{
		name: 'timeout',
		answer: (i, p) =>
			i
				.times(ITEMS)
				.delay(1000)
				.reply(200, p.errorBody('late', 200) as nock.Body),
		requestOptions: { timeout: 50 },
		message: (p) => `No answer from ${plainName(p)}: the request timed out`,
		httpCode: 'none',
		requests: () => 1,
	},
	{
		name: 'connection reset',
		answer: (i) => i.times(ITEMS).replyWithError(RESET()),
		message: (p) =>
			`No answer from ${plainName(p)}: the connection was reset before an answer arrived`,
		httpCode: 'none',
		requests: () => 1,
	},
	{
		name: '200 reporting a failure',
		applies: (p) => p.failureIn2xx !== undefined,
		answer: (i, p) =>
			i.times(ITEMS).reply(200, p.failureIn2xx!('The session key is not valid') as nock.Body),
		message: () => 'The session key is not valid',
		httpCode: '200',
		requests: () => 1,
	},
];

describe('2. Provider faults: NodeApiError with the provider’s own text (or a plain statement) and the HTTP code', () => {
	const cases = SEND_OPERATIONS.flatMap((op) =>
		FAULTS.filter((fault) => fault.applies?.(op.provider) ?? true).map(
			(fault) => [operationName(op), fault.name, op, fault] as const,
		),
	);

	it.each(cases)('%s › %s', async (name, faultName, op, fault) => {
		const counts = new Map<number | 'none', number>();
		op.provider.prepare?.();
		countRequests(fault.answer(op.intercept(), op.provider), counts);
		const run = await drive(op, { requestOptions: fault.requestOptions });
		const error = runError(run.result);
		const problems: string[] = [];
		if (run.thrown) problems.push(`threw ${String(run.thrown)}`);
		if (!error) problems.push('no error');
		else {
			if (error.name !== 'NodeApiError') problems.push(`a ${error.name}, not a NodeApiError`);
			if (error.message !== fault.message(op.provider))
				problems.push(`message "${error.message}", expected "${fault.message(op.provider)}"`);
			if (error.httpCode !== fault.httpCode)
				problems.push(`HTTP code ${error.httpCode}, expected ${fault.httpCode}`);
			if (fault.description && !fault.description.test(String(error.description)))
				problems.push(`description "${error.description}"`);
		}
		// A followed redirect reaches a host no scope serves: nock reports it here.
		if (network.unexpected.length) problems.push(`also requested ${network.unexpected.join(', ')}`);
		const requests = total(counts);
		const expected = fault.requests(op.provider);
		if (requests !== expected) problems.push(`${requests} requests, expected ${expected}`);
		// A 5xx, timeout or reset may have been processed: a second request would be a duplicate message.
		if (requests > expected) ledger.duplicated += requests - expected;
		problems.push(...leaksOf(`${name} ${faultName}`, op.provider, run));
		ledger.record(
			'2 provider faults',
			name,
			faultName,
			`${describeError(error)} after ${requests} request(s)`,
			problems,
		);
		expect(problems).toEqual([]);
	});
});

/** Faults of the login a credential makes before sending: nothing may be sent, and the password stays hidden. */
const LOGIN_FAULTS: Array<
	[name: string, answer: (i: nock.Interceptor) => nock.Scope, says: RegExp]
> = [
	[
		'login refused (401)',
		(i) => i.reply(401, { code: 401, message: 'Invalid grant: wrong password' }),
		/Invalid grant: wrong password/,
	],
	[
		'login answers an HTML page (500)',
		(i) => i.reply(500, HTML_PAGE, { 'Content-Type': 'text/html' }),
		/HTTP 500/,
	],
	[
		'login connection reset',
		(i) => i.replyWithError(RESET()),
		/closed unexpectedly|reset|ECONNRESET/,
	],
	[
		'login answers a 307 to another host (not re-posted)',
		(i) => i.reply(307, '', { Location: ELSEWHERE }),
		/token request with a redirect to https:\/\/elsewhere\.test\/collect/,
	],
	[
		'login answer without a token',
		(i) => i.reply(200, { token_type: 'Bearer' }),
		/without an access_token/,
	],
];

describe('2b. Login faults: a failed token request sends nothing and reveals no password', () => {
	const cases = SEND_OPERATIONS.filter((op) => op.provider.login).flatMap((op) =>
		LOGIN_FAULTS.map(
			([faultName, answer, says]) => [operationName(op), faultName, op, answer, says] as const,
		),
	);

	it.each(cases)('%s › %s', async (name, faultName, op, answer, says) => {
		const counts = new Map<number | 'none', number>();
		answer(op.provider.login!.intercept());
		countRequests(
			op
				.intercept()
				.times(5)
				.reply(op.success.status, op.success.body as nock.Body),
			counts,
		);
		const run = await drive(op);
		const error = runError(run.result);
		const problems: string[] = [];
		if (run.thrown) problems.push(`threw ${String(run.thrown)}`);
		if (!error) problems.push('no error');
		else {
			if (!NODE_ERRORS.includes(String(error.name))) problems.push(`a ${error.name}`);
			if (!says.test(String(error.message)))
				problems.push(`message "${error.message}" does not match ${says}`);
		}
		if (total(counts) !== 0) problems.push(`${total(counts)} message(s) sent without a login`);
		problems.push(...leaksOf(`${name} ${faultName}`, op.provider, run));
		ledger.record(
			'2 provider faults',
			name,
			faultName,
			`${describeError(error)}, ${total(counts)} sent`,
			problems,
		);
		expect(problems).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------
const failing = (id: number) => id % 7 === 6;

type Kind = 'HTTP errors' | 'timeouts' | 'resets';

const fault = (name: string) => FAULTS.find((candidate) => candidate.name === name)!;

/** The faults failing items cycle through, by kind (401 and 429 have their own retry paths, tested above). */
const KIND_FAULTS: Record<Kind, Fault[]> = {
	'HTTP errors': ['400', '403', '404', '409', '413', '500', '502 HTML page', '503 empty body'].map(
		fault,
	),
	timeouts: [fault('timeout')],
	resets: [fault('connection reset')],
};

/** The fault item `id` meets (failing items only). */
const faultOf = (kind: Kind, id: number) =>
	KIND_FAULTS[kind][Math.floor(id / 7) % KIND_FAULTS[kind].length];

/** A server where every 7th item's send fails (cycling through the kind's faults) and every other one succeeds. */
function failEverySeventh(op: SendOperation, kind: Kind, counts: Map<number | 'none', number>) {
	op.provider.prepare?.();
	for (const each of KIND_FAULTS[kind]) {
		const meets = (body: unknown) => {
			const id = refOf(body);
			return id !== undefined && failing(id) && faultOf(kind, id) === each;
		};
		countRequests(each.answer(op.intercept(meets), op.provider), counts);
	}
	const succeeds = (body: unknown) => {
		const id = refOf(body);
		return id !== undefined && !failing(id);
	};
	countRequests(
		op
			.intercept(succeeds)
			.times(ITEMS)
			.reply(op.success.status, op.success.body as nock.Body),
		counts,
	);
}

const KINDS: Kind[] = ['HTTP errors', 'timeouts', 'resets'];

/**
 * Timeouts: every request may be in flight at once, so the 14 that hang overlap and the run lasts about
 * one timeout; the timeout leaves good sends ample time even on a loaded machine.
 */
const flowFor = (kind: Kind): IDataObject | undefined =>
	kind === 'timeouts' ? { timeout: 400, maxInFlight: 100 } : undefined;

describe('3. Nothing lost: 100 items, every 7th failing', () => {
	const modes: Array<NonNullable<INode['onError']>> = [
		'continueRegularOutput',
		'continueErrorOutput',
	];
	// HTTP errors (answers that go through postReceive) in both modes for every operation. Timeouts and
	// resets (which skip postReceive) alternate the mode over the operations, so each operation meets
	// both modes and each kind meets both modes on eight operations, at half the cost of every
	// combination (a 100-item run costs ~0.5 s of engine time).
	const cases = SEND_OPERATIONS.flatMap((op, index) => [
		...modes.map((mode) => [operationName(op), 'HTTP errors' as Kind, mode, op] as const),
		[operationName(op), 'timeouts' as Kind, modes[index % 2], op] as const,
		[operationName(op), 'resets' as Kind, modes[(index + 1) % 2], op] as const,
	]);

	it.each(cases)('%s › %s › %s', async (name, kind, mode, op) => {
		const counts = new Map<number | 'none', number>();
		failEverySeventh(op, kind, counts);
		const run = await drive(op, {
			set: { [op.textField]: REF_EXPRESSION },
			items: inputItems(op, ITEMS),
			onError: mode,
			requestOptions: flowFor(kind),
		});
		const problems: string[] = [];
		if (run.thrown || run.result?.error)
			problems.push(`run failed: ${describeError(runError(run.result)) || String(run.thrown)}`);
		const main = run.result?.main ?? [];
		const errorOutput = run.result?.errorOutput ?? [];
		const outputs = [
			...main.map((item) => ({ item, on: 'main' })),
			...errorOutput.map((item) => ({ item, on: 'error' })),
		];
		const byIndex = new Map<number, Array<{ item: INodeExecutionData; on: string }>>();
		for (const output of outputs) {
			const index = (output.item.pairedItem as { item?: number } | undefined)?.item ?? -1;
			byIndex.set(index, [...(byIndex.get(index) ?? []), output]);
		}
		let lost = 0;
		let duplicated = 0;
		for (let id = 0; id < ITEMS; id++) {
			const outs = byIndex.get(id) ?? [];
			const sent = counts.get(id) ?? 0;
			if (outs.length === 0) lost++;
			if (outs.length > 1) problems.push(`item ${id} has ${outs.length} output items`);
			if (sent > 1) duplicated += sent - 1;
			if (sent === 0) lost += failing(id) ? 0 : 1;
			const out = outs[0];
			if (!out) continue;
			if (failing(id)) {
				const wanted = faultOf(kind, id).message(op.provider);
				if (errorText(out.item) !== wanted)
					problems.push(`item ${id}: error "${errorText(out.item)}", expected "${wanted}"`);
				const code = (out.item.json.details as IDataObject | undefined)?.httpCode;
				const wantedCode = faultOf(kind, id).httpCode;
				if (code !== wantedCode)
					problems.push(`item ${id}: HTTP code ${String(code)}, expected ${wantedCode}`);
				if (mode === 'continueErrorOutput' && (out.on !== 'error' || out.item.json.id !== id)) {
					problems.push(`item ${id}: error item not on the error output with its input`);
				}
			} else if (errorText(out.item) !== undefined || out.on !== 'main') {
				problems.push(
					`item ${id}: a good send came out as ${out.on} ${JSON.stringify(out.item.json)}`,
				);
			}
		}
		if (outputs.length !== ITEMS)
			problems.push(`${outputs.length} output items for ${ITEMS} inputs`);
		if (lost) problems.push(`${lost} lost`);
		if (duplicated) problems.push(`${duplicated} duplicated`);
		ledger.lost += lost;
		ledger.duplicated += duplicated;
		problems.push(...leaksOf(`${name} ${kind} ${mode}`, op.provider, run));
		const failed = [...byIndex.entries()].filter(([id]) => failing(id)).length;
		ledger.record(
			'3 nothing lost',
			name,
			`${kind}, ${mode}`,
			`${outputs.length}/${ITEMS} out (${main.length} main, ${errorOutput.length} error output; ${failed} failed), ${total(counts)} requests`,
			problems.slice(0, 5),
		);
		expect(problems).toEqual([]);
	});

	// Without Continue On Fail: the run stops and names the first failing item (index 6). The failure kind
	// rotates over the operations so each kind stops a run.
	const stops = SEND_OPERATIONS.map(
		(op, index) => [operationName(op), KINDS[index % KINDS.length], op] as const,
	);
	it.each(stops)('%s › %s › stop', async (name, kind, op) => {
		const counts = new Map<number | 'none', number>();
		failEverySeventh(op, kind, counts);
		const run = await drive(op, {
			set: { [op.textField]: REF_EXPRESSION },
			items: inputItems(op, ITEMS),
			requestOptions: flowFor(kind),
		});
		const error = runError(run.result);
		const problems: string[] = [];
		if (!error) problems.push('the run did not stop');
		else {
			if (error.context?.itemIndex !== 6)
				problems.push(`error names item ${error.context?.itemIndex}, expected 6`);
			if (error.message !== faultOf(kind, 6).message(op.provider))
				problems.push(`message "${error.message}"`);
		}
		if (run.result?.main.length) problems.push(`${run.result.main.length} items still output`);
		const duplicated = [...counts.entries()].reduce(
			(sum, [, sent]) => sum + Math.max(0, sent - 1),
			0,
		);
		ledger.duplicated += duplicated;
		if (duplicated) problems.push(`${duplicated} duplicated`);
		problems.push(...leaksOf(`${name} ${kind} stop`, op.provider, run));
		ledger.record(
			'3 nothing lost',
			name,
			`${kind}, stop`,
			`stopped at item ${error?.context?.itemIndex}: ${error?.message}`,
			problems,
		);
		expect(problems).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------
describe('4. No duplicates: only a 429 is retried, after Retry-After, bounded', () => {
	/**
	 * One 429 with `retryAfter`, then the provider's success: the item must be sent exactly once, no sooner
	 * than 1 s after the 429 (`waitRule` names where that second comes from).
	 */
	async function sentOnceAfter429(
		name: string,
		op: (typeof SEND_OPERATIONS)[number],
		retryAfter: string,
		{ waitRule, leakLabel, caseLabel }: { waitRule: string; leakLabel: string; caseLabel: string },
	): Promise<string[]> {
		const answered: number[] = [];
		op.provider.prepare?.();
		op.intercept().reply(() => {
			answered.push(Date.now());
			return [
				429,
				op.provider.errorBody(PROVIDER_TEXT[429], 429) as nock.Body,
				{ 'Retry-After': retryAfter },
			];
		});
		op.intercept().reply(() => {
			answered.push(Date.now());
			return [op.success.status, op.success.body as nock.Body];
		});
		const run = await drive(op);
		const problems: string[] = [];
		if (run.result?.error || run.thrown)
			problems.push(`failed: ${describeError(runError(run.result))}`);
		if (run.result?.main.length !== 1 || errorText(run.result.main[0]) !== undefined)
			problems.push('not one sent item');
		if (answered.length !== 2) problems.push(`${answered.length} requests, expected 2`);
		const waited = answered.length === 2 ? answered[1] - answered[0] : 0;
		if (waited < 950) problems.push(`retried after ${waited} ms, before ${waitRule}`);
		if (answered.length > 2) ledger.duplicated += answered.length - 2;
		problems.push(...leaksOf(`${name} ${leakLabel}`, op.provider, run));
		ledger.record(
			'4 no duplicates',
			name,
			caseLabel,
			`sent once after ${answered.length} requests, waited ${waited} ms`,
			problems,
		);
		return problems;
	}

	it.each(SEND_OPERATIONS.map((op) => [operationName(op), op] as const))(
		'%s › 429 then success: sent once',
		async (name, op) => {
			const problems = await sentOnceAfter429(name, op, '1', {
				waitRule: 'Retry-After (1 s)',
				leakLabel: '429 then success',
				caseLabel: '429 (Retry-After 1 s) then 2xx',
			});
			expect(problems).toEqual([]);
		},
	);

	// Issue 33: only RFC 9110 forms of Retry-After count; these would otherwise read as past dates (no wait).
	const ODD_RETRY_AFTER = ['-5', '1 2', '5, 7', '+5'];
	it.each(
		SEND_OPERATIONS.map(
			(op, index) =>
				[operationName(op), ODD_RETRY_AFTER[index % ODD_RETRY_AFTER.length], op] as const,
		),
	)('%s › 429 with "Retry-After: %s": the fallback backoff, sent once', async (name, odd, op) => {
		const problems = await sentOnceAfter429(name, op, odd, {
			waitRule: 'the 1 s fallback backoff',
			leakLabel: 'odd Retry-After',
			caseLabel: `429 (Retry-After "${odd}") then 2xx`,
		});
		expect(problems).toEqual([]);
	});

	it.each(SEND_OPERATIONS.map((op) => [operationName(op), op] as const))(
		'%s › 429 asking for 120 s: bounded total wait',
		async (name, op) => {
			const counts = new Map<number | 'none', number>();
			op.provider.prepare?.();
			countRequests(
				op
					.intercept()
					.times(5)
					.reply(429, op.provider.errorBody(PROVIDER_TEXT[429], 429) as nock.Body, {
						'Retry-After': '120',
					}),
				counts,
			);
			const begin = Date.now();
			const run = await drive(op, { requestOptions: { maxRateLimitWaitSeconds: 1 } });
			const elapsed = Date.now() - begin;
			const error = runError(run.result);
			const problems: string[] = [];
			if (error?.httpCode !== '429' || error.message !== PROVIDER_TEXT[429])
				problems.push(`error ${describeError(error)}`);
			if (total(counts) !== 1) problems.push(`${total(counts)} requests, expected 1`);
			if (elapsed > 2000) problems.push(`waited ${elapsed} ms`);
			problems.push(...leaksOf(`${name} 429 bounded`, op.provider, run));
			ledger.record(
				'4 no duplicates',
				name,
				'429 asking 120 s, max wait 1 s',
				`${describeError(error)} after ${total(counts)} request(s), ${elapsed} ms`,
				problems,
			);
			expect(problems).toEqual([]);
		},
	);
});

// ---------------------------------------------------------------------------------------------------
describe('6. Fuzz: random parameter values and provider answers only ever give NodeOperationError / NodeApiError', () => {
	/** A field left at its valid value. */
	const KEEP = 'keep-the-valid-value';
	/** What a programming error (not a deliberate refusal) says. */
	const JS_ERROR =
		/Cannot read prop|is not a function|is not iterable|is not defined|Maximum call stack|Invalid time value|Unexpected token|\bundefined\b/;
	const anyValue = fc.oneof(
		fc.string(),
		fc.string({ unit: 'grapheme' }),
		fc.constantFrom(
			'',
			' ',
			'\t\n',
			'+15556667777',
			'18585551234',
			'https://example.com/a.png',
			'../..',
			'%2F',
			'={{ 1 }}',
			'66',
			'2026-12-24 09:30:00',
			'data',
		),
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
		fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
	);
	const anyAnswer = (op: SendOperation) =>
		fc.record({
			status: fc.constantFrom(
				op.success.status,
				200,
				201,
				204,
				400,
				401,
				403,
				404,
				413,
				429,
				500,
				502,
				503,
			),
			body: fc.oneof(
				fc.constant(op.success.body),
				fc.jsonValue({ maxDepth: 2 }),
				fc.string(),
				fc.string().map((text) => op.provider.errorBody(text, 400)),
			),
		});

	it.each(SEND_OPERATIONS.map((op) => [operationName(op), op] as const))('%s', async (name, op) => {
		const tally = { runs: 0, sent: 0, refused: 0, providerErrors: 0, escaped: [] as string[] };
		// Each field keeps its valid value or takes a random one, so runs also reach the provider (whose
		// answer is random too) instead of stopping at the first refused field.
		const values = fc.record(
			Object.fromEntries(
				op.fuzz.map((field) => [field.path, fc.oneof(fc.constant(KEEP), anyValue)]),
			) as Record<string, fc.Arbitrary<unknown>>,
		);
		await fc
			.assert(
				fc.asyncProperty(values, anyAnswer(op), async (fields, answer) => {
					nock.cleanAll();
					op.provider.prepare?.();
					const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
					nock(op.provider.origin)
						.post(/.*/)
						.times(5)
						.reply(answer.status, body, { 'Content-Type': 'application/json' });
					const random = op.fuzz.filter((field) => fields[field.path] !== KEEP);
					const set = Object.fromEntries(
						random.map((field) => {
							const expression = `={{ $json.v[${JSON.stringify(field.path)}] }}`;
							return [
								field.path,
								field.rl ? { __rl: true, mode: 'id', value: expression } : expression,
							];
						}),
					);
					const v = Object.fromEntries(
						random.map((field) => [field.path, fields[field.path]]),
					) as IDataObject;
					const items = inputItems(op).map((item) => ({ ...item, json: { ...item.json, v } }));
					const run = await drive(op, {
						set,
						items,
						requestOptions: { maxRateLimitRetries: 0, timeout: 2000 },
					});
					tally.runs++;
					const error = runError(run.result);
					const message = String(error?.message);
					const fromProvider =
						/^\d{3}$/.test(String(error?.httpCode)) || message.startsWith('No answer from ');
					const namesField = /^[A-Z][\w /().-]*: /.test(message);
					const problem = run.thrown
						? `threw ${String(run.thrown)}`
						: !error
							? undefined
							: !NODE_ERRORS.includes(String(error.name))
								? `a ${error.name}: ${message}`
								: fromProvider
									? undefined
									: /^The request to .* failed: /.test(message) || JS_ERROR.test(message)
										? `an unexpected error: ${message}`
										: !namesField
											? `an error naming no field: ${message}`
											: undefined;
					if (!error && !run.thrown) tally.sent++;
					else if (fromProvider) tally.providerErrors++;
					else tally.refused++;
					const leaks = leaksOf(`${name} fuzz`, op.provider, run);
					if (problem || leaks.length) {
						tally.escaped.push(
							`${problem ?? leaks.join('; ')} for ${JSON.stringify(fields)} / ${answer.status}`,
						);
						return false;
					}
					return true;
				}),
				{ numRuns: 30 },
			)
			.catch((failure: unknown) => {
				tally.escaped.push(String(failure).split('\n')[0]);
			});
		nock.cleanAll();
		ledger.record(
			'6 fuzz',
			name,
			`${tally.runs} random runs`,
			`${tally.sent} sent, ${tally.refused} refused, ${tally.providerErrors} provider errors${tally.escaped.length ? `; ESCAPED: ${tally.escaped[0]}` : ''}`,
			tally.escaped,
		);
		expect(tally.escaped).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------
describe('7. Triggers: forged, unsigned, wrongly signed and malformed deliveries start nothing', () => {
	type Attack = [
		name: string,
		status: number,
		delivery: (
			entry: (typeof TRIGGERS)[number],
			secret: string,
		) => ReturnType<(typeof TRIGGERS)[number]['delivery']>,
	];
	const attacks: Attack[] = [
		['unsigned (no secret)', 401, (entry) => entry.delivery()],
		[
			'forged: a guessed secret of the same length',
			401,
			(entry, secret) => entry.delivery(secret.replace(/./g, 'a')),
		],
		['forged: the secret plus a character', 401, (entry, secret) => entry.delivery(`${secret}0`)],
		[
			'forged: the secret in upper case',
			401,
			(entry, secret) => entry.delivery(secret.toUpperCase()),
		],
		[
			'forged: the secret twice (?secret=…&secret=…)',
			401,
			(entry, secret) => entry.delivery([secret, secret]),
		],
		[
			'forged: the secret in a header instead',
			401,
			(entry, secret) => ({
				...entry.delivery(),
				headers: { 'x-webhook-secret': secret, authorization: `Bearer ${secret}` },
			}),
		],
		['forged: an empty secret', 401, (entry) => entry.delivery('')],
	];
	const cases = TRIGGERS.flatMap((entry) => [
		...attacks.map(
			([name, status, delivery]) => [entry.name, name, entry, status, delivery] as const,
		),
		...entry.malformed.map(
			([name, body]) =>
				[
					entry.name,
					`malformed: ${name}`,
					entry,
					entry.malformedStatus ?? 400,
					(e: typeof entry, secret: string) => e.delivery(secret, body),
				] as const,
		),
	]);

	it.each(TRIGGERS.map((entry) => [entry.name, entry] as const))(
		'%s › a genuine delivery starts an execution; its replay with a wrong secret does not',
		async (name, entry) => {
			const { harness, secret } = await entry.activate();
			const genuine = await harness.deliver(entry.delivery(secret));
			const replay = await harness.deliver(entry.delivery(`${secret.slice(0, -1)}x`));
			const problems: string[] = [];
			if (!genuine.items?.length) problems.push('the genuine delivery started nothing');
			if (replay.response.status !== 401 || replay.items !== undefined)
				problems.push(
					`replay answered ${replay.response.status}${replay.items ? ' and started an execution' : ''}`,
				);
			problems.push(
				...ledger.scan(
					`${name} replay`,
					[secret, ...entry.secrets],
					replay.response,
					genuine.response,
				),
			);
			ledger.record(
				'7 triggers',
				name,
				'genuine, then replayed with a wrong secret',
				`genuine → ${genuine.items?.length} item(s); replay → ${replay.response.status}, no execution`,
				problems,
			);
			expect(problems).toEqual([]);
		},
	);

	const afterGenuine = TRIGGERS.flatMap((entry) =>
		(entry.afterGenuine ?? []).map(
			([caseName, status, deliveries]) =>
				[entry.name, caseName, entry, status, deliveries] as const,
		),
	);
	it.each(afterGenuine)(
		'%s › after a genuine delivery: %s',
		async (name, caseName, entry, status, deliveries) => {
			const { harness, secret } = await entry.activate();
			const genuine = await harness.deliver(entry.delivery(secret));
			const results = [];
			for (const delivery of deliveries(secret)) results.push(await harness.deliver(delivery));
			const last = results[results.length - 1];
			const problems: string[] = [];
			if (!genuine.items?.length) problems.push('the genuine delivery started nothing');
			for (const result of results)
				if ((result.response.status ?? 0) >= 500)
					problems.push(`answered ${result.response.status}`);
			if (last.response.status !== status)
				problems.push(`answered ${last.response.status}, expected ${status}`);
			if (last.workflowData !== undefined || last.items !== undefined)
				problems.push('started an execution');
			problems.push(
				...ledger.scan(
					`${name} ${caseName}`,
					[secret, ...entry.secrets],
					...results.map((result) => result.response),
				),
			);
			ledger.record(
				'7 triggers',
				name,
				caseName,
				`${results.map((result) => result.response.status).join(', ')}, ${last.workflowData ? 'EXECUTION STARTED' : 'no execution'}`,
				problems,
			);
			expect(problems).toEqual([]);
		},
	);

	it.each(cases)('%s › %s', async (name, caseName, entry, status, delivery) => {
		const { harness, secret } = await entry.activate();
		const result = await harness.deliver(delivery(entry, secret));
		const problems: string[] = [];
		if (result.response.status !== status)
			problems.push(`answered ${result.response.status}, expected ${status}`);
		if (result.workflowData !== undefined || result.items !== undefined)
			problems.push('started an execution');
		problems.push(
			...ledger.scan(`${name} ${caseName}`, [secret, ...entry.secrets], result.response),
		);
		ledger.record(
			'7 triggers',
			name,
			caseName,
			`${result.response.status}, ${result.workflowData ? 'EXECUTION STARTED' : 'no execution'}`,
			problems,
		);
		expect(problems).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------------
describe('5. No secrets, and the counts', () => {
	it('the scanner finds a secret hidden the way transport errors hide it', () => {
		// An axios-style error: the credential in a Basic header of the request config, under a
		// non-enumerable cause. The password sits at a different base64 alignment for each user name.
		const leaky = (user: string) => {
			const error = new Error('socket hang up');
			const headers = {
				Authorization: `Basic ${Buffer.from(`${user}:pw-123456789`).toString('base64')}`,
			};
			Object.defineProperty(error, 'cause', { enumerable: false, value: { config: { headers } } });
			return { run: [{ error }] };
		};
		const probe = new Ledger();
		for (const user of ['agent', 'agent7', 'agent78'])
			expect(probe.scan(user, ['pw-123456789'], leaky(user))).not.toHaveLength(0);
		expect(
			probe.scan('url', ['tok/en+1'], {
				url: `https://x.test/?t=${encodeURIComponent('tok/en+1')}`,
			}),
		).toHaveLength(1);
		expect(
			probe.scan('clean', ['pw-123456789'], { run: [{ error: new Error('socket hang up') }] }),
		).toHaveLength(0);
	});

	it('lost = duplicated = leaked = 0, every case held', () => {
		// Every case above scanned its outputs, run data, errors, thrown objects and n8n's log lines.
		ledger.record(
			'5 no secrets',
			'all operations',
			'every case above',
			`${ledger.leaked} leaks`,
			ledger.leaks,
		);
		expect({
			lost: ledger.lost,
			duplicated: ledger.duplicated,
			leaked: ledger.leaked,
			failures: ledger.failures,
		}).toEqual({
			lost: 0,
			duplicated: 0,
			leaked: 0,
			failures: 0,
		});
	});
});
