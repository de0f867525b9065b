import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

/**
 * NetSapiens' OAuth endpoint from before ns-api v2, for cores that answer the v2 `POST /tokens` with 404.
 * Its documented form is a POST with a form-encoded body of grant_type=password, client_id, client_secret,
 * username and password (a NetSapiens provider's KB, landstartel.co "Getting an access token": `curl
 * https://portal…/ns-api/oauth2/token/ -dclient_id=… -dclient_secret=… -dusername=… -dpassword=…
 * -dgrant_type=password`; the v1 PHP client spectrumvoip/NetSapiens-PHP-Client posts the same fields).
 * The secrets go in the body, never in the URL.
 */
export function legacyTokenUrl(baseUrl: string): string {
	// https://host/ns-api/v2 → https://host/ns-api/oauth2/token/; any other override keeps its origin.
	const v2 = /\/ns-api\/v2$/i;
	if (v2.test(baseUrl)) return baseUrl.replace(v2, '/ns-api/oauth2/token/');
	return `${new URL(baseUrl).origin}/ns-api/oauth2/token/`;
}

export interface TokenAnswer {
	statusCode: number;
	body: unknown;
	headers?: IDataObject;
}

export async function requestLegacyToken(
	helper: IHttpRequestHelper,
	grant: IDataObject,
	baseUrl: string,
): Promise<TokenAnswer> {
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(grant)) form.set(name, String(value ?? ''));
	return (await helper.helpers.httpRequest({
		method: 'POST',
		url: legacyTokenUrl(baseUrl),
		headers: { Accept: 'application/json' },
		body: form,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A followed 307/308 would re-post the client secret and password to wherever it points.
		disableFollowRedirect: true,
	})) as TokenAnswer;
}

/** Only the v2 route's absence sends the grant to the legacy endpoint; any other refusal is final. */
export const v2TokenRouteMissing = (answer: TokenAnswer) => answer.statusCode === 404;
