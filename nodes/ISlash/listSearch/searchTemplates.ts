import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesFilter } from '../../shared/listSearch';
import { dataList } from '../shared/answers';
import { iSlashRequest } from '../shared/transport';

/** The channel's templates (POST /template-message {session}); the value is the template name iSlash sends by. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await iSlashRequest.call(this, 'POST', '/template-message');
	const results = dataList(answer, 'templates')
		.filter((template) => typeof template.name === 'string' && template.name !== '')
		.map((template) => {
			const details = [template.language, template.status].filter(
				(part) => typeof part === 'string' && part !== '',
			);
			return {
				name: details.length
					? `${String(template.name)} (${details.join(', ')})`
					: String(template.name),
				value: String(template.name),
			};
		})
		.filter((result) => matchesFilter(filter, result.name));
	return { results };
}
