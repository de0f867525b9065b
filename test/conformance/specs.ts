import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The providers' own specs, vendored in test/conformance/specs/ (README.md there says where each comes
 * from), turned into operations a recorded request is checked against with a JSON-schema validator.
 */

export type Provider = 'NetSapiens' | 'SuperOffice' | 'EvoVoice' | 'iSlash';

/** One request as n8n sent it, as nock saw it. */
export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, unknown>;
	body: string;
	test: string;
}

type Schema = Record<string, unknown>;

interface Parameter {
	name: string;
	in: 'path' | 'query';
	required: boolean;
	schema: Schema;
}

export interface Operation {
	provider: Provider;
	/** Where the operation is written down: spec file and path key, or the vendor page. */
	source: string;
	method: string;
	template: string;
	pattern: RegExp;
	pathNames: string[];
	parameters: Parameter[];
	body?: { required: boolean; schema: Schema; multipart?: boolean };
	/** Authorization schemes the spec allows (lower case); empty when the operation needs none. */
	auth: string[];
	/** The spec's words this operation is also held to. */
	words: string[];
	/** The answers the spec documents, by status: their JSON schema (`{}` when it gives none). */
	responses: Record<string, Schema>;
}

const SPECS = join(__dirname, 'specs');
const readJson = (file: string) => JSON.parse(readFileSync(join(SPECS, file), 'utf8')) as Schema;
const readText = (file: string) => readFileSync(join(SPECS, file), 'utf8');

/**
 * The rules the specs state only in words, as schemas laid over the parameter or field they speak of.
 * Each quotes its source.
 */
export interface WordRule {
	provider: Provider;
	/** `METHOD template` of the operation(s) it applies to. */
	applies: (operation: Operation) => boolean;
	where: 'path' | 'query' | 'body';
	name: string;
	schema: Schema;
	quote: string;
	source: string;
}

/** The ChatSession archive's columns (the table "Supported Columns"), and which of them can order. */
export function archiveColumns(): { name: string; orderBy: boolean }[] {
	const text = readText('superoffice-archive-chatsession.md');
	const table = text.slice(text.indexOf('## Supported Columns'));
	const rows = table
		.split('\n')
		.filter((line) => /^\|[^-| ]/.test(line) && !line.startsWith('| Name'));
	return rows.map((line) => {
		const cells = line.split('|').map((cell) => cell.trim());
		// the table escapes underscores for Markdown: x\_person\_date
		return { name: cells[1].replace(/\\_/g, '_'), orderBy: cells[4] === 'x' };
	});
}

const superOfficeSwaggers = ['ChatSession', 'ChatTopic', 'Webhook', 'User'].map((name) => ({
	file: `superoffice-Swagger-v1-${name}-messaging.json`,
	doc: readJson(`superoffice-Swagger-v1-${name}-messaging.json`),
}));

/** The filter operators SuperOffice's OData list accepts, from the GET ChatSession description. */
function superOfficeFilterOperators(): string[] {
	const chatSession = superOfficeSwaggers[0].doc as {
		paths: Record<string, Record<string, { description: string }>>;
	};
	const description = chatSession.paths['/api/v1/ChatSession'].get.description;
	const section = description.slice(
		description.indexOf('## Filter Operators'),
		description.indexOf('Unary ops'),
	);
	const operators = [...section.matchAll(/(?:^|[:,]\s*)([A-Za-z]+)(?=\s*(?:=|,|$|\r))/gm)].map(
		(m) => m[1],
	);
	// "name begins 'foo'" is the description's own example of $filter
	return [...new Set([...operators, 'begins'])].filter(
		(word) => !/^(ints|strings|associate|list|ids|dates)$/.test(word),
	);
}

