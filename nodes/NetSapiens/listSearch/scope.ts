import type { ILoadOptionsFunctions } from 'n8n-workflow';

/** /domains/{domain}/users/{user} from the node's current Domain and User fields ("~" when unset). */
export function currentUserPath(ctx: ILoadOptionsFunctions): string {
	const segment = (name: string) => {
		const value = ctx.getCurrentNodeParameter(name);
		const text =
			typeof value === 'string' && value.trim() !== '' && !value.startsWith('=')
				? value.trim()
				: '~';
		return encodeURIComponent(text);
	};
	return `/domains/${segment('domain')}/users/${segment('user')}`;
}
