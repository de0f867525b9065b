import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesFilter } from '../../shared/listSearch';
import { listRows } from '../../shared/operation';
import { MAX_LIMIT } from '../shared/descriptions';
import { netSapiensRequest } from '../shared/transport';
import { currentUserPath } from './scope';

function label(session: IDataObject): string {
	const name = String(session['messagesession-name'] ?? '').trim();
	const remote = String(session['messagesession-remote'] ?? '').trim();
	const last = String(session['messagesession-last-message'] ?? '').trim();
	const title = name || remote || String(session['messagesession-id']);
	return last ? `${title} — ${last.length > 40 ? `${last.slice(0, 40)}…` : last}` : title;
}

/** The node user's message sessions, newest first as the API lists them. */
export async function searchMessageSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const sessions = listRows(
		await netSapiensRequest.call(this, 'GET', `${currentUserPath(this)}/messagesessions`, {
			qs: { limit: MAX_LIMIT },
		}),
	);
	return {
		results: sessions
			.map((session) => ({ name: label(session), value: String(session['messagesession-id']) }))
			.filter((result) => matchesFilter(filter, result.name, result.value)),
	};
}
