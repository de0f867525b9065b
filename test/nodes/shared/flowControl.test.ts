import nock from 'nock';
import { guardNetwork } from '../../harness/nockGuard';
import { createRateLimiter } from '../../../sandbox/rateLimit';
import { readRetryAfter } from '../../../nodes/shared/errors';
import { BASE, runEvoVoice } from '../EvoVoice/fixtures';

/** Shared flow control (nodes/shared/flowControl.ts) through a real provider node and n8n's engine. */
guardNetwork();

const send = { resource: 'message', operation: 'send', sendTo: 'session', body: 'Hello' };
const items = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ json: { sessionId: `s${i}` } }));
const sendEach = { ...send, sessionId: '={{ $json.sessionId }}' };

/** A nock server answering every send after `delayMs`, counting requests in flight. */
function countingServer(count: number, delayMs: number) {
	const stats = { inFlight: 0, maxInFlight: 0, requests: 0 };
	nock(BASE)
		.post(/\/sessions\/s\d+\/messages/)
		.times(count)
		.reply(async function (uri) {
			stats.requests++;
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			stats.inFlight--;
			return [200, { id: uri }];
		});
	return stats;
}

describe('requests in flight', () => {
	it('never exceeds the node option, and every item is sent once', async () => {
		const stats = countingServer(30, 40);
		const result = await runEvoVoice({
			parameters: { ...sendEach, requestOptions: { maxInFlight: 4 } },
			items: items(30),
		});
		expect(result.error).toBeUndefined();
		expect(stats).toMatchObject({ requests: 30, maxInFlight: 4, inFlight: 0 });
		expect(result.main.map((item) => item.pairedItem)).toEqual(
			items(30).map((_, i) => ({ item: i })),
		);
	});

	it('defaults to 10 (n8n itself would start all 25 at once)', async () => {
		const stats = countingServer(25, 40);
		await runEvoVoice({ parameters: sendEach, items: items(25) });
		expect(stats.maxInFlight).toBe(10);
	});
});