function columnList(columns: string[], withDirection: boolean): Schema {
	const column = `(${columns.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
	const item = withDirection ? `${column}( (asc|desc))?` : column;
	return { type: 'string', pattern: `^\\s*${item}(\\s*,\\s*${item})*\\s*$` };
}

export const WORD_RULES: WordRule[] = [
	{
		provider: 'NetSapiens',
		applies: (op) =>
			op.method === 'POST' && op.template.endsWith('/messagesessions/{messagesession}/messages'),
		where: 'path',
		name: 'messagesession',
		schema: { type: 'string', minLength: 32, pattern: '^[A-Za-z0-9_]+$' },
		quote:
			'ID of the message session to send in. Needs to be at least 32 characters long and random. Only alphanumeric chracters and underscore are allowed.',
		source:
			'netsapiens-docs-v45.0-messaging.json, sendMessage* messagesession; the same words in core 44.4.10 (netsapiens-supplement-core-44.4.10.json)',
	},
	{
		provider: 'SuperOffice',
		applies: (op) => op.method === 'POST' && op.template === '/api/v1/Webhook',
		where: 'body',
		name: 'TargetUrl',
		schema: { type: 'string', pattern: '^https://' },
		quote: 'The `TargetUrl` must: * be HTTPS * have a valid TLS certificate.',
		source: 'superoffice-webhook-register.md',
	},
	{
		provider: 'SuperOffice',
		applies: (op) => op.method === 'GET' && op.template === '/api/v1/ChatSession',
		where: 'query',
		name: '$select',
		schema: columnList(
			archiveColumns().map((column) => column.name),
			false,
		),
		quote: 'Supported Columns (the columns GET ChatSession can select)',
		source: 'superoffice-archive-chatsession.md',
	},
	{
		provider: 'SuperOffice',
		applies: (op) => op.method === 'GET' && op.template === '/api/v1/ChatSession',
		where: 'query',
		name: '$orderBy',
		schema: columnList(
			archiveColumns()
				.filter((column) => column.orderBy)
				.map((column) => column.name),
			true,
		),
		quote: 'Supported Columns … OrderBy: x (the columns GET ChatSession can order by)',
		source: 'superoffice-archive-chatsession.md',
	},
];

/**
 * `$filter` names archive columns and, for `status`, ChatSessionStatus values: the filter's column names and
 * status values as arrays, each checked against an enum.
 */
export function filterTerms(filter: string): { columns: string[]; statuses: string[] } {
	const operators = superOfficeFilterOperators().join('|');
	const columns = [
		...filter.matchAll(new RegExp(`([A-Za-z][\\w/]*)\\s+(?:${operators})\\b`, 'g')),
	].map((match) => match[1]);
	const statuses = [...filter.matchAll(/\bstatus\s+\w+\s+'([^']*)'/g)].map((match) => match[1]);
	return { columns, statuses };
}

/**
 * GET ChatSession "Calls the Archive service using the "ChatSession" archive": its `$filter` names that
 * archive's columns, and a `status` is compared with a ChatSessionStatus (the Swagger's Status enum).
 */
const FILTER_TERMS: Schema = {
	type: 'object',
	properties: {
		columns: { type: 'array', items: { enum: archiveColumns().map((column) => column.name) } },
		statuses: {
			type: 'array',
			items: { $ref: '#/definitions/SuperOffice.CRM.Services.ChatSessionEntity/properties/Status' },
		},
	},
};

function templatePattern(template: string): { pattern: RegExp; pathNames: string[] } {
	const pathNames: string[] = [];
	const source = template
		.split('/')
		.map((segment) => {
			const name = /^\{(.+)\}$/.exec(segment)?.[1];
			if (name) {
				pathNames.push(name);
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^$()|[\]\\~]/g, '\\$&');
		})
		.join('/');
	return { pattern: new RegExp(`^${source}$`), pathNames };
}

/** NetSapiens' OpenAPI 3.1 (`#n` path keys are documentation labels for the same URL). */
function openApiOperations(provider: Provider, file: string, doc: Schema): Operation[] {
	const paths = doc.paths as Record<string, Record<string, Schema>>;
	const schemes = (doc.components as { securitySchemes: Record<string, { scheme?: string }> })
		.securitySchemes;
	const operations: Operation[] = [];
	for (const [key, item] of Object.entries(paths)) {
		const template = key.replace(/#\d+$/, '');
		for (const [method, operation] of Object.entries(item)) {
			if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
			const parameters = ((operation.parameters as Schema[] | undefined) ?? [])
				.filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
				.map((parameter) => ({
					name: parameter.name as string,
					in: parameter.in as 'path' | 'query',
					required: parameter.required === true,
					schema: (parameter.schema as Schema) ?? {},
				}));
			const content = (operation.requestBody as { content?: Record<string, { schema: Schema }> })
				?.content;
			const security = (operation.security ?? doc.security) as Array<Record<string, unknown>>;
			operations.push({
				provider,
				source: `${file} ${method.toUpperCase()} ${key}`,
				method: method.toUpperCase(),
				template,
				...templatePattern(template),
				parameters,
				body: content?.['application/json']
					? { required: true, schema: content['application/json'].schema }
					: undefined,
				responses: Object.fromEntries(
					Object.entries((operation.responses as Record<string, Schema> | undefined) ?? {}).map(
						([status, response]) => [
							status,
							(response.content as Record<string, { schema?: Schema }> | undefined)?.[
								'application/json'
							]?.schema ?? {},
						],
					),
				),
				auth: [
					...new Set(
						security.flatMap((requirement) =>
							Object.keys(requirement).map((name) => (schemes[name]?.scheme ?? name).toLowerCase()),
						),
					),
				],
				words: [],
			});
		}
	}
	return operations;
}

/**
 * SuperOffice's Swagger 2.0. Its operations name security requirements the file does not define
 * ("SuperOffice Password", "SuperId Authentication"), so the schemes come from `securityDefinitions`: basic,
 * and oauth2 whose token is sent "as the Authenticate HTTP header as a BEARER token"; the Password scheme's
 * own words add the ticket: "You can also pass inn an unencoded ticket 7T:abc== with the HTTP Authenticate
 * header" (the Authorization scheme SOTicket).
 */
function swaggerOperations(file: string, doc: Schema): Operation[] {
	const definitions = doc.securityDefinitions as Record<
		string,
		{ type: string; description: string }
	>;
	const auth = Object.values(definitions).flatMap((definition) =>
		definition.type === 'basic'
			? ['basic', ...(/ticket 7T:/.test(definition.description) ? ['soticket'] : [])]
			: definition.type === 'oauth2' && /BEARER token/.test(definition.description)
				? ['bearer']
				: [],
	);
	const paths = doc.paths as Record<string, Record<string, Schema>>;
	const operations: Operation[] = [];
	for (const [template, item] of Object.entries(paths)) {
		for (const [method, operation] of Object.entries(item)) {
			const all = (operation.parameters as Schema[] | undefined) ?? [];
			const parameters = all
				.filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
				// a Swagger 2.0 parameter carries its schema keywords (type, format, enum) on itself
				.map(({ name, in: where, required, ...schema }) => ({
					name: name as string,
					in: where as 'path' | 'query',
					required: required === true,
					schema,
				}));
			const body = all.find((parameter) => parameter.in === 'body');
			operations.push({
				provider: 'SuperOffice',
				source: `${file} ${method.toUpperCase()} ${template}`,
				method: method.toUpperCase(),
				template,
				...templatePattern(template),
				parameters,
				body: body
					? { required: body.required === true, schema: body.schema as Schema }
					: undefined,
				responses: Object.fromEntries(
					Object.entries((operation.responses as Record<string, Schema> | undefined) ?? {}).map(
						([status, response]) => [status, (response.schema as Schema | undefined) ?? {}],
					),
				),
				auth,
				words: [],
			});
		}
	}
	return operations;
}

interface Field {
	name: string;
	in: 'path' | 'query' | 'body';
	type: string;
	required?: boolean;
}

interface FieldTable {
	operation: string;
	page: string;
	method: string;
	path: string;
	auth: string[];
	multipart?: boolean;
	/** The page's operation is a ServiceStack `ListRequest<T>`: its paging fields apply too. */
	listRequest?: boolean;
	fields: Field[];
	/** What the page states only in words, quoted. */
	words?: string;
	/** A rule the page states in words, as a JSON schema over the body. */
	rule?: { quote: string; schema: Schema };
}

/** A vendor page's data type (ServiceStack's `List<string>`, `int`, `bool`, an enum's values) as a schema. */
function fieldSchema(type: string, where: 'path' | 'query' | 'body'): Schema {
	const enumMatch = /^enum:(.+)$/.exec(type);
	if (enumMatch) return { type: 'string', enum: enumMatch[1].split('|') };
	switch (type) {
		case 'int':
			return { type: 'integer' };
		case 'bool':
			return { type: 'boolean' };
		case 'List<string>':
			// the vendor's own CLI sends a list on the query string comma-joined (../../providers/evovoice.md)
			return where === 'body' ? { type: 'array', items: { type: 'string' } } : { type: 'string' };
		case 'binary':
			return {};
		case 'date':
			return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
		default:
			return { type: 'string' };
	}
}

/**
 * EvoVoice and iSlash publish no machine-readable spec: their field tables, copied from the vendor pages
 * named in each entry, become the same operations. ServiceStack binds names case-insensitively and its
 * JSON is camelCase, so EvoVoice's PascalCase names are checked in camelCase.
 */
function tableOperations(provider: Provider, file: string): Operation[] {
	const document = readJson(file) as unknown as {
		operations: FieldTable[];
		listRequest?: { fields: Field[] };
	};
	return document.operations.map((table) => {
		const wireName = (name: string) =>
			provider === 'EvoVoice' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
		const fields = [...table.fields, ...(table.listRequest ? document.listRequest!.fields : [])];
		const bodyFields = fields.filter((field) => field.in === 'body');
		const bodySchema: Schema = {
			type: 'object',
			properties: Object.fromEntries(
				bodyFields.map((field) => [wireName(field.name), fieldSchema(field.type, 'body')]),
			),
			required: bodyFields.filter((field) => field.required).map((field) => wireName(field.name)),
			...(table.rule ? { allOf: [table.rule.schema] } : {}),
		};
		return {
			provider,
			source: `${table.operation}: ${table.page}`,
			method: table.method,
			template: table.path,
			...templatePattern(table.path),
			parameters: fields
				.filter((field) => field.in !== 'body')
				.map((field) => ({
					name: wireName(field.name),
					in: field.in as 'path' | 'query',
					required: field.required === true,
					schema: fieldSchema(field.type, field.in),
				})),
			body: bodyFields.length
				? { required: true, schema: bodySchema, multipart: table.multipart }
				: undefined,
			responses: {},
			auth: table.auth,
			words: [...(table.rule ? [table.rule.quote] : []), ...(table.words ? [table.words] : [])],
		};
	});
}

/**
 * Where a NetSapiens schema's keyword contradicts its own words, the words win: `format: date-time` (RFC 3339,
 * with a time zone) on fields whose description says "This timestamp in the format of YYYY-MM-DD HH:MM:SS"
 * (subscription-expires-datetime), which NetSapiens' examples also use.
 */
const NETSAPIENS_TIMESTAMP_WORDS = 'in the format of YYYY-MM-DD HH:MM:SS';
function wordsOverKeywords(node: unknown): void {
	if (Array.isArray(node)) node.forEach(wordsOverKeywords);
	if (!node || typeof node !== 'object') return;
	const schema = node as Schema;
	if (
		schema.format === 'date-time' &&
		typeof schema.description === 'string' &&
		schema.description.includes(NETSAPIENS_TIMESTAMP_WORDS)
	) {
		delete schema.format;
		schema.pattern = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$';
	}
	Object.values(schema).forEach(wordsOverKeywords);
}

const netSapiensDoc = readJson('netsapiens-docs-v45.0-messaging.json');
wordsOverKeywords(netSapiensDoc);
const netSapiensSupplement = readJson('netsapiens-supplement-core-44.4.10.json');

export const OPERATIONS: Operation[] = [
	...openApiOperations('NetSapiens', 'netsapiens-docs-v45.0-messaging.json', netSapiensDoc),
	// The plain password grant the docs v45.0 export lost ("_why" in the supplement).
	...openApiOperations('NetSapiens', 'netsapiens-supplement-core-44.4.10.json', {
		...netSapiensSupplement,
		components: { securitySchemes: {} },
		security: [],
	}),
	...superOfficeSwaggers.flatMap(({ file, doc }) => swaggerOperations(file, doc)),
	...tableOperations('EvoVoice', 'evovoice-field-tables.json'),
	...tableOperations('iSlash', 'islash-field-tables.json'),
];
for (const rule of WORD_RULES) {
	for (const operation of OPERATIONS) {
		if (operation.provider !== rule.provider || !rule.applies(operation)) continue;
		operation.words.push(rule.quote);
		if (rule.where === 'body') {
			const schema = operation.body!.schema;
			operation.body!.schema = {
				allOf: [schema, { type: 'object', properties: { [rule.name]: rule.schema } }],
			};
		} else {
			const parameter = operation.parameters.find((candidate) => candidate.name === rule.name)!;
			parameter.schema = { allOf: [parameter.schema, rule.schema] };
		}
	}
}

/**
 * One validator for all four: JSON Schema 2020-12 (NetSapiens' OpenAPI 3.1 dialect; the Swagger 2.0 and
 * field-table schemas use only keywords that mean the same there). Each spec document is added whole
 * under its own id so its `#/components/…` and `#/definitions/…` references resolve in it.
 */
function validator(coerceTypes: boolean): Ajv2020 {
	const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes, validateSchema: false });
	addFormats(ajv);
	// formats the specs name that JSON Schema does not define: "url" (NetSapiens), int/int32/double (both)
	ajv.addFormat('url', true);
	ajv.addFormat('int', true);
	for (const [id, doc] of [
		['netsapiens', netSapiensDoc],
		...superOfficeSwaggers.map(({ file, doc }) => [file, doc] as const),
	] as const) {
		ajv.addSchema({ ...doc, $id: id, paths: undefined }, id);
	}
	return ajv;
}

