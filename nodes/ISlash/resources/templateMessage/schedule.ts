import type { OperationSpec } from '../../../shared/operation';
import { buildTemplateRequest, readSendAt, templateResult } from './fields';

/** Send Schedule Message: POST /schedule-message — the template fields plus send_at "YYYY-MM-DD HH:MM:SS". */
export const templateMessageSchedule: OperationSpec<string> = {
	method: 'POST',
	url: '/schedule-message',
	async build(request) {
		const sendAt = readSendAt(this);
		await buildTemplateRequest(this, request, { send_at: sendAt });
		return sendAt;
	},
	finish(items, _request, sendAt) {
		return items.map((item) => ({
			...item,
			json: templateResult(this, item.json, { scheduled: true, sendAt }),
		}));
	},
};