describe('429 and other failures', () => {
	it('waits for Retry-After, retries a 429, and sends the message once', async () => {
		const answered: number[] = [];
		nock(BASE)
			.post('/sessions/s0/messages')
			.reply(() => {
				answered.push(Date.now());
				return [429, { responseStatus: { message: 'Too many requests' } }, { 'Retry-After': '1' }];
			})
			.post('/sessions/s0/messages')
			.reply(() => {
				answered.push(Date.now());
				return [200, { id: 'm1' }];
			});
		const result = await runEvoVoice({ parameters: sendEach, items: items(1) });
		expect(result.error).toBeUndefined();
		expect(result.main).toEqual([{ json: { id: 'm1' }, pairedItem: { item: 0 } }]);
		expect(answered).toHaveLength(2);
		expect(answered[1] - answered[0]).toBeGreaterThanOrEqual(950);
	});

	it('pauses the whole run on a 429, not only the item that got it', async () => {
		const starts: Record<string, number> = {};
		let limited = false;
		nock(BASE)
			.post(/\/sessions\/s\d\/messages/)
			.times(4)
			.reply(function (uri) {
				const session = uri.split('/')[2];
				if (session === 's0' && !limited) {
					limited = true;
					return [429, {}, { 'Retry-After': '1' }];
				}
				starts[session] = Date.now();
				return [200, { id: session }];
			});
		const begin = Date.now();
		// one slot: s0 is limited first, so s1 and s2 may only start after the pause
		const result = await runEvoVoice({
			parameters: { ...sendEach, requestOptions: { maxInFlight: 1 } },
			items: items(3),
		});
		expect(result.main).toHaveLength(3);
		expect(starts.s1 - begin).toBeGreaterThanOrEqual(950);
		expect(starts.s2 - begin).toBeGreaterThanOrEqual(950);
	});

	it('pauses the other executions on the same credential too: the provider limits the account, not one run', async () => {
		const starts: Record<string, number> = {};
		let limitedAt = 0;
		nock(BASE)
			.post(/\/sessions\/s\d\/messages/)
			.times(3)
			.reply(function (uri) {
				const session = uri.split('/')[2];
				if (session === 's0' && !limitedAt) {
					limitedAt = Date.now();
					return [429, {}, { 'Retry-After': '1' }];
				}
				starts[session] = Date.now();
				return [200, { id: session }];
			});
		const first = runEvoVoice({
			parameters: sendEach,
			items: items(1),
			credentialId: 'shared-account',
		});
		while (!limitedAt) await new Promise((resolve) => setTimeout(resolve, 5));
		await new Promise((resolve) => setTimeout(resolve, 100)); // the 429 has reached the first run
		// another execution of another workflow, started after the 429, sending s1 on the same account
		const second = await runEvoVoice({
			parameters: { ...send, sessionId: 's1' },
			items: [{ json: {} }],
			credentialId: 'shared-account',
		});
		expect((await first).main).toHaveLength(1);
		expect(second.main).toEqual([{ json: { id: 's1' }, pairedItem: { item: 0 } }]);
		expect(starts.s1 - limitedAt).toBeGreaterThanOrEqual(950);
	});

	it('after a 429, paces the run at the rate the provider accepted instead of bursting again after each pause', async () => {
		const limiter = createRateLimiter(); // the sandbox's: 20 in any 1-s window, Retry-After in whole seconds
		let limited = 0;
		const sent: string[] = [];
		nock(BASE)
			.post(/\/sessions\/s\d+\/messages/)
			.times(200)
			.reply(function (uri) {
				const retryAfter = limiter.refuse(Date.now(), 20);
				if (retryAfter !== undefined) {
					limited++;
					return [429, {}, { 'Retry-After': retryAfter }];
				}
				sent.push(uri);
				return [200, { id: uri }];
			});
		const result = await runEvoVoice({ parameters: sendEach, items: items(60) });
		expect(result.error).toBeUndefined();
		expect(new Set(sent).size).toBe(60);
		expect(sent).toHaveLength(60);
		// the first burst's overflow (at most the 10 in flight); bursting after each 1-s pause would get ~10 more per pause
		expect(limited).toBeLessThanOrEqual(12);
	});

	it('gives up after the configured number of 429 retries with the provider message', async () => {
		nock(BASE)
			.post('/sessions/s0/messages')
			.times(3)
			.reply(429, { responseStatus: { message: 'Slow down' } }, { 'Retry-After': '0' });
		const result = await runEvoVoice({
			parameters: { ...sendEach, requestOptions: { maxRateLimitRetries: 2 } },
			items: items(1),
		});
		expect(result.error).toMatchObject({ message: 'Slow down', httpCode: '429' });
		expect(nock.isDone()).toBe(true);
	});

	it('does not wait longer in total than the configured bound', async () => {
		nock(BASE).post('/sessions/s0/messages').reply(429, {}, { 'Retry-After': '120' });
		const begin = Date.now();
		const result = await runEvoVoice({
			parameters: { ...sendEach, requestOptions: { maxRateLimitWaitSeconds: 30 } },
			items: items(1),
		});
		expect(result.error).toMatchObject({ httpCode: '429' });
		expect(Date.now() - begin).toBeLessThan(2000);
	});

	it.each([
		['a 500', (i: nock.Interceptor) => i.reply(500, { responseStatus: { message: 'boom' } })],
		['a 503', (i: nock.Interceptor) => i.reply(503, '')],
		[
			'a reset',
			(i: nock.Interceptor) =>
				i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
		],
	])('never retries %s (the message may already be delivered)', async (_name, answer) => {
		answer(nock(BASE).post('/sessions/s0/messages'));
		const result = await runEvoVoice({ parameters: sendEach, items: items(1) });
		expect(result.error).toBeDefined();
		expect(nock.isDone()).toBe(true); // exactly the one interceptor was used; a retry would hit "no match"
	});
});

