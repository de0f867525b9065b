import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

/**
 * The webhooks n8n serves while a Send and Wait execution waits: `/webhook-waiting/<execution>/<node ID>`.
 * `restartWebhook` marks them as resuming a waiting execution (activation registers none of them);
 * n8n's waiting-webhook handler picks the one whose method matches the request.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	}),
);

/**
 * The length of the reply link n8n signs: `<your n8n's address>/webhook-waiting/<execution ID>/<node ID>
 * ?signature=<64 hex digits>` is about 135 characters plus the address (about 160 with
 * `https://n8n.example.com`), on a line of its own after the text.
 */
const LINK_HINT =
	'With Approval or Free Text the reply link is added on its own line: about 135 characters plus your n8n’s address (e.g. 160 in all), so one SMS of 160 characters cannot hold it; most phones join the parts again';

/**
 * The fields of a Send and Wait for Response operation, after the provider's own recipient fields. The
 * names `message` and `responseType` are n8n's: the "Human review" tool n8n generates for the node
 * replaces the property named `message` with its own and forces `responseType` to `approval`
 * (`filterHitlToolProperties`); `approvalOptions` and the limit fields follow n8n's own send-and-wait nodes
 * (`getSendAndWaitProperties`, `configureWaitTillDate` with the limit at the root).
 */
export function sendAndWaitProperties(
	resource: string,
	{ reply = false }: { reply?: boolean } = {},
): INodeProperties[] {
	const show = { resource: [resource], operation: [SEND_AND_WAIT_OPERATION] };
	const limited = { ...show, limitWaitTime: [true] };
	return [
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 4 },
			displayOptions: { show },
			description: reply
				? 'The question to send; with Approval or Free Text the reply link follows it'
				: 'The question to send; the reply link follows it',
			hint: LINK_HINT,
		},
		{
			displayName: 'Response Type',
			name: 'responseType',
			type: 'options',
			displayOptions: { show },
			options: [
				{
					name: 'Approval',
					value: 'approval',
					description: 'The recipient approves (or declines) on the page the link opens',
				},
				{
					name: 'Free Text',
					value: 'freeText',
					description: 'The recipient types an answer on the page the link opens',
				},
				...(reply
					? [
							{
								name: 'Reply',
								value: 'reply',
								description:
									'The recipient answers with a message in the same conversation; the question goes out without a link',
							},
						]
					: []),
			],
			default: 'approval',
		},
		{
			displayName: 'Approval Options',
			name: 'approvalOptions',
			type: 'fixedCollection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { ...show, responseType: ['approval'] } },
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Type of Approval',
							name: 'approvalType',
							type: 'options',
							default: 'single',
							options: [
								{ name: 'Approve and Decline', value: 'double' },
								{ name: 'Approve Only', value: 'single' },
							],
						},
						{
							displayName: 'Approve Button Label',
							name: 'approveLabel',
							type: 'string',
							default: 'Approve',
						},
						{
							displayName: 'Decline Button Label',
							name: 'disapproveLabel',
							type: 'string',
							default: 'Decline',
							displayOptions: { show: { approvalType: ['double'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'boolean',
			default: true,
			displayOptions: { show },
			description:
				'Whether to stop waiting after a while: the node then passes its input on without `data` (24 hours by default)',
		},
		{
			displayName: 'Limit Type',
			name: 'limitType',
			type: 'options',
			default: 'afterTimeInterval',
			displayOptions: { show: limited },
			options: [
				{
					name: 'After Time Interval',
					value: 'afterTimeInterval',
					description: 'Waits for a certain amount of time',
				},
				{
					name: 'At Specified Time',
					value: 'atSpecifiedTime',
					description: 'Waits until the set date and time',
				},
			],
		},
		// 24 hours unless the user says otherwise: a text conversation is answered within hours or not at all,
		// WhatsApp (iSlash) lets a business reply freely only within 24 hours of the customer's last message,
		// and without a limit an unanswered question keeps its execution waiting forever.
		{
			displayName: 'Amount',
			name: 'resumeAmount',
			type: 'number',
			default: 24,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			displayOptions: { show: { ...limited, limitType: ['afterTimeInterval'] } },
			description: 'The time to wait',
		},
		{
			displayName: 'Unit',
			name: 'resumeUnit',
			type: 'options',
			default: 'hours',
			displayOptions: { show: { ...limited, limitType: ['afterTimeInterval'] } },
			options: [
				{ name: 'Days', value: 'days' },
				{ name: 'Hours', value: 'hours' },
				{ name: 'Minutes', value: 'minutes' },
			],
		},
		{
			displayName: 'Max Date and Time',
			name: 'maxDateAndTime',
			type: 'dateTime',
			default: '',
			displayOptions: { show: { ...limited, limitType: ['atSpecifiedTime'] } },
			description: 'Continue execution after the specified date and time',
		},
		{
			displayName: 'Options',
			name: 'responseOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			// the link's text and the page's button: a Reply sends no link
			displayOptions: { show: { ...show, responseType: ['approval', 'freeText'] } },
			options: [
				{
					displayName: 'Link Text',
					name: 'linkText',
					type: 'string',
					default: 'Answer here:',
					description: 'The words before the reply link in the message',
				},
				{
					displayName: 'Response Form Button Label',
					name: 'submitLabel',
					type: 'string',
					default: 'Send',
					displayOptions: { show: { '/responseType': ['freeText'] } },
					description: 'The label of the button that sends a typed answer',
				},
			],
		},
	];
}

/**
 * n8n's loader adds its Request Options (Batching, Ignore SSL Issues, Proxy, Timeout) only to declarative
 * nodes without a `webhook()` method (`DirectoryLoader.applyDeclarativeNodeOptionParameters`), and the
 * RoutingNode still reads them from the node's `requestOptions`: a node with Send and Wait declares them
 * itself, merged with its own options and sorted by name as the loader would.
 */
export function withDeclarativeRequestOptions(own: INodeProperties): INodeProperties {
	const common: INodeProperties[] = [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description:
								'Input will be split in batches to throttle requests. -1 for disabled. 0 will be treated as 1.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Time (in milliseconds) between each batch of requests. 0 for disabled.',
						},
					],
				},
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description:
				'HTTP proxy to use. If authentication is required it can be defined as follow: http://username:password@myproxy:3128.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description:
				'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	];
	const options = [...common, ...(own.options ?? [])] as INodeProperties[];
	options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { ...own, options };
}

/**
 * A Send's recipient fields shown for Send and Wait as well: the same properties, the same names (so a
 * value carries over when the operation changes), with `show.operation` set to `sendAndWait`.
 */
export function recipientFieldsFor(
	sendProperties: INodeProperties[],
	keep: (property: INodeProperties) => boolean,
): INodeProperties[] {
	return sendProperties.filter(keep).map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, operation: [SEND_AND_WAIT_OPERATION] },
		},
	}));
}
