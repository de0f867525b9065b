import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Paging, RequestOptions } from '../../shared/operation';
import { MAX_LIMIT } from './descriptions';

/** One request with `limit`: the list endpoints have no offset to page further with. */
export const limitOnly: Paging = {
	maxPageSize: MAX_LIMIT,
	setPage(request, page, size) {
		if (page > 0) return false;
		request.qs = { ...request.qs, limit: size };
		return true;
	},
};

/**
 * The output of a send: the API's answer (202 {code, message}) plus what was sent, named as in the
 * API's message objects, so the next node can reply in the same session. The media itself is left out.
 */
export function sentMessageOutput(
	items: INodeExecutionData[],
	request: RequestOptions,
	session: { id?: string; created: boolean },
): INodeExecutionData[] {
	const answer = items[0]?.json;
	const sent = request.body as IDataObject;
	const json: IDataObject = {
		...(answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}),
		...(session.id ? { 'messagesession-id': session.id, 'new-session': session.created } : {}),
		type: sent.type,
		destination: sent.destination,
		text: sent.message,
	};
	if (sent['from-number'] !== undefined) json['from-number'] = sent['from-number'];
	if (sent.data !== undefined) {
		json['media-type'] = sent['mime-type'];
		json['media-size'] = sent.size;
	}
	return [{ json }];
}