const bodyValidator = validator(false);
// path and query values are text on the wire: an integer parameter is checked as the number it spells
const parameterValidator = validator(true);
function documentId(operation: Operation): string | undefined {
	if (operation.provider === 'NetSapiens') return 'netsapiens';
	if (operation.provider === 'SuperOffice') return operation.source.split(' ')[0];
	return undefined;
}

let compiledCount = 0;
function compile(
	ajv: Ajv2020,
	operation: Operation,
	schema: Schema,
	strictFields: boolean,
): ValidateFunction {
	const id = documentId(operation);
	return ajv.compile({
		$id: `conformance-${(compiledCount += 1)}`,
		// a schema's `$ref: '#/…'` means the spec document it came from
		allOf: [id ? rebase(schema, id) : schema],
		// a field the spec does not name is a misspelling or an invention
		...(strictFields ? { unevaluatedProperties: false } : {}),
	});
}

/** Points `#/…` references at the spec document the schema came from. */
function rebase(schema: unknown, id: string): Schema {
	return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${id}#/`)) as Schema;
}

const validators = new Map<string, ValidateFunction>();
function cachedValidator(key: string, make: () => ValidateFunction): ValidateFunction {
	let validate = validators.get(key);
	if (!validate) validators.set(key, (validate = make()));
	return validate;
}

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
	(errors ?? [])
		.filter((error) => error.keyword !== 'allOf' && error.keyword !== 'anyOf')
		.map(
			(error) =>
				`${error.instancePath || '(value)'} ${error.message}${
					error.keyword === 'unevaluatedProperties'
						? ` (${(error.params as { unevaluatedProperty: string }).unevaluatedProperty})`
						: error.keyword === 'enum'
							? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
							: ''
				}`,
		)
		.join('; ');

