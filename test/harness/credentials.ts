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
	Workflow,
} from 'n8n-workflow';
import { CredentialTestContext } from 'n8n-core';
import { ICredentialsHelper } from 'n8n-workflow';

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

/**
 * Runs a node's credential test as n8n's credentials tester does when the credential type has no `test`
 * of its own: the node's `methods.credentialTest[testedBy]`, called on n8n-core's CredentialTestContext
 * (whose `helpers.request` is n8n's own HTTP client, so nock sees the real request).
 */
export async function runCredentialTest(
	nodeType: INodeType,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
) {
	const entry = nodeType.description.credentials?.find(
		(credential) => credential.name === credentialType,
	);
	const testedBy = entry?.testedBy;
	if (typeof testedBy !== 'string')
		throw new Error(`${nodeType.description.name} names no credential test for ${credentialType}`);
	const test = nodeType.methods?.credentialTest?.[testedBy];
	if (!test) throw new Error(`${nodeType.description.name} has no credential test ${testedBy}`);
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	return await test.call(context, {
		id: 'credential-under-test',
		name: credentialType,
		type: credentialType,
		data,
	});
}
