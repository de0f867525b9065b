import type { INodeProperties } from 'n8n-workflow';
import { listRows, type OperationSpec } from '../../../shared/operation';
import { messageSessionLocator } from '../../shared/descriptions';
import { sessionPath } from '../../shared/parameters';

export const messageSessionGetProperties: INodeProperties[] = [
	messageSessionLocator(
		{ resource: ['messageSession'], operation: ['get'] },
		{ required: true, description: 'The session to read' },
	),
];

/**
 * What a core older than 45 answers with its "No Route Found": the core 44.4.10 OpenAPI has only PUT and
 * DELETE on this path (the docs v45.0 mark the GET "testing"). No fallback to the session list: it takes
 * `limit` (at most 1,000) and no offset, so a session beyond its first page could not be found.
 */
export const MESSAGE_SESSION_GET_REQUIREMENT =
	'Message Session › Get needs NetSapiens core 45 or later (core 44.x has no GET of one session); use Message Session › Get Many instead';

/** GET /domains/{domain}/users/{user}/messagesessions/{messagesession} (answered as a one-row list). */
export const messageSessionGet: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = sessionPath(this);
	},
	rows: (body) => listRows(body),
};
