import { createHash } from 'crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	recipientFieldsFor,
	sendAndWaitProperties,
	transmitBuilt,
	type ParameterContext,
	type SendAndWaitProvider,
} from '../../../shared/sendAndWait';
import { netSapiensErrors } from '../../shared/errors';
import { messageReplyWait } from './replyWait';
import { messageSend, messageSendProperties } from './send';

/** The text sends (no file can carry the question and its link). */
const TEXT_TYPES = ['chat', 'groupChat', 'sms', 'groupSms'];

function showsForTextType(property: INodeProperties): boolean {
	const types = property.displayOptions?.show?.messageType as string[] | undefined;
	return types === undefined || types.some((type) => TEXT_TYPES.includes(type));
}

export const messageSendAndWaitProperties: INodeProperties[] = [
	...recipientFieldsFor(
		messageSendProperties,
		(property) =>
			property.name !== 'message' &&
			property.name !== 'binaryPropertyName' &&
			showsForTextType(property),
	).map((property) =>
		property.name === 'messageType'
			? {
					...property,
					options: property.options?.filter(
						(option) => 'value' in option && TEXT_TYPES.includes(String(option.value)),
					),
				}
			: property,
	),
	...sendAndWaitProperties('message', { reply: true }),
];

const SESSION_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The ID of the new session when Message Session is left empty. The Send makes a random one; here it is
 * derived from the workflow, execution and node, so the answer's webhook (which runs later, in another
 * request) names the same session in the resumed item. 40 letters and digits, as the API wants for an ID
 * a client chooses (at least 32 of letters, digits or _).
 */
function waitingSessionId(ctx: ParameterContext): string {
	const digest = createHash('sha256')
		.update(`${ctx.getWorkflow().id ?? ''}:${ctx.getExecutionId()}:${ctx.getNode().id}`)
		.digest();
	let id = '';
	for (let i = 0; i < 40; i++) id += SESSION_ID_ALPHABET[digest[i % digest.length] % 62];
	return id;
}

/** MessageSend as the Send builds it (chat or SMS, in a session or a new one), with the question and its link. */
export const messageSendAndWait: SendAndWaitProvider = {
	send: messageSend,
	reply: messageReplyWait,
	textParameter: 'message',
	format: netSapiensErrors,
	parameterValue(ctx, name, value) {
		return name === 'messagesession' && value === '' ? waitingSessionId(ctx) : value;
	},
	async transmit(ctx, request) {
		return await transmitBuilt(ctx, netSapiensErrors, request, {
			credentialType: 'netSapiensMessagingApi',
			renewsTokenOn401: true,
		});
	},
	conversation(request) {
		const sent = request.body as IDataObject;
		const session = /\/messagesessions\/([^/]+)\/messages$/.exec(request.url ?? '')?.[1];
		return {
			...(session ? { 'messagesession-id': decodeURIComponent(session) } : {}),
			type: sent.type,
			destination: sent.destination,
			...(sent['from-number'] !== undefined ? { 'from-number': sent['from-number'] } : {}),
		};
	},
};
