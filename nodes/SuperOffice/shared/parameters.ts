import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { fieldError, readText } from '../../shared/validation';

const INT32_MAX = 2147483647;

/** SuperOffice IDs are int32 primary keys: a whole number from 1 up (text such as "42" from expressions is fine). */
export function isSuperOfficeId(text: string): boolean {
	return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= INT32_MAX;
}

/** Reads an ID parameter (plain or resource locator), refusing anything but a positive whole number. */
export function readId(ctx: IExecuteSingleFunctions, name: string, label: string): number {
	const text = readText(ctx, name, label, { required: true });
	if (!isSuperOfficeId(text)) {
		throw fieldError(
			ctx,
			label,
			`"${text}" is not a SuperOffice ID`,
			'Use a whole number from 1 up, e.g. 42',
		);
	}
	return Number(text);
}
