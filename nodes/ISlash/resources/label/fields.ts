import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationSpec, RequestOptions } from '../../../shared/operation';
import { readText } from '../../../shared/validation';
import { identityProperty } from '../../shared/descriptions';
import { readSessionKey } from '../../shared/session';

const showForLabel = { resource: ['label'], operation: ['attach', 'detach'] };

/** Attach and Detach take the same query: session, the contact (identity or hash), the label text. */
export const labelProperties: INodeProperties[] = [
	{
		displayName: 'Contact By',
		name: 'contactBy',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForLabel },
		options: [
			{ name: 'Hash', value: 'hash', description: 'The contact hash iSlash keeps' },
			{
				name: 'Identity',
				value: 'identity',
				description: 'WhatsApp number or Facebook page-scoped ID',
			},
		],
		default: 'identity',
	},
	identityProperty({ ...showForLabel, contactBy: ['identity'] }),
	{
		displayName: 'Contact Hash',
		name: 'hash',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...showForLabel, contactBy: ['hash'] } },
		description: 'The contact hash iSlash keeps (iSlash takes a hash or an identity)',
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Paid',
		displayOptions: { show: showForLabel },
		description: 'The label text, as it is named in iSlash',
	},
];

/** Writes `?session&identity|hash&label`. */
async function buildLabelQuery(
	ctx: IExecuteSingleFunctions,
	request: RequestOptions,
): Promise<void> {
	const by = ctx.getNodeParameter('contactBy', 'identity') === 'hash' ? 'hash' : 'identity';
	const contact = readText(ctx, by, by === 'hash' ? 'Contact Hash' : 'Contact Identity', {
		required: true,
	});
	const label = readText(ctx, 'label', 'Label', { required: true });
	request.qs = { ...request.qs, session: await readSessionKey(ctx), [by]: contact, label };
}

/** The output of Attach / Detach: iSlash answers only a status, so say what was done to whom. */
function labelResult(ctx: IExecuteSingleFunctions, done: 'attached' | 'detached') {
	const by = ctx.getNodeParameter('contactBy', 'identity') === 'hash' ? 'hash' : 'identity';
	return { [by]: readText(ctx, by, by), label: readText(ctx, 'label', 'Label'), [done]: true };
}

/** Attach and Detach differ only in method: POST or DELETE /chat-label?session&identity|hash&label, no body. */
export function labelOperationSpec(
	method: 'POST' | 'DELETE',
	done: 'attached' | 'detached',
): OperationSpec {
	return {
		method,
		url: '/chat-label',
		async build(request) {
			await buildLabelQuery(this, request);
		},
		finish(items) {
			return items.map((item) => ({ ...item, json: labelResult(this, done) }));
		},
	};
}
