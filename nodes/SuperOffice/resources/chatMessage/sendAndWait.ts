import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	recipientFieldsFor,
	sendAndWaitProperties,
	transmitBuilt,
	type SendAndWaitProvider,
} from '../../../shared/sendAndWait';
import { connect, credentialTypeOf, OIDC_CREDENTIAL } from '../../shared/transport';
import { superOfficeErrors } from '../../shared/errors';
import { chatMessageSend, chatMessageSendProperties } from './send';

export const chatMessageSendAndWaitProperties: INodeProperties[] = [
	...recipientFieldsFor(chatMessageSendProperties, (property) =>
		['chatSessionId', 'additionalFields'].includes(property.name),
	),
	...sendAndWaitProperties('chatMessage'),
];

/**
 * AddChatMessage as the Send builds it: a plain message (Type To Customer, Special Type None) with the
 * question and its link, on the tenant and credential the node's Authentication picks.
 */
export const chatMessageSendAndWait: SendAndWaitProvider = {
	send: chatMessageSend,
	textParameter: 'message',
	fixedParameters: { type: 'ToCustomer', specialType: 'None' },
	format: superOfficeErrors,
	async transmit(ctx, request) {
		const type = credentialTypeOf(
			ctx.getNodeParameter('authentication', 0, 'superOfficeMessagingApi'),
		);
		const credentials = await ctx.getCredentials(type);
		return await transmitBuilt(ctx, superOfficeErrors, request, {
			credentialType: type,
			renewsTokenOn401: type === OIDC_CREDENTIAL,
			prepare: (options) => connect(ctx.getNode(), credentials, options),
		});
	},
	conversation(request) {
		return { chatSessionId: (request.body as IDataObject).ChatSessionId };
	},
};
