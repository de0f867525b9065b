import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import { EvoVoiceMessagingApi } from '../../../credentials/EvoVoiceMessagingApi.credentials';
import { EvoVoiceTrigger } from '../../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { guardNetwork } from '../../harness/nockGuard';
import { loadInNewProcess, TriggerHarness, type TriggerOptions } from '../../harness/trigger';
import { BASE, BASIC, credentials, PASSWORD } from './fixtures';
import { MAX_SEEN_IDS, type MessageCursor } from '../../../nodes/EvoVoice/shared/messageCursor';

const network = guardNetwork();

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
let clock = T0;

beforeEach(() => {
	clock = T0;
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

function trigger(options: Partial<TriggerOptions> = {}) {
	return new TriggerHarness({
		nodeType: new EvoVoiceTrigger(),
		parameters: { filters: { accountIds: ['a1', 'a2'], endpointIds: 'e1, e2' } },
		credentials,
		credentialTypes: [new EvoVoiceMessagingApi()],
		...options,
	});
}

function message(id: string, date: string, direction: 'Incoming' | 'Outgoing' = 'Incoming') {
	return {
		id,
		accountId: 'a1',
		endpointId: 'e1',
		date,
		direction,
		otherAddress: '+15556667777',
		text: id,
		isUnread: true,
	};
}

/** Expects one ListMessages page for the trigger's filters from `afterDate`. */
function expectPage(afterDate: string, page: number, items: object[], onReply?: () => void) {
	return nock(BASE, { reqheaders: { authorization: BASIC, accept: 'application/json' } })
		.get('/messages')
		.query({
			accountIds: 'a1,a2',
			endpointIds: 'e1,e2',
			afterDate,
			page: String(page),
			countPerPage: '100',
		})
		.reply(() => {
			onReply?.();
			return [200, { items, hasMorePages: false }];
		});
}

const ids = (items: Array<{ json: { id?: unknown } }> | null) =>
	(items ?? []).map((item) => item.json.id);

describe('EvoVoice Trigger', () => {
	it('first activation only sets the cursor to now, without a request', async () => {
		const harness = trigger();
		expect(await harness.poll()).toBeNull();
		expect(network.unexpected).toEqual([]);
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({
			cursor: { lastDate: '2026-11-22T10:00:00.000Z', floor: '2026-11-22T10:00:00.000Z', seen: {} },
		});
		// n8n 2.40 saves a poll's static data only when it emits: until then the cursor lives in memory
		expect(harness.staticData).toEqual({});
	});

	it('across three polls emits every new incoming message once, including one arriving at the boundary', async () => {
		const harness = trigger();
		await harness.poll(); // activation: cursor at 10:00:00.000
		clock = T0 + 180_000; // the polls run after the messages' dates (a later date does not move the cursor)

		// Poll 1: two messages share the newest instant (one outgoing, one incoming).
		let scope = expectPage('2026-11-22T10:00:00.000Z', 0, [
			message('m1', '2026-11-22T10:00:30Z'),
			message('m2', '2026-11-22T10:01:00Z', 'Outgoing'),
			message('m3', '2026-11-22T10:01:00Z'),
		]);
		const first = await harness.poll();
		scope.done();
		expect(ids(first)).toEqual(['m1', 'm3']);

		// Poll 2: the look-back window reaches back to the activation; the answer repeats the newest
		// instant and holds m4, which arrived at exactly that instant after poll 1 (written with 7
		// decimals, as .NET may).
		scope = expectPage('2026-11-22T10:00:00.000Z', 0, [
			message('m2', '2026-11-22T10:01:00Z', 'Outgoing'),
			message('m3', '2026-11-22T10:01:00Z'),
			message('m4', '2026-11-22T10:01:00.0000000Z'),
		]);
		const second = await harness.poll();
		scope.done();
		expect(ids(second)).toEqual(['m4']);

		// Poll 3: the boundary again, newer messages out of order, and an older one the server let through.
		scope = expectPage('2026-11-22T10:00:00.000Z', 0, [
			message('m0', '2026-11-22T09:59:00Z'),
			message('m3', '2026-11-22T10:01:00Z'),
			message('m4', '2026-11-22T10:01:00Z'),
			message('m5', '2026-11-22T10:02:00Z'),
			message('m6', '2026-11-22T10:01:59Z'),
		]);
		const third = await harness.poll();
		scope.done();
		expect(ids(third)).toEqual(['m6', 'm5']);

		const at = (date: string) => Date.parse(date);
		expect(harness.staticData['node:Trigger Under Test']).toEqual({
			cursor: {
				lastDate: '2026-11-22T10:02:00.000Z',
				floor: '2026-11-22T10:00:00.000Z',
				seen: {
					m1: at('2026-11-22T10:00:30Z'),
					m2: at('2026-11-22T10:01:00Z'),
					m3: at('2026-11-22T10:01:00Z'),
					m4: at('2026-11-22T10:01:00Z'),
					m5: at('2026-11-22T10:02:00Z'),
					m6: at('2026-11-22T10:01:59Z'),
				},
			},
		});
		const all = [...ids(first), ...ids(second), ...ids(third)];
		expect(new Set(all).size).toBe(all.length);
		expect(network.unexpected).toEqual([]);
	});

	it('across an n8n restart resumes from the cursor saved with the last emission: none lost, none twice', async () => {
		const harness = trigger();
		await harness.poll();
		let scope = expectPage('2026-11-22T10:00:00.000Z', 0, [message('m1', '2026-11-22T10:00:30Z')]);
		expect(ids(await harness.poll())).toEqual(['m1']);
		scope.done();
		// a poll that finds nothing is not saved by n8n; m2 arrives; n8n restarts before the next poll
		clock = T0 + 120_000;
		scope = expectPage('2026-11-22T10:00:00.000Z', 0, [message('m1', '2026-11-22T10:00:30Z')]);
		expect(await harness.poll()).toBeNull();
		scope.done();
		harness.restart(loadInNewProcess('nodes/EvoVoice/EvoVoiceTrigger.node', 'EvoVoiceTrigger'));

		scope = expectPage('2026-11-22T10:00:00.000Z', 0, [
			message('m1', '2026-11-22T10:00:30Z'),
			message('m2', '2026-11-22T10:02:10Z'),
		]);
		expect(ids(await harness.poll())).toEqual(['m2']);
		scope.done();
	});

	it('walks every page of a poll (0-based) before moving the cursor', async () => {
		const harness = trigger();
		await harness.poll();
		const full = Array.from({ length: 100 }, (_, i) =>
			message(`p${i}`, new Date(T0 + 1000 + i).toISOString()),
		);
		const scope = expectPage('2026-11-22T10:00:00.000Z', 0, full);
		const scope2 = expectPage('2026-11-22T10:00:00.000Z', 1, [
			message('last', '2026-11-22T10:05:00Z'),
		]);

		const items = await harness.poll();

		scope.done();
		scope2.done();
		expect(items).toHaveLength(101);
		expect(ids(items).at(-1)).toBe('last');
	});

	it('a poll cut short by its time budget emits what it fetched and keeps the window for the next poll', async () => {
		const harness = trigger({ pollBudgetMs: 1000 });
		await harness.poll();
		const firstPage = Array.from({ length: 100 }, (_, i) =>
			message(`p${i}`, new Date(T0 + 1000 + i).toISOString()),
		);
		const rest = Array.from({ length: 30 }, (_, i) =>
			message(`q${i}`, new Date(T0 + 2000 + i).toISOString()),
		);

		// The first page takes longer than half the budget: page 1 is left for the next poll.
		let scope = expectPage('2026-11-22T10:00:00.000Z', 0, firstPage, () => {
			clock += 2000;
		});
		const cut = await harness.poll();
		scope.done();
		expect(cut).toHaveLength(100);
		expect(network.unexpected).toEqual([]);
		const state = harness.staticData['node:Trigger Under Test'] as { cursor: { lastDate: string } };
		expect(state.cursor.lastDate).toBe('2026-11-22T10:00:00.000Z');

		clock = T0 + 60_000;
		scope = expectPage('2026-11-22T10:00:00.000Z', 0, firstPage);
		const scope2 = expectPage('2026-11-22T10:00:00.000Z', 1, rest);
		const next = await harness.poll();
		scope.done();
		scope2.done();
		expect(ids(next)).toEqual(rest.map((m) => m.id));
		const cursor = (harness.staticData['node:Trigger Under Test'] as { cursor: MessageCursor })
			.cursor;
		expect(cursor.lastDate).toBe(new Date(T0 + 2029).toISOString());
		expect(Object.keys(cursor.seen).sort()).toEqual(
			[...firstPage, ...rest].map((m) => m.id).sort(),
		);
	});

	it('a manual run shows the newest incoming messages of the last week and leaves the cursor alone', async () => {
		const harness = trigger();
		const week = Array.from({ length: 12 }, (_, i) =>
			message(`r${i}`, new Date(T0 - (i + 1) * 60000).toISOString()),
		);
		const scope = expectPage('2026-11-15T10:00:00.000Z', 0, [
			...week,
			message('out', '2026-11-22T09:59:59Z', 'Outgoing'),
		]);

		const items = await harness.poll('manual');

		scope.done();
		expect(ids(items)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
		expect(harness.staticData['node:Trigger Under Test']).toBeUndefined();
	});

	it('a failed poll throws NodeApiError with ServiceStack’s message and keeps the cursor', async () => {
		const harness = trigger();
		await harness.poll();
		nock(BASE)
			.get('/messages')
			.query(true)
			.reply(401, {
				responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' },
			});

		const error = await harness.poll().catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Invalid UserName or Password');
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(PASSWORD);
		expect(JSON.stringify(error)).not.toContain(BASIC.slice(6));
		expect(harness.workflow.getStaticData('node', harness.node)).toEqual({
			cursor: { lastDate: '2026-11-22T10:00:00.000Z', floor: '2026-11-22T10:00:00.000Z', seen: {} },
		});
	});
});

/**
 * An EvoVoice account's messages as ListMessages serves them: from `afterDate` on (inclusive), oldest
 * first, 100 per page. Messages are added while the trigger polls.
 */
function serveAccount() {
	const account = {
		rows: [] as ReturnType<typeof message>[],
		asked: [] as string[],
		onPage: (page: number): void => void page,
	};
	nock(BASE)
		.persist()
		.get('/messages')
		.query(true)
		.reply((uri) => {
			const query = new URL(uri, BASE).searchParams;
			const after = Date.parse(query.get('afterDate') ?? '');
			const page = Number(query.get('page'));
			account.asked.push(query.get('afterDate') ?? '');
			account.onPage(page);
			const visible = account.rows
				.filter(
					(row) =>
						Date.parse(/Z|[+-]\d\d:\d\d$/.test(row.date) ? row.date : `${row.date}Z`) >= after,
				)
				.slice(page * 100, page * 100 + 100);
			return [200, { items: visible, hasMorePages: false }];
		});
	return account;
}

describe('EvoVoice Trigger › issue 34 item 1: no message lost to a late or wrong date', () => {
	afterEach(() => nock.cleanAll());

	it('item 1: a row dated in the future (2999) does not silence the trigger', async () => {
		const harness = trigger();
		const account = serveAccount();
		await harness.poll();
		clock = T0 + 60_000;
		account.rows.push(
			message('scheduled', '2999-01-01T00:00:00Z', 'Outgoing'),
			message('m1', '2026-11-22T10:00:30Z'),
		);
		expect(ids(await harness.poll())).toEqual(['m1']);
		clock = T0 + 120_000;
		account.rows.push(message('m2', '2026-11-22T10:01:30Z'));
		expect(ids(await harness.poll())).toEqual(['m2']);
		clock = T0 + 180_000;
		expect(await harness.poll()).toBeNull();
		expect(account.asked.every((date) => date < '2026-11-23')).toBe(true);
	});

	it('item 1: a message that becomes visible after a newer one was polled (a late arrival) is emitted once', async () => {
		const harness = trigger();
		const account = serveAccount();
		await harness.poll();
		clock = T0 + 120_000;
		account.rows.push(message('newer', '2026-11-22T10:01:50Z'));
		expect(ids(await harness.poll())).toEqual(['newer']);
		// Stamped with the carrier's receive time, stored by the provider only now.
		account.rows.push(message('late', '2026-11-22T10:01:10Z'));
		clock = T0 + 180_000;
		expect(ids(await harness.poll())).toEqual(['late']);
		clock = T0 + 240_000;
		expect(await harness.poll()).toBeNull();
	});

	it('item 1: a date without an offset is read as UTC, whatever the time zone n8n runs in', async () => {
		// jest.config.js sets the zone for every worker; this test means nothing in UTC.
		expect(new Date(T0).getTimezoneOffset()).not.toBe(0);
		const harness = trigger();
		const account = serveAccount();
		await harness.poll();
		clock = T0 + 60_000;
		account.rows.push(message('local', '2026-11-22T10:00:30'));
		expect(ids(await harness.poll())).toEqual(['local']);
	});

	it('item 1: the remembered IDs stay bounded, also over a poll cut short', async () => {
		const harness = trigger({ pollBudgetMs: 1000 });
		const account = serveAccount();
		await harness.poll();
		// 121 full pages after the cursor; the poll's time budget runs out after the 120th.
		for (let i = 0; i < 12_100; i++) {
			account.rows.push(message(`b${i}`, new Date(T0 + 1000 + i).toISOString()));
		}
		account.onPage = (page) => {
			if (page === 119) clock += 5000;
		};
		expect(await harness.poll()).toHaveLength(12_000);
		const saved = JSON.stringify(harness.staticData['node:Trigger Under Test']);
		expect(saved.match(/"b\d+"/g)?.length ?? 0).toBe(MAX_SEEN_IDS);
	});
});
