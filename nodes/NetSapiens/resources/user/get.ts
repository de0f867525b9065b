import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { userPath } from '../../shared/parameters';

/** Domain and User, which the node shows on every operation, are all this operation reads. */
export const userGetProperties: INodeProperties[] = [];

/**
 * The User object's voicemail PIN opens the user's voicemail box: like a password it stays out of the
 * output (and so out of n8n's execution data).
 */
const SECRET_USER_FIELDS = ['voicemail-login-pin'];

/** GetUser: GET /domains/{domain}/users/{user}; answers the User object. */
export const userGet: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = userPath(this);
	},
	finish(items) {
		return items.map((item) => ({
			...item,
			json: Object.fromEntries(
				Object.entries(item.json).filter(([field]) => !SECRET_USER_FIELDS.includes(field)),
			),
		}));
	},
};
