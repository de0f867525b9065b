import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { superOfficeRequest } from '../shared/transport';
import { matchesFilter } from '../../shared/listSearch';

/** Chat topics the current user is a member of (GET ChatTopic/ForCurrentUser), filtered by name. */
export async function searchChatTopics(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await superOfficeRequest.call(this, 'GET', '/api/v1/ChatTopic/ForCurrentUser');
	const topics = (Array.isArray(answer) ? answer : []) as IDataObject[];
	return {
		results: topics
			.filter((topic) => matchesFilter(filter, topic.Name, topic.ChatTopicId))
			.map((topic) => ({
				name: String(topic.Name ?? `Topic ${String(topic.ChatTopicId)}`),
				value: String(topic.ChatTopicId),
			})),
	};
}
