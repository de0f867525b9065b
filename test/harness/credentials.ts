import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeType,
	IWorkflowExecuteAdditionalData,
	INodeProperties,
	IRequestOptionsSimplified,
	INodeExecutionData,
	INodeTypeDescription,
	IRunExecutionData,
} from 'n8n-workflow';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { ICredentialsHelper, NodeConnectionTypes, Workflow } from 'n8n-workflow';

/**
 * Credentials applied the way n8n's server applies them (packages/cli credentials-helper):
 * generic `authenticate` templates resolved as expressions with $credentials, function `authenticate`
 * called as is, `preAuthentication` run when the credential's expirable field is empty or after a 401,
 * its output stored so the next item (and the next run) reuses it.
 */
export class FixtureCredentialsHelper extends ICredentialsHelper {
	/** Stored credential data by type (what n8n's database would hold). */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();
	/** How often preAuthentication ran, by type. */
	readonly preAuthenticationCalls = new Map<string, number>();

	constructor(private readonly types: Map<string, ICredentialType>) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		const options = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				value.startsWith('=') && workflow && node
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				const target = ((options as unknown as Record<string, Record<string, unknown>>)[
					outerKey
				] ??= {});
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					target[resolve(key)] = resolve(value);
				}
			}
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		this.preAuthenticationCalls.set(typeName, (this.preAuthenticationCalls.get(typeName) ?? 0) + 1);
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.store.set(typeName, {
			...(this.store.get(typeName) ?? {}),
			...(output as ICredentialDataDecryptedObject),
		});
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(type);
		if (!stored) throw new Error(`No fixture credentials of type ${type}`);
		// n8n fills unset fields with their defaults before a node sees them.
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) defaults[property.name] = property.default as string;
		}
		return { ...defaults, ...stored };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, data);
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, { ...(this.store.get(type) ?? {}), ...data });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const own = this.type(type);
		const inherited = (own.extends ?? []).flatMap((parent) =>
			this.types.has(parent) ? this.getCredentialsProperties(parent) : [],
		);
		return [...inherited, ...own.properties];
	}
}

/** lodash's get for a dotted key, as the tester reads a `responseSuccessBody` rule's key. */
function valueAt(value: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(at, part) =>
				at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined,
			value,
		);
}

/** A NoOp node's description: n8n's tester borrows n8n-nodes-base.noOp and replaces its properties. */
const NO_OP: INodeTypeDescription = {
	displayName: 'No Operation, do nothing',
	name: 'noOp',
	group: ['organization'],
	version: 1,
	description: 'No Operation',
	defaults: { name: 'No Operation, do nothing' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [],
};

/**
 * Runs a credential type's `test` as n8n 2.40's credentials tester does (packages/cli
 * credentials-tester.service.ts): the test request becomes the routing of a temporary NoOp node that
 * n8n-core's RoutingNode runs with the credential, so `authenticate` and `preAuthentication` apply as in
 * a workflow; then the tester's own reading of the outcome: a `responseCode` rule's message or the HTTP
 * status text for a non-2xx answer, the error code for no answer, the error's message otherwise, and a
 * `responseSuccessBody` rule's message when the 2xx body holds its value.
 */
export async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	helper: FixtureCredentialsHelper = new FixtureCredentialsHelper(
		new Map([[credentialType.name, credentialType]]),
	),
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const testRequest = credentialType.test;
	if (!testRequest) throw new Error(`${credentialType.name} has no credential test`);
	helper.store.set(credentialType.name, { ...data });
	const credentialsDecrypted = {
		id: 'credential-under-test',
		name: credentialType.name,
		type: credentialType.name,
		data: { ...data },
	};
	const nodeType: INodeType = {
		description: {
			...NO_OP,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: {
			[credentialType.name]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	const additionalData = { credentialsHelper: helper } as unknown as IWorkflowExecuteAdditionalData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } } as IRunExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (caught) {
		const error = caught as {
			message: string;
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of testRequest.rules ?? [])
				if (rule.type === 'responseCode' && rule.properties.value === status)
					return { status: 'Error', message: rule.properties.message };
			if (status < 199 || status > 299)
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}
	for (const rule of testRequest.rules ?? [])
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value
		)
			return { status: 'Error', message: rule.properties.message };
	return { status: 'OK', message: 'Connection successful!' };
}
