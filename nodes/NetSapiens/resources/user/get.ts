import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { userPath } from '../../shared/paths';

/** Domain and User, which the node shows on every operation, are all this operation reads. */
export const userGetProperties: INodeProperties[] = [];

/** GetUser: GET /domains/{domain}/users/{user}; answers the User object. */
export const userGet: OperationSpec = {
	method: 'GET',
	build(request) {
		request.url = userPath(this);
	},
};
