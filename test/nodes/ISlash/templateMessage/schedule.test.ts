import { guardNetwork } from '../../../harness/nockGuard';
import { BASE, nock, okay, runISlash, SESSION, template } from '../fixtures';

const network = guardNetwork();

describe('iSlash › Template Message › Schedule', () => {
	it('posts the template fields with send_at as given in YYYY-MM-DD HH:MM:SS', async () => {
		const scope = nock(BASE)
			.post('/schedule-message', {
				session: SESSION,
				identity: '85256872847',
				send_at: '2026-12-24 09:30:00',
				template_name: 'payment_update_en',
				variable_1: 'Tom',
			})
			.reply(200, {
				meta: { code: 'RESP_OKAY', message: 'Success', trace_id: '040a6b96021b42e3' },
				data: [],
			});

		const result = await runISlash({
			parameters: template('schedule', {
				sendAt: '2026-12-24 09:30:00',
				variables: { variable1: 'Tom' },
			}),
		});

		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.main[0].json).toEqual({
			identity: '85256872847',
			templateName: 'payment_update_en',
			scheduled: true,
			sendAt: '2026-12-24 09:30:00',
			traceId: '040a6b96021b42e3',
		});
	});

	it("turns an ISO date with an offset into wall-clock time in the workflow's timezone", async () => {
		// The harness workflow has no timezone setting, so n8n's default applies: America/New_York.
		const scope = nock(BASE)
			.post('/schedule-message', (body) => body.send_at === '2026-12-23 20:30:00')
			.reply(200, okay([]));
		const result = await runISlash({
			parameters: template('schedule', { sendAt: '2026-12-24T01:30:00Z' }),
		});
		expect(result.error).toBeUndefined();
		scope.done();
	});

	it('refuses a send time that is not a date', async () => {
		const result = await runISlash({
			parameters: template('schedule', { sendAt: '={{ "next tuesday" }}' }),
		});
		expect(result.error?.message).toBe('Send At: "next tuesday" is not a date and time');
		expect(network.unexpected).toEqual([]);
	});

	it.each([
		['a number', '={{ 1766568600000 }}', 'Send At: expected a date and time but got a number'],
		[
			'an object',
			'={{ { at: "2026-12-24" } }}',
			'Send At: expected a date and time but got an object',
		],
		['null', '={{ null }}', 'Send At: is required but empty'],
	])('says what is wrong with a send time that is %s', async (_case, sendAt, message) => {
		const result = await runISlash({ parameters: template('schedule', { sendAt }) });
		expect(result.error?.message).toBe(message);
		expect(network.unexpected).toEqual([]);
	});
});
