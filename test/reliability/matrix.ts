import nock from 'nock';
import type { IBinaryData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { ISlashMessagingApi } from '../../credentials/ISlashMessagingApi.credentials';
import { NetSapiensMessagingApi } from '../../credentials/NetSapiensMessagingApi.credentials';
import { ISlashTrigger } from '../../nodes/ISlash/ISlashTrigger.node';
import { NetSapiensTrigger } from '../../nodes/NetSapiens/NetSapiensTrigger.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOffice/SuperOfficeTrigger.node';
import type { RunOptions, RunResult } from '../harness/engine';
import { TriggerHarness, type Delivery } from '../harness/trigger';
import * as evo from '../nodes/EvoVoice/fixtures';
import * as islash from '../nodes/ISlash/fixtures';
import * as ns from '../nodes/NetSapiens/fixtures';
import * as so from '../nodes/SuperOffice/fixtures';

/**
 * The reliability matrix's one table: every provider, and every SEND operation of every provider.
 * Adding a provider is adding one ProviderEntry and its SendOperation entries to SEND_OPERATIONS (and,
 * with a webhook trigger, a TriggerEntry to TRIGGERS); every section of reliability.test.ts then runs
 * over it.
 */

/** A provider as the matrix drives it. */
export interface ProviderEntry {
	name: string;
	/** The provider's fixture runner: its node through the real engine with its fixture credential. */
	run(options: Omit<RunOptions, 'nodeType'>): Promise<RunResult>;
	/** Scheme and host of the API (nock scope); operations give full request paths. */
	origin: string;
	/** The provider's own error body carrying `message` (what its API answers on failure). */
	errorBody(message: string, status: number): unknown;
	/** A 2xx answer that still reports a failure (iSlash's meta.code), when the provider has that. */
	failureIn2xx?(message: string): unknown;
	/**
	 * Every secret of the fixture credential that must never show up in an output, error or log:
	 * passwords, keys, tokens, session keys and derived forms such as the Basic header. The scan also
	 * looks for each one's base64 form.
	 */
	secrets: string[];
	/**
	 * Requests one send costs when the API answers 401: 1, or 2 when the node lets the 401 through to
	 * n8n's refresh path (ignoreHttpStatusErrors except 401: n8n re-authenticates and re-sends once —
	 * nothing was processed, so that is not a duplicate).
	 */
	requestsOn401: number;
	/** Extra interceptors every networked case needs (e.g. a token endpoint); registered per case. */
	prepare?(): void;
	/** The login request the credential makes before a send (a token endpoint), so it can be faulted too. */
	login?: { intercept(): nock.Interceptor };
}

/** Parameter overrides by dotted path (`variables.variable1`); `undefined` removes the parameter. */
export type ParameterPatch = Record<string, unknown>;

/** The exact request a send makes: full path and body (JSON, or multipart parts by name). */
export interface ExpectedRequest {
	path: string;
	body: IDataObject;
}

export interface BadInput {
	/** What the user got wrong, e.g. `Message: whitespace only`. */
	name: string;
	set?: ParameterPatch;
	/** Input items in place of the operation's valid one. */
	items?: INodeExecutionData[];
	/** Refused before any request: the run error (and the Continue-On-Fail item) starts with `<label>: `. */
	refused?: string;
	/** What the refusal must also say, where the label alone would not show it is the right reason. */
	says?: RegExp;
	/** Deliberately accepted: the exact request it sent (changes to the operation's valid request) and why. */
	accepted?: { path?: string; body: IDataObject; why: string };
}

export interface SendOperation {
	provider: ProviderEntry;
	/** `Resource › Operation (variant)` as the node shows it. */
	name: string;
	/** Valid parameters: they send `expected`. */
	parameters: INodeParameters;
	/** The binary data a valid input item carries (media sends). */
	binary?: Record<string, IBinaryData>;
	/** The exact request the valid parameters send. */
	expected: ExpectedRequest;
	/** A free-text parameter sent verbatim: the matrix puts each item's reference there to count sends per item. */
	textField: string;
	/** The nock interceptor of this send (method and path on the provider's origin), optionally matching bodies. */
	intercept(body?: (body: unknown) => boolean): nock.Interceptor;
	/** The provider's success answer. */
	success: { status: number; body: unknown };
	/** Inputs users really get wrong, each refused (naming the field) or deliberately accepted. */
	badInputs: BadInput[];
	/** Parameters the fuzzer fills with random values (dotted paths; `rl` = a resource locator). */
	fuzz: Array<{ path: string; rl?: boolean }>;
}

export interface TriggerEntry {
	name: string;
	/** A trigger that is live (activated as n8n would), and the secret its deliveries must carry. */
	activate(): Promise<{ harness: TriggerHarness; secret: string }>;
	/**
	 * A delivery authenticated as the provider does it with `secret` (none: unsigned), of `body` (default:
	 * a genuine event). Providers that sign the raw body (HMAC) sign whatever body is given.
	 */
	delivery(secret?: unknown, body?: unknown): Delivery;
	/** Bodies that are not the provider's deliveries (sent with the right secret). */
	malformed: Array<[name: string, body: unknown]>;
	/** What the trigger answers such a body (default 400); it never starts an execution. */
	malformedStatus?: number;
	/** Secrets the trigger's answers must never reveal (besides the webhook secret itself). */
	secrets: string[];
	/**
	 * Deliveries made with the right secret after a genuine one was handled: each must answer `status`
	 * and start nothing (a replay with a changed unsigned header; a redelivered deeply nested body).
	 */
	afterGenuine?: Array<[name: string, status: number, deliveries: (secret: string) => Delivery[]]>;
}

/** A body nested `depth` levels deep under `extra`, as an object and as the bytes a provider sends. */
export function nestedBody(depth: number, top: IDataObject): { body: IDataObject; raw: Buffer } {
	let value: unknown = 'bottom';
	for (let level = 0; level < depth; level++) value = { deeper: value };
	const raw = `${JSON.stringify(top).slice(0, -1)},"extra":${'{"deeper":'.repeat(depth)}"bottom"${'}'.repeat(depth)}}`;
	return { body: { ...top, extra: value as IDataObject }, raw: Buffer.from(raw) };
}

// ---------------------------------------------------------------------------------------------------
// Providers

const post = (origin: string, path: string) => (body?: (body: unknown) => boolean) =>
	body ? nock(origin).post(path, body) : nock(origin).post(path);

export const EVOVOICE: ProviderEntry = {
	name: 'EvoVoice',
	run: evo.runEvoVoice,
	origin: evo.BASE,
	errorBody: (message) => ({ responseStatus: { errorCode: 'Error', message } }),
	secrets: [evo.PASSWORD, evo.BASIC, Buffer.from(`${evo.USER}:${evo.PASSWORD}`).toString('base64')],
	requestsOn401: 1,
};

const ISLASH_ORIGIN = `https://${islash.HOST}`;

export const ISLASH: ProviderEntry = {
	name: 'iSlash',
	run: islash.runISlash,
	origin: ISLASH_ORIGIN,
	errorBody: (message) => ({ meta: { code: 'RESP_ERROR', message }, data: [] }),
	failureIn2xx: (message) => ({ meta: { code: 'RESP_INVALID_SESSION', message }, data: [] }),
	secrets: [islash.TOKEN, islash.SESSION],
	requestsOn401: 1,
};

const NS_ORIGIN = ns.HOST;

export const NETSAPIENS: ProviderEntry = {
	name: 'NetSapiens',
	run: ns.runNetSapiens,
	origin: NS_ORIGIN,
	errorBody: (message, status) => ({ code: status, message }),
	secrets: [ns.API_KEY, ns.BEARER],
	requestsOn401: 2,
};

const NS_TOKEN = 'ns-access-token-5f1e9c0b7a3d42e8';

/** NetSapiens with a username/password login: a token request first, and the login's secrets to guard. */
export const NETSAPIENS_LOGIN: ProviderEntry = {
	...NETSAPIENS,
	name: 'NetSapiens (login)',
	run: (options) =>
		ns.runNetSapiens({
			...options,
			credentialsHelper: undefined,
			credentials: { netSapiensMessagingApi: ns.passwordCredentials },
			credentialTypes: [new NetSapiensMessagingApi()],
		}),
	secrets: [ns.PASSWORD, ns.CLIENT_SECRET, NS_TOKEN, `Bearer ${NS_TOKEN}`, 'refresh-xyz'],
	prepare() {
		nock(ns.BASE).persist().post('/tokens', ns.TOKEN_REQUEST).reply(200, ns.tokenAnswer(NS_TOKEN));
	},
	login: { intercept: () => nock(ns.BASE).post('/tokens', ns.TOKEN_REQUEST) },
};

// ---------------------------------------------------------------------------------------------------
// Bad-input builders

/** How a node treats a value type that is a judgement call (a number for a text field, a list). */
type Verdict = { accepted: { path?: string; body: IDataObject; why: string } } | { refused: true };

const rl = (value: unknown, mode = 'id') => ({ __rl: true as const, mode, value: value as string });

/**
 * The ways a required text field goes wrong: missing, empty, whitespace, and an expression giving an
 * object, a list, a boolean or null. `number` decides the one value type that is a judgement call.
 */
function requiredText(
	path: string,
	label: string,
	number: Verdict,
	{ locator, list = { refused: true } }: { locator?: string; list?: Verdict } = {},
): BadInput[] {
	const wrap = (value: unknown) => (locator ? rl(value, locator) : value);
	const judged = (name: string, value: string, verdict: Verdict): BadInput =>
		'accepted' in verdict
			? { name: `${label}: ${name}`, set: { [path]: wrap(value) }, accepted: verdict.accepted }
			: { name: `${label}: ${name}`, set: { [path]: wrap(value) }, refused: label };
	const cases: BadInput[] = [
		{ name: `${label}: missing`, set: { [path]: undefined }, refused: label },
		{ name: `${label}: empty`, set: { [path]: wrap('') }, refused: label },
		{ name: `${label}: whitespace only`, set: { [path]: wrap(' \t  ') }, refused: label },
		{
			name: `${label}: empty for this item ($json.missing)`,
			set: { [path]: wrap('={{ $json.missing }}') },
			refused: label,
		},
		{ name: `${label}: an object`, set: { [path]: wrap('={{ { value: 1 } }}') }, refused: label },
		judged('a list', '={{ [1123, 1004] }}', list),
		{ name: `${label}: a boolean`, set: { [path]: wrap('={{ true }}') }, refused: label },
		{ name: `${label}: null`, set: { [path]: wrap('={{ null }}') }, refused: label },
		judged('a number', '={{ 42 }}', number),
	];
	return cases;
}

/** An optional text field still refuses values that are not text. */
function optionalText(path: string, label: string): BadInput[] {
	return [
		{ name: `${label}: an object`, set: { [path]: '={{ { value: 1 } }}' }, refused: label },
		{ name: `${label}: a list`, set: { [path]: '={{ ["a"] }}' }, refused: label },
	];
}

function missingBinary(path: string, label: string, present: string): BadInput[] {
	return [
		{
			name: `${label}: names a property the item lacks`,
			set: { [path]: 'photo' },
			refused: label,
			says: /no binary property "photo"/,
		},
		{ name: `${label}: empty`, set: { [path]: '' }, refused: label },
		{
			name: `${label}: item has no binary at all`,
			set: { [path]: present },
			items: [{ json: {} }],
			refused: label,
		},
		{ name: `${label}: an object`, set: { [path]: '={{ { name: "data" } }}' }, refused: label },
		{
			// Issue 33: a protection of the n8n process (Max File Size), checked from the binary data's
			// metadata; the data is in no store, so a read would fail: the refusal proves nothing was read.
			name: `${label}: a 60 MB file, over Max File Size`,
			set: { [path]: present },
			items: [
				{
					json: {},
					binary: {
						[present]: {
							data: 'filesystem-v2',
							id: 'filesystem-v2:workflows/1/executions/1/binary_data/absent',
							mimeType: 'video/mp4',
							fileName: 'long.mp4',
							bytes: 60_000_000,
						},
					},
				},
			],
			refused: label,
			says: /the file is 60 MB, larger than Max File Size/,
		},
	];
}

/** Issue 33: `.` and `..` (also as %2e) as a path value would change the endpoint; refused. */
function dotSegments(path: string, label: string): BadInput[] {
	return ['..', '.', '%2e%2E'].map((value) => ({
		name: `${label}: the dot segment "${value}"`,
		set: { [path]: value },
		refused: label,
		says: /is a dot segment/,
	}));
}

const file = (bytes: Buffer, mimeType: string, fileName: string): IBinaryData => ({
	data: bytes.toString('base64'),
	mimeType,
	fileName,
});

/** ASCII bytes, so nock hands the request body over as text and each item's reference can be read. */
const PICTURE = Buffer.from('fake-png-bytes-for-the-matrix');

// ---------------------------------------------------------------------------------------------------
// EvoVoice: Message › Send

const evoSent = {
	id: 'm1',
	accountId: 'a1',
	endpointId: 'e1',
	direction: 'Outgoing',
	text: 'Hello',
	isUnread: false,
};
const EVO_SESSION_PATH = '/sessions/s-1/messages';

const evoSession: SendOperation = {
	provider: EVOVOICE,
	name: 'Message › Send (session)',
	parameters: {
		resource: 'message',
		operation: 'send',
		sendTo: 'session',
		sessionId: 's-1',
		body: 'Hello',
	},
	expected: { path: EVO_SESSION_PATH, body: { sessionId: 's-1', body: 'Hello' } },
	textField: 'body',
	intercept: post(evo.BASE, EVO_SESSION_PATH),
	success: { status: 200, body: evoSent },
	badInputs: [
		...requiredText('sessionId', 'Session ID', {
			// IDs often come from sheets as numbers; their text is unambiguous.
			accepted: {
				path: '/sessions/42/messages',
				body: { sessionId: '42' },
				why: 'an ID read from a sheet as a number is the same ID',
			},
		}),
		...requiredText('body', 'Message', {
			accepted: { body: { body: '42' }, why: 'a number is sent as its text' },
		}),
		{
			name: 'Send To: unknown value',
			set: { sendTo: 'email' },
			refused: 'Send To',
			says: /is not one of/,
		},
		...dotSegments('sessionId', 'Session ID'),
	],
	fuzz: [{ path: 'sessionId' }, { path: 'body' }],
};

const evoPhone: SendOperation = {
	provider: EVOVOICE,
	name: 'Message › Send (phone number)',
	parameters: {
		resource: 'message',
		operation: 'send',
		sendTo: 'phoneNumber',
		endpointId: rl('e1'),
		toAddress: '+1 (555) 666-7777',
		body: 'Hello',
	},
	expected: {
		path: '/messages',
		body: { endpointId: 'e1', toAddress: '+15556667777', body: 'Hello' },
	},
	textField: 'body',
	intercept: post(evo.BASE, '/messages'),
	success: { status: 200, body: evoSent },
	badInputs: [
		...requiredText(
			'endpointId',
			'Endpoint',
			{
				accepted: { body: { endpointId: '42' }, why: 'an endpoint ID as a number is the same ID' },
			},
			{ locator: 'id' },
		),
		// EvoVoice documents no format for toAddress (its example is +15556667777): formatting is dropped,
		// everything else is EvoVoice's to judge.
		...requiredText('toAddress', 'To Number', {
			accepted: { body: { toAddress: '42' }, why: 'a number value is sent as its digits' },
		}),
		{
			name: 'To Number: no leading +',
			set: { toAddress: '555 666-7777' },
			accepted: {
				body: { toAddress: '5556667777' },
				why: 'formatting dropped; EvoVoice judges the number',
			},
		},
		{
			name: 'To Number: a short code',
			set: { toAddress: '12345' },
			accepted: { body: { toAddress: '12345' }, why: 'short codes are EvoVoice’s to judge' },
		},
		{
			name: 'To Number: letters',
			set: { toAddress: '+1 555 CALL-NOW' },
			accepted: { body: { toAddress: '+1 555 CALL-NOW' }, why: 'not a number: sent as written' },
		},
		...requiredText('body', 'Message', {
			accepted: { body: { body: '42' }, why: 'a number is sent as its text' },
		}),
	],
	fuzz: [{ path: 'endpointId', rl: true }, { path: 'toAddress' }, { path: 'body' }],
};

// ---------------------------------------------------------------------------------------------------
// iSlash: Session Message › Send (multipart) and Template Message › Send / Schedule

const ISLASH_SEND_PATH = '/api/public/send-session-message';
const islashSent = {
	meta: { code: 'RESP_OKAY', message: 'Success' },
	data: { message: islash.sentMessage },
};

function islashSession(
	variant: string,
	parameters: INodeParameters,
	body: IDataObject,
	badInputs: BadInput[],
	fuzz: SendOperation['fuzz'],
	binary?: Record<string, IBinaryData>,
): SendOperation {
	return {
		provider: ISLASH,
		name: `Session Message › Send (${variant})`,
		parameters: {
			resource: 'sessionMessage',
			operation: 'send',
			identity: '85256872847',
			text: 'Hello',
			...parameters,
		},
		binary,
		expected: {
			path: ISLASH_SEND_PATH,
			body: { session: islash.SESSION, identity: '85256872847', text: 'Hello', ...body },
		},
		textField: 'text',
		intercept: post(ISLASH_ORIGIN, ISLASH_SEND_PATH),
		success: { status: 200, body: islashSent },
		badInputs: [
			...requiredText('identity', 'Contact Identity', {
				// WhatsApp identities are digits (a number from a sheet is the same contact).
				accepted: {
					body: { identity: '42' },
					why: 'a WhatsApp number read as a number is the same contact',
				},
			}),
			...optionalText('text', 'Text'),
			{
				name: 'Attachment: unknown value',
				set: { attachment: 'image' },
				refused: 'Attachment',
				says: /is not one of/,
			},
			{
				name: 'Session Key: an object',
				set: { sessionKey: '={{ { key: 1 } }}' },
				refused: 'Session Key',
			},
			{
				name: 'Quoted Message ID: not a number',
				set: { 'options.quotedMessageId': '={{ "abc" }}' },
				refused: 'Quoted Message ID',
			},
			{
				name: 'Quoted Message ID: negative',
				set: { 'options.quotedMessageId': -1 },
				refused: 'Quoted Message ID',
			},
			{
				name: 'Quoted Message ID: a fraction',
				set: { 'options.quotedMessageId': 1.5 },
				refused: 'Quoted Message ID',
			},
			...badInputs,
		],
		fuzz: [
			{ path: 'identity' },
			{ path: 'text' },
			{ path: 'sessionKey' },
			{ path: 'options.quotedMessageId' },
			...fuzz,
		],
	};
}

const islashText = islashSession(
	'text',
	{ attachment: 'none' },
	{},
	[
		{
			name: 'Text: the only content, empty',
			set: { text: '' },
			refused: 'Text / File / File URL / Sticker',
		},
		{
			name: 'Text: the only content, whitespace',
			set: { text: '  \n ' },
			refused: 'Text / File / File URL / Sticker',
		},
		{ name: 'Text: the only content, null', set: { text: '={{ null }}' }, refused: 'Text' },
		{
			name: 'Text: a number',
			set: { text: '={{ 42 }}' },
			accepted: { body: { text: '42' }, why: 'a number is sent as its text' },
		},
	],
	[],
);

const islashFile = islashSession(
	'file',
	{ attachment: 'binary', binaryPropertyName: 'data' },
	{ file: { name: 'menu.png', type: 'image/png', bytes: PICTURE } },
	[...missingBinary('binaryPropertyName', 'Input Binary Field', 'data')],
	[{ path: 'binaryPropertyName' }],
	{ data: file(PICTURE, 'image/png', 'menu.png') },
);

const islashFileUrl = islashSession(
	'file URL',
	{ attachment: 'fileUrl', fileUrl: 'https://example.com/brochure.pdf' },
	{ file_url: 'https://example.com/brochure.pdf' },
	[
		{ name: 'File URL: empty (text still given)', set: { fileUrl: '' }, refused: 'File URL' },
		{
			name: 'File URL: empty for this item',
			set: { fileUrl: '={{ $json.missing }}' },
			refused: 'File URL',
		},
		{ name: 'File URL: not a URL', set: { fileUrl: 'brochure.pdf' }, refused: 'File URL' },
		{
			name: 'File URL: not http(s)',
			set: { fileUrl: 'ftp://example.com/a.pdf' },
			refused: 'File URL',
		},
		{ name: 'File URL: javascript:', set: { fileUrl: 'javascript:alert(1)' }, refused: 'File URL' },
		{ name: 'File URL: a number', set: { fileUrl: '={{ 42 }}' }, refused: 'File URL' },
		{
			name: 'File URL: an object',
			set: { fileUrl: '={{ { url: "https://x.test" } }}' },
			refused: 'File URL',
		},
	],
	[{ path: 'fileUrl' }],
);

const islashSticker = islashSession(
	'sticker',
	{ attachment: 'sticker', stickerId: rl('66') },
	{ sticker_id: '66' },
	[
		{ name: 'Sticker: empty (text still given)', set: { stickerId: rl('') }, refused: 'Sticker' },
		// Through an expression: a typed value is already refused in the editor by the field's own rule.
		{ name: 'Sticker: not a number', set: { stickerId: rl('={{ "smile" }}') }, refused: 'Sticker' },
		{ name: 'Sticker: an object', set: { stickerId: rl('={{ { id: 66 } }}') }, refused: 'Sticker' },
		{
			name: 'Sticker: a number',
			set: { stickerId: rl('={{ 67 }}') },
			accepted: { body: { sticker_id: '67' }, why: 'sticker IDs are numbers' },
		},
	],
	[{ path: 'stickerId', rl: true }],
);

const ISLASH_TEMPLATE_PATH = '/api/public/send-message';
const ISLASH_SCHEDULE_PATH = '/api/public/schedule-message';
const templateOkay = {
	meta: { code: 'RESP_OKAY', message: 'Success', trace_id: 'trace-1' },
	data: [],
};

function islashTemplate(operation: 'send' | 'schedule'): SendOperation {
	const schedule = operation === 'schedule';
	const path = schedule ? ISLASH_SCHEDULE_PATH : ISLASH_TEMPLATE_PATH;
	const badInputs: BadInput[] = [
		...requiredText('identity', 'Contact Identity', {
			accepted: {
				body: { identity: '42' },
				why: 'a WhatsApp number read as a number is the same contact',
			},
		}),
		...requiredText(
			'templateName',
			'Template',
			{ accepted: { body: { template_name: '42' }, why: 'template names are free text' } },
			{ locator: 'name' },
		),
		{
			name: 'Variable 1: a newline',
			set: { 'variables.variable1': 'line\nbreak' },
			refused: 'Variable 1',
		},
		{ name: 'Variable 2: a tab', set: { 'variables.variable2': 'a\tb' }, refused: 'Variable 2' },
		{
			name: 'Button URL Variable: five spaces',
			set: { 'variables.buttonUrlVariable1': 'a     b' },
			refused: 'Button URL Variable',
		},
		{
			name: 'Variable 1: an object',
			set: { 'variables.variable1': '={{ { a: 1 } }}' },
			refused: 'Variable 1',
		},
		{
			name: 'Variable 1: null',
			set: { 'variables.variable1': '={{ null }}' },
			refused: 'Variable 1',
		},
		{
			name: 'Variable 1: a number',
			set: { 'variables.variable1': '={{ 42 }}' },
			accepted: { body: { variable_1: '42' }, why: 'a number is sent as its text' },
		},
		{
			name: 'Media Input Binary Field: names a property the item lacks',
			set: { 'templateOptions.mediaBinaryPropertyName': 'photo' },
			refused: 'Media Input Binary Field',
		},
	];
	if (schedule) {
		badInputs.push(
			{ name: 'Send At: missing', set: { sendAt: undefined }, refused: 'Send At' },
			{ name: 'Send At: whitespace only', set: { sendAt: '   ' }, refused: 'Send At' },
			{ name: 'Send At: not a date', set: { sendAt: 'next tuesday' }, refused: 'Send At' },
			{
				name: 'Send At: impossible date',
				set: { sendAt: '2026-13-45 25:61:00' },
				refused: 'Send At',
			},
			{
				name: 'Send At: a number',
				set: { sendAt: '={{ 1766568600000 }}' },
				refused: 'Send At',
				says: /expected a date and time but got a number/,
			},
			{
				name: 'Send At: an object',
				set: { sendAt: '={{ { at: "2026-12-24" } }}' },
				refused: 'Send At',
				says: /got an object/,
			},
			{
				name: 'Send At: null',
				set: { sendAt: '={{ null }}' },
				refused: 'Send At',
				says: /required but empty/,
			},
		);
	}
	return {
		provider: ISLASH,
		name: `Template Message › ${schedule ? 'Schedule' : 'Send'}`,
		parameters: {
			resource: 'templateMessage',
			operation,
			identity: '85256872847',
			templateName: { __rl: true, mode: 'list', value: 'payment_update_en' },
			variables: { variable1: 'Tom' },
			...(schedule ? { sendAt: '2026-12-24 09:30:00' } : {}),
		},
		expected: {
			path,
			body: {
				session: islash.SESSION,
				identity: '85256872847',
				...(schedule ? { send_at: '2026-12-24 09:30:00' } : {}),
				template_name: 'payment_update_en',
				variable_1: 'Tom',
			},
		},
		textField: 'variables.variable1',
		intercept: post(ISLASH_ORIGIN, path),
		success: { status: 200, body: templateOkay },
		badInputs,
		fuzz: [
			{ path: 'identity' },
			{ path: 'templateName', rl: true },
			{ path: 'variables.variable1' },
			{ path: 'variables.buttonUrlVariable1' },
			{ path: 'templateOptions.mediaBinaryPropertyName' },
			...(schedule ? [{ path: 'sendAt' }] : []),
		],
	};
}

// ---------------------------------------------------------------------------------------------------
// NetSapiens: Message › Send, one entry per type

const NS_SESSION = 'c3529b7ce79a86018d006462fa70fcea';
const NS_SEND_PATH = `/ns-api/v2/domains/~/users/~/messagesessions/${NS_SESSION}/messages`;

type NsType = 'chat' | 'groupChat' | 'mediaChat' | 'sms' | 'groupSms' | 'mms';

interface NsTypeSpec {
	label: string;
	destination: string;
	/** What the valid destination goes out as. */
	sent: string | string[];
	wire: string;
	sms: boolean;
	list: boolean;
	media?: { bytes: Buffer; mimeType: string; fileName: string };
}

const NS_TYPES: Record<NsType, NsTypeSpec> = {
	chat: { label: 'Chat', destination: '1123', sent: '1123', wire: 'chat', sms: false, list: false },
	groupChat: {
		label: 'Group Chat',
		destination: '1123, 1004',
		sent: ['1123', '1004'],
		wire: 'chat',
		sms: false,
		list: true,
	},
	mediaChat: {
		label: 'Media Chat',
		destination: '1123',
		sent: '1123',
		wire: 'chat-media',
		sms: false,
		list: true,
		media: { bytes: PICTURE, mimeType: 'image/png', fileName: 'pixel.png' },
	},
	sms: {
		label: 'SMS',
		destination: '+1 (858) 555-1234',
		sent: '18585551234',
		wire: 'sms',
		sms: true,
		list: false,
	},
	groupSms: {
		label: 'Group SMS',
		destination: '18585551234, +18585550001',
		sent: ['18585551234', '18585550001'],
		wire: 'sms',
		sms: true,
		list: true,
	},
	mms: {
		label: 'MMS',
		destination: '18585551234',
		sent: '18585551234',
		wire: 'mms',
		sms: true,
		list: true,
		media: { bytes: PICTURE, mimeType: 'image/png', fileName: 'pixel.png' },
	},
};

function netSapiensSend(type: NsType, provider: ProviderEntry = NETSAPIENS): SendOperation {
	const spec = NS_TYPES[type];
	const label = type === 'chat' || type === 'sms' ? 'Destination' : 'Destinations';
	const body: IDataObject = { type: spec.wire, message: 'Hello', destination: spec.sent };
	if (spec.sms) body['from-number'] = '18585550001';
	if (spec.media)
		Object.assign(body, {
			data: spec.media.bytes.toString('base64'),
			'mime-type': spec.media.mimeType,
			size: spec.media.bytes.length,
		});
	const oneRecipient = type === 'chat' || type === 'sms';
	const listOnly = type === 'groupChat' || type === 'groupSms';
	const badInputs: BadInput[] = [
		{
			name: 'Type: unknown value',
			set: { messageType: 'fax' },
			refused: 'Type',
			says: /is not one of/,
		},
		...requiredText(
			'destination',
			label,
			// Extensions and phone numbers come from sheets as numbers; digits are digits.
			{
				accepted: {
					body: { destination: listOnly ? ['42'] : '42' },
					why: 'an extension or number read as a number is the same destination',
				},
			},
			{
				// The field takes "a list from an expression" (its description); one-recipient types refuse two.
				list: oneRecipient
					? { refused: true }
					: {
							accepted: {
								body: { destination: ['1123', '1004'] },
								why: 'the field documents a list from an expression',
							},
						},
			},
		),
		{ name: `${label}: only separators`, set: { destination: ' , ,' }, refused: label },
		// An empty session is valid (the node starts a new one); values that are not an ID are not.
		{
			name: 'Message Session: path characters',
			set: { messagesession: rl('={{ "../../apikeys" }}') },
			refused: 'Message Session',
		},
		{
			name: 'Message Session: an object',
			set: { messagesession: rl('={{ { id: 1 } }}') },
			refused: 'Message Session',
		},
		{
			name: 'Message Session: null',
			set: { messagesession: rl('={{ null }}') },
			refused: 'Message Session',
		},
		// A send's session "Needs to be at least 32 characters long" (NetSapiens' sendMessage* messagesession).
		{
			name: 'Message Session: shorter than 32 characters',
			set: { messagesession: rl('={{ "abc_123" }}') },
			refused: 'Message Session',
		},
		{
			name: 'Message Session: a number (too short to send in)',
			set: { messagesession: rl('={{ 42 }}') },
			refused: 'Message Session',
		},
		{ name: 'Domain: an object', set: { domain: '={{ { d: 1 } }}' }, refused: 'Domain' },
		{ name: 'User: a list', set: { user: '={{ ["1000"] }}' }, refused: 'User' },
		...dotSegments('domain', 'Domain'),
		...dotSegments('user', 'User'),
	];
	if (!spec.list) {
		badInputs.push({
			name: `${label}: two entries for a one-recipient type`,
			set: { destination: '1123, 1004' },
			refused: label,
			says: /has 2 entries/,
		});
	}
	if (spec.sms) {
		badInputs.push(
			{ name: `${label}: letters`, set: { destination: 'call-me' }, refused: label },
			{
				name: `${label}: a name in the list`,
				set: { destination: '18585551234, office' },
				refused: label,
			},
			{
				name: 'From Number: letters',
				set: { fromNumber: { __rl: true, mode: 'number', value: 'office' } },
				refused: 'From Number',
			},
			{
				name: 'From Number: an object',
				set: { fromNumber: { __rl: true, mode: 'number', value: '={{ { n: 1 } }}' } },
				refused: 'From Number',
			},
		);
	}
	if (spec.media) {
		badInputs.push(
			...missingBinary('binaryPropertyName', 'Input Binary Field', 'data'),
			...optionalText('message', 'Message'),
		);
		// ns-api v2 documents no media size limit (OpenAPI v45 MessageSend.size is only the file's size):
		// the oversize case in missingBinary is Max File Size, a protection of the n8n process.
	} else {
		badInputs.push(
			...requiredText('message', 'Message', {
				accepted: { body: { message: '42' }, why: 'a number is sent as its text' },
			}),
		);
	}
	return {
		provider,
		name: `Message › Send (${spec.label})`,
		parameters: {
			resource: 'message',
			operation: 'send',
			messagesession: rl(NS_SESSION),
			messageType: type,
			destination: spec.destination,
			message: 'Hello',
			...(spec.sms ? { fromNumber: { __rl: true, mode: 'number', value: '+18585550001' } } : {}),
			...(spec.media ? { binaryPropertyName: 'data' } : {}),
		},
		binary: spec.media
			? { data: file(spec.media.bytes, spec.media.mimeType, spec.media.fileName) }
			: undefined,
		expected: { path: NS_SEND_PATH, body },
		textField: 'message',
		intercept: post(NS_ORIGIN, NS_SEND_PATH),
		success: { status: 202, body: ns.ACCEPTED },
		badInputs,
		fuzz: [
			{ path: 'destination' },
			{ path: 'message' },
			{ path: 'messagesession', rl: true },
			...(spec.sms ? [{ path: 'fromNumber', rl: true }] : []),
			...(spec.media ? [{ path: 'binaryPropertyName' }] : []),
		],
	};
}

// SuperOffice: Chat Message › Send with a Bearer token, and with a system-user ticket + app token.
const soProvider = (
	name: string,
	credentials: typeof so.bearerCredentials | typeof so.ticketCredentials,
	secrets: string[],
): ProviderEntry => ({
	name,
	run: async (options) => await so.runSuperOffice({ credentials, ...options }),
	origin: so.HOST,
	errorBody: (message) => ({ Error: true, ErrorType: 'SoException', Message: message }),
	secrets,
	// the API credential reads a 401 as SuperOffice's answer (no token to refresh)
	requestsOn401: 1,
});

export const SUPEROFFICE = soProvider('SuperOffice', so.bearerCredentials, [so.ACCESS_TOKEN]);
export const SUPEROFFICE_TICKET = soProvider('SuperOffice (ticket)', so.ticketCredentials, [
	so.TICKET,
	so.APP_TOKEN,
]);

const SO_SEND_PATH = `/${so.TENANT}/api/v1/ChatSession/7/Messages`;
const soStored = {
	ChatMessageId: 5,
	ChatSessionId: 7,
	Type: 'ToCustomer',
	Message: 'Hello',
	WhenPosted: '2026-11-22T09:30:00Z',
};

function superOfficeSend(provider: ProviderEntry): SendOperation {
	return {
		provider,
		name: 'Chat Message › Send',
		parameters: {
			resource: 'chatMessage',
			operation: 'send',
			chatSessionId: rl('7'),
			message: 'Hello',
			type: 'ToCustomer',
			additionalFields: { whenPosted: '2026-11-22T10:30:00+01:00' },
		},
		expected: {
			path: SO_SEND_PATH,
			body: {
				ChatMessageId: 0,
				ChatSessionId: 7,
				Type: 'ToCustomer',
				Message: 'Hello',
				ReadByCustomer: 0,
				SpecialType: 'None',
				WhenPosted: '2026-11-22T09:30:00.000Z',
			},
		},
		textField: 'message',
		intercept: post(so.HOST, SO_SEND_PATH),
		success: { status: 200, body: soStored },
		badInputs:
			provider === SUPEROFFICE
				? [
						...requiredText('message', 'Message', {
							accepted: { body: { Message: '42' }, why: 'a number is sent as its text' },
						}),
						// through expressions: a typed value is refused by the locator's own validation before the run
						{
							name: 'Chat Session: not a number',
							set: { chatSessionId: rl('={{ "abc" }}') },
							refused: 'Chat Session',
						},
						{
							name: 'Chat Session: zero',
							set: { chatSessionId: rl('={{ 0 }}') },
							refused: 'Chat Session',
						},
						{
							name: 'Chat Session: beyond int32',
							set: { chatSessionId: rl('2147483648') },
							refused: 'Chat Session',
						},
						{ name: 'Type: unknown value', set: { type: 'ToEveryone' }, refused: 'Type' },
						{
							name: 'When Posted: not a date',
							set: { 'additionalFields.whenPosted': 'yesterday' },
							refused: 'When Posted',
						},
					]
				: [],
		fuzz: [{ path: 'message' }, { path: 'chatSessionId', rl: true }],
	};
}

/**
 * Every send operation of every provider. A new provider adds a ProviderEntry (its fixture runner,
 * origin, error body, every secret of its credentials; requestsOn401: 2 if a 401 goes through n8n's
 * refresh, and login/prepare if it fetches tokens), one SendOperation per send variant here, and, with a
 * webhook trigger, a TriggerEntry in TRIGGERS.
 */
export const SEND_OPERATIONS: SendOperation[] = [
	evoSession,
	evoPhone,
	islashText,
	islashFile,
	islashFileUrl,
	islashSticker,
	islashTemplate('send'),
	islashTemplate('schedule'),
	...(Object.keys(NS_TYPES) as NsType[]).map((type) => netSapiensSend(type)),
	// The same send with a username/password login: token requests, n8n's 401 refresh, and the
	// password, client secret and token to keep out of every output.
	{ ...netSapiensSend('sms', NETSAPIENS_LOGIN), badInputs: [] },
	superOfficeSend(SUPEROFFICE),
	superOfficeSend(SUPEROFFICE_TICKET),
];

export const operationName = (op: SendOperation) => `${op.provider.name} › ${op.name}`;

// ---------------------------------------------------------------------------------------------------
// Webhook triggers

/** The Webhook Secret of the iSlash credential, as `openssl rand -hex 32` makes one. */
const ISLASH_WEBHOOK_SECRET = '14c57a253d816f099266057cb3a5013e6c37c88741b4d9c2585a987d86861fc8';
/** A WhatsApp message without an ID (so keyed by its content), nested 20,000 levels deep. */
const islashNested = (() => {
	const message = nestedBody(20_000, { from: '85256872847', type: 'text', text: { body: 'Deep' } });
	return {
		body: { messages: [message.body] },
		raw: Buffer.concat([Buffer.from('{"messages":['), message.raw, Buffer.from(']}')]),
	};
})();
const ISLASH_TRIGGER: TriggerEntry = {
	name: 'iSlash Trigger',
	async activate() {
		const harness = new TriggerHarness({
			nodeType: new ISlashTrigger(),
			parameters: { events: ['messages', 'statuses'] },
			credentials: {
				iSlashMessagingApi: {
					...islash.credentials.iSlashMessagingApi,
					webhookSecret: ISLASH_WEBHOOK_SECRET,
				},
			},
			credentialTypes: [new ISlashMessagingApi()],
		});
		await harness.lifecycle('create');
		return { harness, secret: ISLASH_WEBHOOK_SECRET };
	},
	// iSlash calls the URL pasted into its settings: the secret rides in the query (?secret=…).
	delivery: (secret, body = islash.whatsAppText) => ({
		body,
		query: secret === undefined ? {} : ({ secret } as unknown as Record<string, string>),
	}),
	malformed: [
		['a text body', 'hello'],
		['an unknown shape', { foo: 'bar' }],
		['messages not a list', { messages: { id: 'x' } }],
		['a list of non-objects', { messages: [1, 2] }],
		['a Facebook body without entry', { object: 'page' }],
		['truncated JSON text', '{"messages": [{"id": '],
	],
	secrets: [],
	afterGenuine: [
		[
			'a deeply nested body (20,000 levels), delivered twice: the second starts nothing',
			200,
			(secret) =>
				[1, 2].map(() => ({
					...ISLASH_TRIGGER.delivery(secret, islashNested.body),
					rawBody: islashNested.raw,
				})),
		],
	],
};

const nsInbound = {
	id: 1,
	type: 'sms',
	direction: 'orig',
	'from-number': '18585551234',
	text: 'Hi',
};

const NETSAPIENS_TRIGGER: TriggerEntry = {
	name: 'NetSapiens Trigger',
	async activate() {
		const harness = new TriggerHarness({
			nodeType: new NetSapiensTrigger(),
			parameters: { event: 'message', domain: 'example', user: '*', inboundOnly: true },
			credentials: { netSapiensMessagingApi: ns.apiKeyCredentials },
			credentialTypes: [new NetSapiensMessagingApi()],
		});
		let postUrl = '';
		nock(ns.BASE).get('/subscriptions').reply(200, []);
		nock(ns.BASE)
			.post('/subscriptions')
			.reply(200, (_uri, body) => {
				postUrl = (body as Record<string, string>)['post-url'];
				return { id: 'sub-1', 'subscription-expires-datetime': '2046-12-07 19:00:00' };
			});
		await harness.lifecycle('create');
		// the secret NetSapiens was given, in the post-url it delivers to
		return { harness, secret: new URL(postUrl).searchParams.get('secret') ?? '' };
	},
	// The subscription's post-url carries the node's secret in its query.
	delivery: (secret, body = [nsInbound]) => ({
		body,
		query: secret === undefined ? {} : ({ secret } as unknown as Record<string, string>),
	}),
	malformed: [
		['text that is not JSON', 'not json'],
		['a list of non-objects', [1, 2]],
		['a number', 42],
		['truncated JSON text', '[{"id": 1, '],
	],
	secrets: [ns.API_KEY],
	afterGenuine: [
		[
			'a deeply nested body (20,000 levels), delivered twice: the second starts nothing',
			200,
			(secret) => {
				const { body, raw } = nestedBody(20_000, { ...nsInbound, id: undefined, text: 'Deep' });
				return [1, 2].map(() => ({ ...NETSAPIENS_TRIGGER.delivery(secret, body), rawBody: raw }));
			},
		],
	],
};

const SUPEROFFICE_EVENT = {
	EventId: 'e87ac619-c864-4881-89eb-000000000001',
	// signed Timestamps older than an hour are refused
	Timestamp: new Date().toISOString(),
	Changes: [],
	Event: 'chatsession.created',
	PrimaryKey: 178105,
	Entity: 'chatsession',
	ContextIdentifier: so.TENANT,
	ChangedByAssociateId: 316,
	WebhookName: 'n8n: Trigger Under Test',
};

const SUPEROFFICE_TRIGGER: TriggerEntry = {
	name: 'SuperOffice Trigger',
	async activate() {
		const harness = new TriggerHarness({
			nodeType: new SuperOfficeTrigger(),
			parameters: { authentication: 'superOfficeMessagingApi', events: ['chatsession.created'] },
			credentials: so.bearerCredentials,
			credentialTypes: so.credentialTypes,
			// SuperOffice registers only an HTTPS TargetUrl
			webhookBaseUrl: 'https://n8n.example.com/webhook',
		});
		let secret = '';
		nock(so.BASE)
			.post('/api/v1/Webhook', (body: IDataObject) => {
				secret = String(body.Secret);
				return true;
			})
			.reply(200, { WebhookId: 77, State: 'Active' });
		await harness.lifecycle('create');
		// the secret SuperOffice was given at registration, which it signs every delivery with
		return { harness, secret };
	},
	// SuperOffice signs the raw body: X-SuperOffice-Signature = base64(HMAC-SHA256(secret, body bytes)).
	delivery: (secret, body = SUPEROFFICE_EVENT) => {
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (secret !== undefined)
			headers['x-superoffice-signature'] = so.superOfficeSignature(raw, String(secret));
		return { body, rawBody: Buffer.from(raw), headers };
	},
	// Signed, so from SuperOffice itself: a body that is no event the node subscribed to is acknowledged
	// (200) without starting, as an unsubscribed event is, rather than refused.
	malformed: [
		['a text body', 'hello'],
		['an unknown shape', { foo: 'bar' }],
		['an event it did not subscribe to', { ...SUPEROFFICE_EVENT, Event: 'chatsession.changed' }],
		['truncated JSON text', '{"Event": "chatsession.cre'],
	],
	malformedStatus: 200,
	secrets: [so.ACCESS_TOKEN],
	afterGenuine: [
		[
			'the genuine delivery replayed with a changed X-SuperOffice-EventId header',
			400,
			(secret) => {
				const replay = SUPEROFFICE_TRIGGER.delivery(secret);
				return [{ ...replay, headers: { ...replay.headers, 'x-superoffice-eventid': 'forged-1' } }];
			},
		],
		[
			'the genuine delivery replayed with a changed X-SuperOffice-Event header',
			400,
			(secret) => {
				const replay = SUPEROFFICE_TRIGGER.delivery(secret);
				return [
					{
						...replay,
						headers: { ...replay.headers, 'x-superoffice-event': 'chatsession.changed' },
					},
				];
			},
		],
		[
			'the genuine delivery replayed as it was',
			200,
			(secret) => [SUPEROFFICE_TRIGGER.delivery(secret)],
		],
		[
			'a signed body dated 2020',
			400,
			(secret) => [
				SUPEROFFICE_TRIGGER.delivery(secret, {
					...SUPEROFFICE_EVENT,
					EventId: 'e87ac619-c864-4881-89eb-000000002020',
					Timestamp: '2020-01-01T00:00:00Z',
				}),
			],
		],
	],
};

export const TRIGGERS: TriggerEntry[] = [ISLASH_TRIGGER, NETSAPIENS_TRIGGER, SUPEROFFICE_TRIGGER];
