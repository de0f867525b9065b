import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import {
	checkBinaryFile,
	multipartBody,
	readBinaryFile,
	readMaxFileBytes,
	setMultipartBody,
} from '../../../shared/binary';
import { bodyWhenSending } from '../../../shared/operation';
import { ISLASH_MAX_FILE_MB } from '../../shared/maxFileSize';
import type { RequestOptions } from '../../../shared/operation';
import { compact, fieldError, readDateTime, readText } from '../../../shared/validation';
import { dataOf, traceIdOf } from '../../shared/answers';
import { identityProperty } from '../../shared/descriptions';
import { readSessionKey } from '../../shared/session';

const showForTemplateSends = { resource: ['templateMessage'], operation: ['send', 'schedule'] };

/** Fields shared by Send and Schedule: both post the same template fields (Schedule adds send_at). */
export const templateMessageProperties: INodeProperties[] = [
	identityProperty(showForTemplateSends),
	{
		displayName: 'Template',
		name: 'templateName',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: showForTemplateSends },
		description: "The approved template to send, from the channel's template list",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. payment_update_en',
			},
		],
	},
	{
		displayName: 'Send At',
		name: 'sendAt',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['templateMessage'], operation: ['schedule'] } },
		description:
			"When iSlash should send the message. Sent as YYYY-MM-DD HH:MM:SS in this workflow's timezone (Settings › Timezone), which should match your iSlash account's timezone.",
	},
	{
		displayName: 'Template Variables',
		name: 'variables',
		type: 'collection',
		placeholder: 'Add Variable',
		default: {},
		displayOptions: { show: showForTemplateSends },
		options: [
			{
				displayName: 'Button URL Variable',
				name: 'buttonUrlVariable1',
				type: 'string',
				default: '',
				description:
					"The variable part of the template's URL button (no newlines, tabs or 5+ spaces in a row)",
			},
			{
				displayName: 'Variable 1',
				name: 'variable1',
				type: 'string',
				default: '',
				description:
					'Fills {{1}} of the template: $name for the customer name in iSlash, or free text (no newlines, tabs or 5+ spaces in a row)',
			},
			{
				displayName: 'Variable 2',
				name: 'variable2',
				type: 'string',
				default: '',
				description:
					'Fills {{2}} of the template: $name for the customer name in iSlash, or free text (no newlines, tabs or 5+ spaces in a row)',
			},
			{
				displayName: 'Variable 3',
				name: 'variable3',
				type: 'string',
				default: '',
				description:
					'Fills {{3}} of the template: $name for the customer name in iSlash, or free text (no newlines, tabs or 5+ spaces in a row)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'templateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForTemplateSends },
		options: [
			{
				displayName: 'Media Input Binary Field',
				name: 'mediaBinaryPropertyName',
				type: 'string',
				default: '',
				placeholder: 'data',
				description:
					'For templates with an image, video or document header: the input binary field holding that file. The message is then sent as multipart/form-data.',
			},
		],
	},
];

const VARIABLES: Array<[param: string, field: string, label: string]> = [
	['variable1', 'variable_1', 'Variable 1'],
	['variable2', 'variable_2', 'Variable 2'],
	['variable3', 'variable_3', 'Variable 3'],
	['buttonUrlVariable1', 'button_url_variable_1', 'Button URL Variable'],
];

/** iSlash's documented rule for variables: no newlines, tabs, or more than 4 consecutive spaces. */
function readVariables(ctx: IExecuteSingleFunctions): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [param, field, label] of VARIABLES) {
		const value = readText(ctx, `variables.${param}`, label);
		if (/[\r\n\t]| {5,}/.test(value)) {
			throw fieldError(
				ctx,
				label,
				'must not contain newlines, tabs or more than 4 consecutive spaces (iSlash refuses them)',
			);
		}
		if (value !== '') fields[field] = value;
	}
	return fields;
}

const SEND_AT_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** Send At as iSlash wants it (YYYY-MM-DD HH:MM:SS), as wall-clock time in the workflow's timezone. */
export function readSendAt(ctx: IExecuteSingleFunctions): string {
	return readDateTime(ctx, 'sendAt', 'Send At', { required: true })!
		.setZone(ctx.getTimezone())
		.toFormat(SEND_AT_FORMAT);
}

/**
 * Writes the template fields onto the request: JSON as iSlash documents it, or multipart/form-data
 * when a header media file is attached (a file cannot travel in JSON).
 */
export async function buildTemplateRequest(
	ctx: IExecuteSingleFunctions,
	request: RequestOptions,
	extra: Record<string, string> = {},
): Promise<void> {
	const identity = readText(ctx, 'identity', 'Contact Identity', { required: true });
	const templateName = readText(ctx, 'templateName', 'Template', { required: true });
	const variables = readVariables(ctx);
	const mediaField = readText(
		ctx,
		'templateOptions.mediaBinaryPropertyName',
		'Media Input Binary Field',
	);
	const maxBytes = readMaxFileBytes(ctx, ISLASH_MAX_FILE_MB);
	const media =
		mediaField === ''
			? undefined
			: checkBinaryFile(ctx, mediaField, 'Media Input Binary Field', maxBytes);
	const session = await readSessionKey(ctx);
	const fields = { session, identity, ...extra, template_name: templateName, ...variables };
	if (media) {
		setMultipartBody(request);
		bodyWhenSending(request, async function () {
			return multipartBody(fields, {
				field: 'media',
				file: await readBinaryFile(this, media, maxBytes),
			});
		});
	} else {
		request.body = compact(fields as IDataObject);
	}
}

/** The output of a template send: iSlash answers only a status, so say what was sent. */
export function templateResult(
	ctx: IExecuteSingleFunctions,
	answer: IDataObject,
	extra: IDataObject,
): IDataObject {
	return compact({
		identity: readText(ctx, 'identity', 'Contact Identity'),
		templateName: readText(ctx, 'templateName', 'Template'),
		...extra,
		traceId: traceIdOf(answer),
		...dataOf(answer),
	});
}