/**
 * Requests to a provider that no spec here describes, and why they are not checked: each is sent by n8n's
 * own code, not built by these nodes.
 */
export const NOT_CHECKED: Array<{ provider: Provider; path: RegExp; why: string }> = [
	{
		provider: 'SuperOffice',
		path: /\/login\/common\/oauth\/tokens$/,
		why: 'SuperId’s OAuth 2.0 token endpoint, outside the REST API’s Swagger; n8n’s OAuth2 client sends the token and refresh requests',
	},
	{
		provider: 'NetSapiens',
		path: /\/ns-api\/oauth2\/token\/$/,
		why: 'NetSapiens’ legacy (pre-v2) OAuth endpoint, in no OpenAPI document; its form is cited in nodes/NetSapiens/shared/legacyToken.ts and the credential test checks the form body',
	},
];

/** Which provider a request is for, and the path the spec's templates are written against. */
export function locate(url: URL): { provider: Provider; path: string } | undefined {
	const path = url.pathname;
	const skipped = NOT_CHECKED.find((entry) => entry.path.test(path));
	if (skipped) return { provider: skipped.provider, path };
	const netSapiens = /\/ns-api\/v2(\/.*)$/.exec(path);
	if (netSapiens) return { provider: 'NetSapiens', path: netSapiens[1] };
	const superOffice = /(\/api\/v1\/.*)$/.exec(path);
	if (superOffice) return { provider: 'SuperOffice', path: superOffice[1] };
	const iSlash = /\/api\/public(\/.*)$/.exec(path);
	if (iSlash) return { provider: 'iSlash', path: iSlash[1] };
	return { provider: 'EvoVoice', path };
}

