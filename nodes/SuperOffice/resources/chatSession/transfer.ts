import type { INodeProperties } from 'n8n-workflow';
import type { OperationSpec } from '../../../shared/operation';
import { pathSegment } from '../../../shared/validation';
import { chatSessionLocator } from '../../shared/descriptions';
import { readId } from '../../shared/parameters';

const showForTransfer = { resource: ['chatSession'], operation: ['transfer'] };

export const chatSessionTransferProperties: INodeProperties[] = [
	chatSessionLocator(showForTransfer, 'The chat session to hand over'),
	{
		displayName: 'To User',
		name: 'toAssociate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jdoe or 42',
		displayOptions: { show: showForTransfer },
		description: 'The user to transfer the session to: their user name or associate ID',
	},
];

/**
 * TransferChatSession: POST ChatSession/{id}/TransferTo/{toAssociate} with no body. SuperOffice ignores
 * the request when the session does not belong to the calling user.
 */
export const chatSessionTransfer: OperationSpec = {
	method: 'POST',
	build(request) {
		const chatSessionId = readId(this, 'chatSessionId', 'Chat Session');
		request.url = `/api/v1/ChatSession/${chatSessionId}/TransferTo/${pathSegment(this, 'toAssociate', 'To User')}`;
	},
};