describe('Issue 33 › 4. Retry-After only in RFC 9110 forms', () => {
	it.each(['-5', '1 2', '5, 7', '+5', '0.5', 'soon', '5s', 'Tue, 1 Jan 2030'])(
		'"%s" is no Retry-After (the fallback backoff applies)',
		(value) => {
			expect(readRetryAfter({ 'retry-after': value })).toBeUndefined();
		},
	);

	it('reads delta-seconds, the IMF-fixdate and both obsolete date forms (asctime as GMT)', () => {
		expect(readRetryAfter({ 'retry-after': '7' })).toBe(7);
		const inTenSeconds = // whole seconds, as HTTP dates have them
			new Date(Math.ceil(Date.now() / 1000) * 1000 + 10_000);
		const imf = inTenSeconds.toUTCString(); // Sun, 06 Nov 1994 08:49:37 GMT
		const [day, date, month, year, time] = imf.replace(',', '').split(' ');
		const days: Record<string, string> = {
			Mon: 'Monday',
			Tue: 'Tuesday',
			Wed: 'Wednesday',
			Thu: 'Thursday',
			Fri: 'Friday',
			Sat: 'Saturday',
			Sun: 'Sunday',
		};
		const rfc850 = `${days[day]}, ${date}-${month}-${year.slice(2)} ${time} GMT`;
		const asctime = `${day} ${month} ${String(Number(date)).padStart(2, ' ')} ${time} ${year}`;
		for (const form of [imf, rfc850, asctime]) {
			const seconds = readRetryAfter({ 'retry-after': form })!;
			expect(seconds).toBeGreaterThan(8);
			expect(seconds).toBeLessThanOrEqual(11);
		}
	});

	it('a 429 with "Retry-After: -5" waits the fallback backoff (1 s), not zero', async () => {
		const answered: number[] = [];
		nock(BASE)
			.post('/sessions/s0/messages')
			.reply(() => {
				answered.push(Date.now());
				return [429, {}, { 'Retry-After': '-5' }];
			})
			.post('/sessions/s0/messages')
			.reply(() => {
				answered.push(Date.now());
				return [200, { id: 's0' }];
			});
		const result = await runEvoVoice({ parameters: sendEach, items: items(1) });
		expect(result.error).toBeUndefined();
		expect(answered).toHaveLength(2);
		expect(answered[1] - answered[0]).toBeGreaterThanOrEqual(950);
	});

	it('an inherited account-wide pause longer than the item’s Max Rate-Limit Wait fails the item at once', async () => {
		let limitedAt = 0;
		nock(BASE)
			.post('/sessions/s0/messages')
			.reply(() => {
				limitedAt = Date.now();
				return [429, {}, { 'Retry-After': '3' }];
			})
			.post('/sessions/s0/messages')
			.reply(200, { id: 's0' });
		const first = runEvoVoice({
			parameters: sendEach,
			items: items(1),
			credentialId: 'paused-account',
		});
		while (!limitedAt) await new Promise((resolve) => setTimeout(resolve, 5));
		await new Promise((resolve) => setTimeout(resolve, 100)); // the 429 has reached the first run
		const begin = Date.now();
		const second = await runEvoVoice({
			parameters: { ...send, sessionId: 's1', requestOptions: { maxRateLimitWaitSeconds: 1 } },
			items: [{ json: {} }],
			credentialId: 'paused-account',
		});
		expect(Date.now() - begin).toBeLessThan(900);
		expect(second.error?.message).toMatch(
			/^The provider paused this account for \d s more .*Max Rate-Limit Wait: 1 s\); nothing was sent$/,
		);
		expect((await first).main).toHaveLength(1); // the first run's own wait (3 s) is within its bound
	});
});
