import type { IExecuteSingleFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { checkText, fieldError, readText } from '../../shared/validation';

export const CREDENTIAL_TYPE = 'iSlashMessagingApi';

const LABEL = 'Session Key';

/** Shown for every operation: the channel to act on, when it is not the credential's default one. */
export const sessionKeyProperty: INodeProperties = {
	displayName: 'Session Key',
	name: 'sessionKey',
	type: 'string',
	default: '',
	description:
		"The channel's session key (from your iSlash admin). Leave empty to use the credential's default session key.",
};

/** The node's session key, or the credential's default one when the node leaves it empty. */
export async function readSessionKey(ctx: IExecuteSingleFunctions): Promise<string> {
	const override = readText(ctx, 'sessionKey', LABEL);
	if (override !== '') return override;
	const credentials = await ctx.getCredentials<{ defaultSession?: unknown }>(CREDENTIAL_TYPE);
	const fallback = checkText(ctx, credentials.defaultSession, LABEL);
	if (fallback === '') {
		throw fieldError(ctx, LABEL, 'is empty and the credential has no default session key');
	}
	return fallback;
}

/** The same choice for list searches (which run outside an item). */
export async function sessionKeyForListing(ctx: ILoadOptionsFunctions): Promise<string> {
	const override = ctx.getCurrentNodeParameter('sessionKey');
	if (typeof override === 'string' && override.trim() !== '') return override.trim();
	const credentials = await ctx.getCredentials<{ defaultSession?: unknown }>(CREDENTIAL_TYPE);
	return String(credentials.defaultSession ?? '').trim();
}
