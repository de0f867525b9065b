import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { isDotSegment } from '../../shared/validation';

/** /domains/{domain}/users/{user} from the node's current Domain and User fields ("~" when unset). */
export function currentUserPath(ctx: ILoadOptionsFunctions): string {
	const segment = (name: string) => {
		const value = ctx.getCurrentNodeParameter(name);
		const text =
			typeof value === 'string' && value.trim() !== '' && !value.startsWith('=')
				? value.trim()
				: '~';
		if (isDotSegment(text)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${name === 'domain' ? 'Domain' : 'User'}: "${text}" is a dot segment, which would change the request's path`,
			);
		}
		return encodeURIComponent(text);
	};
	return `/domains/${segment('domain')}/users/${segment('user')}`;
}
