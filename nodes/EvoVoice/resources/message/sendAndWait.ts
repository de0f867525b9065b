import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	recipientFieldsFor,
	sendAndWaitProperties,
	transmitBuilt,
	type SendAndWaitProvider,
} from '../../../shared/sendAndWait';
import { evoVoiceErrors } from '../../shared/errors';
import { messageSend, messageSendProperties } from './send';

export const messageSendAndWaitProperties: INodeProperties[] = [
	...recipientFieldsFor(messageSendProperties, (property) => property.name !== 'body'),
	...sendAndWaitProperties('message'),
];

/** SendMessage as the Send builds it (into a session or to a number), with the question and its link. */
export const messageSendAndWait: SendAndWaitProvider = {
	send: messageSend,
	textParameter: 'body',
	format: evoVoiceErrors,
	async transmit(ctx, request) {
		return await transmitBuilt(ctx, evoVoiceErrors, request, {
			credentialType: 'evoVoiceMessagingApi',
		});
	},
	conversation(request) {
		const { sessionId, endpointId, toAddress } = request.body as IDataObject;
		return sessionId !== undefined ? { sessionId } : { endpointId, toAddress };
	},
};