/** The operation a request is for: the template with the fewest parameters wins (`/apikeys/~` over `{id}`). */
export function findOperations(provider: Provider, method: string, path: string): Operation[] {
	const candidates = OPERATIONS.filter(
		(operation) =>
			operation.provider === provider &&
			operation.method === method &&
			operation.pattern.test(path),
	);
	const fewest = Math.min(...candidates.map((operation) => operation.pathNames.length));
	return candidates.filter((operation) => operation.pathNames.length === fewest);
}

/** Reads a multipart/form-data body into its field names and (text) values. */
function multipartFields(body: string, contentType: string): Record<string, string> {
	const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
	if (!boundary) return {};
	const text = body.startsWith('--') ? body : Buffer.from(body, 'hex').toString('latin1');
	const fields: Record<string, string> = {};
	for (const part of text.split(`--${boundary}`)) {
		const name = /name="([^"]+)"/.exec(part)?.[1];
		if (!name) continue;
		const value = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
		fields[name] = value;
	}
	return fields;
}

const header = (request: RecordedRequest, name: string) => {
	const value = request.headers[name];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
};

/** Every way the request departs from its provider's spec; empty when it conforms. */
export function checkRequest(request: RecordedRequest): string[] {
	const url = new URL(request.url);
	const located = locate(url);
	if (!located) return [`${request.method} ${url.href}: no provider's spec describes this address`];
	const { provider, path } = located;
	if (NOT_CHECKED.some((entry) => entry.path.test(path))) return [];
	const operations = findOperations(provider, request.method, path);
	if (!operations.length)
		return [`${provider}: ${request.method} ${path} is no operation of the spec`];
	// NetSapiens documents one URL several times (#1…#5, one example each): any of them may accept it.
	const outcomes = operations.map((operation) => checkAgainst(operation, request, url, path));
	return outcomes.find((violations) => violations.length === 0) ?? outcomes[0];
}

