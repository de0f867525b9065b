import type { OperationSpec } from '../../../shared/operation';
import { buildTemplateRequest, templateResult } from './fields';

/** Send Template Message: POST /send-message {session, identity, template_name, variable_1..3, button_url_variable_1, media?}. */
export const templateMessageSend: OperationSpec = {
	method: 'POST',
	url: '/send-message',
	async build(request) {
		await buildTemplateRequest(this, request);
	},
	finish(items) {
		return items.map((item) => ({
			...item,
			json: templateResult(this, item.json, { sent: true }),
		}));
	},
};
