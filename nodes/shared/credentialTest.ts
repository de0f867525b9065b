import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { parseBody, transportStatement, type ProviderErrorFormat } from './errors';

/**
 * The credential tests of the four providers. A declarative `test` on the credential can only fail with
 * fixed text or n8n's generic status text ("Unauthorized"), because n8n's credentials tester shows
 * nothing of the answer (`services/credentials-tester.service.js` ~345-365 in the `n8n` package). A
 * node's `methods.credentialTest`, named by `testedBy` on the node's credential, returns a message of
 * its own, so a failed test shows the provider's reason. n8n uses it only when the credential type has
 * no `test` of its own (`getCredentialTestFunction`, ~79).
 */

/** The name every node gives its credential test (`testedBy`). */
export const CREDENTIAL_TEST = 'providerCredentialTest';

export interface CredentialProbe {
	errors: ProviderErrorFormat;
	/** The cheapest request that proves the credential, with a path relative to the API's base URL. */
	request(credentials: ICredentialDataDecryptedObject): IHttpRequestOptions;
	/** The credential type itself: its authenticate adds the auth headers and the base URL. */
	credential: {
		authenticate(
			credentials: ICredentialDataDecryptedObject,
			request: IHttpRequestOptions,
		): Promise<IHttpRequestOptions>;
	};
	/** A 2xx answer that still refuses the credential, as the reason to show. */
	refusal?(body: unknown): string | undefined;
}

export function credentialTestOf(probe: CredentialProbe) {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		const provider = probe.errors.provider;
		let options: IHttpRequestOptions;
		try {
			options = await probe.credential.authenticate(data, probe.request(data));
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
		const base = String(options.baseURL ?? '').replace(/\/+$/, '');
		const uri = /^https?:\/\//i.test(options.url)
			? options.url
			: `${base}/${options.url.replace(/^\/+/, '')}`;
		let answer: { statusCode: number; body: unknown };
		try {
			// A credential test's context offers only `request` (n8n-workflow ICredentialTestFunctions), no httpRequest.
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			answer = (await this.helpers.request({
				method: options.method ?? 'GET',
				uri,
				qs: options.qs,
				headers: options.headers,
				body: options.body,
				json: true,
				resolveWithFullResponse: true,
				simple: false,
			})) as { statusCode: number; body: unknown };
		} catch (error) {
			const statement = transportStatement(error);
			return {
				status: 'Error',
				message: `No answer from ${provider}: ${statement ?? (error as Error).message}`,
			};
		}
		const body = parseBody(answer.body);
		if (answer.statusCode >= 400) {
			const reason = probe.errors.readMessage(body);
			return {
				status: 'Error',
				message: reason
					? `${reason} (HTTP ${answer.statusCode})`
					: `${provider} answered HTTP ${answer.statusCode}`,
			};
		}
		const refusal = probe.errors.failureIn2xx?.(body) ?? probe.refusal?.(body);
		if (refusal !== undefined) return { status: 'Error', message: refusal };
		return { status: 'OK', message: 'Connection tested successfully' };
	};
}