function checkAgainst(
	operation: Operation,
	request: RecordedRequest,
	url: URL,
	path: string,
): string[] {
	const where = `${operation.provider} ${operation.method} ${operation.template} (${operation.source})`;
	const violations: string[] = [];
	const fail = (problem: string) => violations.push(`${where}: ${problem}`);

	const values = operation.pattern.exec(path)!.slice(1);
	operation.pathNames.forEach((name, index) => {
		const parameter = operation.parameters.find(
			(candidate) => candidate.in === 'path' && candidate.name === name,
		);
		if (!parameter) return;
		const value = decodeURIComponent(values[index]);
		const validate = cachedValidator(`${operation.source} path ${name}`, () =>
			compile(parameterValidator, operation, parameter.schema, false),
		);
		if (!validate(value))
			fail(`path parameter ${name} "${value}": ${describeErrors(validate.errors)}`);
	});

	const query = operation.parameters.filter((parameter) => parameter.in === 'query');
	for (const [name, value] of url.searchParams) {
		const parameter = query.find((candidate) => candidate.name === name);
		if (!parameter) {
			fail(`query parameter ${name} is not in the spec`);
			continue;
		}
		const validate = cachedValidator(`${operation.source} query ${name}`, () =>
			compile(parameterValidator, operation, parameter.schema, false),
		);
		if (!validate(value))
			fail(`query parameter ${name}="${value}": ${describeErrors(validate.errors)}`);
	}
	for (const parameter of query)
		if (parameter.required && !url.searchParams.has(parameter.name))
			fail(`required query parameter ${parameter.name} is missing`);
	const filter = url.searchParams.get('$filter');
	if (
		filter !== null &&
		operation.provider === 'SuperOffice' &&
		operation.template === '/api/v1/ChatSession'
	) {
		const validate = cachedValidator(`${operation.source} $filter`, () =>
			compile(parameterValidator, operation, FILTER_TERMS, false),
		);
		if (!validate(filterTerms(filter)))
			fail(`query parameter $filter="${filter}": ${describeErrors(validate.errors)}`);
	}

	const contentType = header(request, 'content-type') ?? '';
	if (!operation.body) {
		if (request.body.length)
			fail(`sends a body the operation does not take: ${request.body.slice(0, 80)}`);
	} else if (!request.body.length) {
		if (operation.body.required) fail('the body the operation requires is missing');
	} else {
		let body: unknown;
		const multipart = contentType.startsWith('multipart/form-data');
		if (multipart) {
			body = multipartFields(request.body, contentType);
		} else if (operation.body.multipart) {
			fail(`the body must be multipart/form-data, not ${contentType || 'untyped'}`);
		} else {
			if (!/^application\/json/.test(contentType))
				fail(`the body must be JSON, not ${contentType || 'untyped'}`);
			try {
				body = JSON.parse(request.body);
			} catch {
				fail('the body is not JSON');
			}
		}
		if (body !== undefined) {
			// form fields are text on the wire: an integer field is checked as the number it spells
			const validate = cachedValidator(`${operation.source} body ${multipart}`, () =>
				compile(
					multipart ? parameterValidator : bodyValidator,
					operation,
					operation.body!.schema,
					true,
				),
			);
			if (!validate(body)) fail(`body: ${describeErrors(validate.errors)}`);
		}
	}

	const authorization = header(request, 'authorization');
	const scheme = authorization?.split(' ')[0].toLowerCase();
	if (operation.provider === 'iSlash') {
		if (operation.auth.includes('x-user-token') && !header(request, 'x-user-token'))
			fail('the X-USER-TOKEN header is missing');
	} else if (operation.auth.length && !(scheme && operation.auth.includes(scheme))) {
		fail(
			`authorization ${scheme ?? '(none)'} is not one of the spec's schemes: ${operation.auth.join(', ')}`,
		);
	}
	return violations;
}

/**
 * How an answer departs from what the spec documents for the request's operation: a status the operation
 * does not list, or a JSON body its schema refuses. Empty when it conforms.
 */
export function checkResponse(request: RecordedRequest, status: number, body: unknown): string[] {
	const url = new URL(request.url);
	const located = locate(url);
	if (!located) return [`${url.href}: no provider's spec describes this address`];
	const operations = findOperations(located.provider, request.method, located.path);
	if (!operations.length)
		return [`${located.provider}: ${request.method} ${located.path} is no operation of the spec`];
	const outcomes = operations.map((operation) => {
		const where = `${operation.provider} ${operation.method} ${operation.template} (${operation.source})`;
		const schema = operation.responses[String(status)];
		if (!schema) {
			return [
				`${where}: answers ${status}, which the spec does not list (${Object.keys(operation.responses).join(', ')})`,
			];
		}
		const validate = cachedValidator(`${operation.source} response ${status}`, () =>
			compile(bodyValidator, operation, schema, false),
		);
		return validate(body) ? [] : [`${where}: answer ${status}: ${describeErrors(validate.errors)}`];
	});
	return outcomes.find((violations) => violations.length === 0) ?? outcomes[0];
}
