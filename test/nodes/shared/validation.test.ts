import { DateTime } from 'luxon';
import type { IExecuteSingleFunctions, INode } from 'n8n-workflow';
import { dateTimeOf } from '../../../nodes/shared/validation';

/** dateTimeOf, the one date reader of the four nodes (EvoVoice filters, SuperOffice When Posted, iSlash Send At). */
const ctx = {
	getTimezone: () => 'Europe/Berlin',
	getNode: () =>
		({ name: 'Node', type: 'test', typeVersion: 1, position: [0, 0] }) as unknown as INode,
	getItemIndex: () => 0,
} as unknown as IExecuteSingleFunctions;

const utc = (value: unknown) => dateTimeOf(ctx, value, 'When')?.toUTC().toISO();

describe('dateTimeOf', () => {
	it('reads ISO 8601 and "YYYY-MM-DD HH:mm[:ss]" in the workflow time zone when the text has no offset', () => {
		expect(utc('2026-11-22T10:00:00Z')).toBe('2026-11-22T10:00:00.000Z');
		expect(utc('2026-11-22T10:00:00')).toBe('2026-11-22T09:00:00.000Z');
		expect(utc('2026-11-22 10:00')).toBe('2026-11-22T09:00:00.000Z');
		expect(utc(' 2026-11-22 10:00:30 ')).toBe('2026-11-22T09:00:30.000Z');
	});

	it('takes a JS Date and a Luxon DateTime as they are', () => {
		expect(utc(new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-22T10:00:00.000Z');
		expect(utc(DateTime.fromISO('2026-11-22T10:00:00+01:00'))).toBe('2026-11-22T09:00:00.000Z');
	});

	it('gives undefined for empty, or names the field when it is required', () => {
		expect(dateTimeOf(ctx, '', 'When')).toBeUndefined();
		expect(dateTimeOf(ctx, undefined, 'When')).toBeUndefined();
		expect(() => dateTimeOf(ctx, ' ', 'When', { required: true })).toThrow(
			'When: is required but empty',
		);
	});

	it('refuses text that is not a date and time, and values of another type', () => {
		expect(() => dateTimeOf(ctx, 'tomorrow', 'When')).toThrow(
			'When: "tomorrow" is not a date and time',
		);
		expect(() => dateTimeOf(ctx, '2026-13-40 10:00', 'When')).toThrow(
			'When: "2026-13-40 10:00" is not a date and time',
		);
		expect(() => dateTimeOf(ctx, 1766568600000, 'When')).toThrow(
			'When: expected a date and time but got a number',
		);
		expect(() => dateTimeOf(ctx, ['2026-11-22'], 'When')).toThrow(
			'When: expected a date and time but got a list',
		);
	});
});
