import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { superOfficeRequest } from '../shared/transport';
import { matchesFilter } from '../../shared/listSearch';

/** Chat sessions of the current user (GET ChatSession/ForCurrentUser), filtered by customer or ID. */
export async function searchChatSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await superOfficeRequest.call(this, 'GET', '/api/v1/ChatSession/ForCurrentUser');
	const sessions = (Array.isArray(answer) ? answer : []) as IDataObject[];
	return {
		results: sessions
			.filter((session) =>
				matchesFilter(
					filter,
					session.CustomerName,
					session.CustomerAlias,
					session.CustomerEmail,
					session.ChatSessionId,
				),
			)
			.map((session) => {
				const customer =
					session.CustomerName || session.CustomerAlias || session.CustomerEmail || 'Customer';
				const status = session.Status ? ` – ${String(session.Status)}` : '';
				return {
					name: `${String(customer)}${status} (#${String(session.ChatSessionId)})`,
					value: String(session.ChatSessionId),
				};
			}),
	};
}
