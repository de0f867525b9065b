import type { INodeProperties } from 'n8n-workflow';
import {
	recipientFieldsFor,
	sendAndWaitProperties,
	transmitBuilt,
	type SendAndWaitProvider,
} from '../../../shared/sendAndWait';
import { iSlashErrors } from '../../shared/errors';
import { CREDENTIAL_TYPE } from '../../shared/session';
import { sessionMessageSend, sessionMessageSendProperties } from './send';

export const sessionMessageSendAndWaitProperties: INodeProperties[] = [
	...recipientFieldsFor(sessionMessageSendProperties, (property) => property.name === 'identity'),
	...sendAndWaitProperties('sessionMessage'),
];

/**
 * Send Session Message as the Send builds it (multipart: session, identity, text), the question and its
 * link as the text, no attachment. It reaches the contact only inside their 24-hour window, as any
 * session message.
 */
export const sessionMessageSendAndWait: SendAndWaitProvider = {
	send: sessionMessageSend,
	textParameter: 'text',
	fixedParameters: { attachment: 'none', 'options.quotedMessageId': '' },
	format: iSlashErrors,
	async transmit(ctx, request) {
		return await transmitBuilt(ctx, iSlashErrors, request, { credentialType: CREDENTIAL_TYPE });
	},
	conversation(request) {
		const identity = request.body instanceof FormData ? request.body.get('identity') : undefined;
		return typeof identity === 'string' ? { identity } : {};
	},
};
