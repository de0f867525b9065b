import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Hosts only this machine reaches: a SuperOffice stand-in here (the project's sandbox) can call them back. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The TargetUrl to register: this node's webhook URL, which SuperOffice accepts only over HTTPS ("The
 * `TargetUrl` must: be HTTPS, have a valid TLS certificate", SuperOffice webhook docs, Register a webhook).
 * An http:// URL is refused here, before SuperOffice refuses it with a message that names no n8n setting;
 * n8n builds the URL from its WEBHOOK_URL setting. A loopback URL passes, for a stand-in on this machine.
 */
export function httpsTargetUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `This n8n’s webhook URL "${url}" is not a URL`);
	}
	if (parsed.protocol === 'https:' || LOOPBACK.test(parsed.hostname)) return url;
	throw new NodeOperationError(
		ctx.getNode(),
		`SuperOffice sends webhooks only to an HTTPS address, and this n8n’s webhook URL is ${parsed.origin}: set WEBHOOK_URL to n8n’s public https:// address`,
		{
			description:
				'SuperOffice requires the webhook’s TargetUrl to be HTTPS with a valid TLS certificate. n8n builds webhook URLs from its WEBHOOK_URL environment variable.',
		},
	);
}
