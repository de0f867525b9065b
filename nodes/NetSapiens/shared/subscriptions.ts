import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { toNodeError } from '../../shared/errors';
import { listRows } from '../../shared/operation';
import { answeredStatus, type RequestContext } from '../../shared/providerRequest';
import { netSapiensErrors } from './errors';
import type { WatchedUser } from './inboundMessage';
import { netSapiensRequest } from './transport';

/**
 * Event subscriptions are made at `/subscriptions` and `/subscriptions/{id}`: a core 44.4.10 serves only
 * these (its OpenAPI has no `/domains/{domain}/subscriptions`), and docs v45.0 mark them "released" where the
 * domain routes are "testing". Which domain and user a subscription filters for is in its body.
 */
const SUBSCRIPTIONS = '/subscriptions';

const DAY_MS = 24 * 3600_000;

/** `YYYY-MM-DD HH:MM:SS` (UTC), the format of subscription-expires-datetime. */
export function subscriptionTimestamp(at: Date): string {
	return at.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * "If left blank it will set the expires time to the expires time of the timed token used, if using a APIkey
 * it will be 20 years from the creation date" (subscription-expires-datetime): a login's subscription would
 * end with its one-hour token, so the trigger extends it to what an API key gets.
 */
const SUBSCRIPTION_YEARS = 20;

export function farExpiry(now = new Date()): string {
	const expires = new Date(now);
	expires.setUTCFullYear(expires.getUTCFullYear() + SUBSCRIPTION_YEARS);
	return subscriptionTimestamp(expires);
}

/** A subscription expiring sooner than this was set to a token's expiry: the trigger extends it. */
const EXTEND_BELOW_DAYS = 365;

/** Whether a subscription's `subscription-expires-datetime` is missing or within EXTEND_BELOW_DAYS. */
function expiresSoon(expires: unknown, now = Date.now()): boolean {
	const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(String(expires ?? '').trim());
	if (!match) return true;
	const at = Date.parse(`${match[1]}T${match[2]}Z`);
	return !Number.isFinite(at) || at - now < EXTEND_BELOW_DAYS * DAY_MS;
}

/**
 * The concrete domain and user a subscription filters for (`~` resolved by the caller): the body's `domain`
 * defaults to "*", "only valid with Super User scope", and its `user` documents only "*" and names, not `~`.
 */
export function checkOwner(node: INode, owner: WatchedUser): WatchedUser {
	for (const [label, value] of [
		['Domain', owner.domain],
		['User', owner.user],
	]) {
		if (value === '' || value === '~') {
			throw new NodeOperationError(node, `${label}: ~ could not be resolved from the credential`, {
				description: `Enter the ${label.toLowerCase()} itself`,
			});
		}
	}
	return owner;
}

export async function listSubscriptions(ctx: RequestContext): Promise<IDataObject[]> {
	return listRows(await netSapiensRequest.call(ctx, 'GET', SUBSCRIPTIONS));
}

/**
 * POST /subscriptions for messages of `model` to `postUrl`, filtered for the owner's domain and user.
 * `subscription-expires-datetime` is not sent on create (core 44.4.10 documents it on update only); `expires`
 * sets it by PUT /subscriptions/{id} (released in both cores) when given, or when `expiresSoon` says the core
 * chose a token's expiry. Returns the subscription's ID, or undefined when the answer names none.
 */
export async function createSubscription(
	ctx: RequestContext,
	{
		model,
		postUrl,
		owner,
		expires,
	}: { model: string; postUrl: string; owner: WatchedUser; expires?: Date },
): Promise<string | undefined> {
	const answer = (await netSapiensRequest.call(ctx, 'POST', SUBSCRIPTIONS, {
		body: { model, 'post-url': postUrl, domain: owner.domain, user: owner.user },
	})) as IDataObject | undefined;
	if (!answer?.id) return undefined;
	const id = String(answer.id);
	const expiry = expires
		? subscriptionTimestamp(expires)
		: expiresSoon(answer['subscription-expires-datetime'])
			? farExpiry()
			: undefined;
	if (expiry !== undefined) {
		await netSapiensRequest.call(ctx, 'PUT', `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`, {
			body: { 'subscription-expires-datetime': expiry },
		});
	}
	return id;
}

/**
 * DELETE /subscriptions/{id}. Docs v45.0 require `subscription_id` in the body and `domain` "when requests are
 * submitted as scopes lower than Super User"; core 44.4.10 documents no body, and the path names the same ID.
 * A 404 means it is already gone (expired or removed in the portal).
 */
export async function deleteSubscription(
	ctx: RequestContext,
	id: string,
	domain: string,
): Promise<void> {
	try {
		await netSapiensRequest.call(ctx, 'DELETE', `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`, {
			body: { subscription_id: id, domain },
		});
	} catch (error) {
		if (answeredStatus(error) !== 404) throw toNodeError(ctx.getNode(), netSapiensErrors, error);
	}
}

/** A delivery body: a JSON array of objects, or one object. Anything else is malformed. */
export function deliveredObjects(body: unknown): IDataObject[] | undefined {
	let value = body;
	if (typeof value === 'string' || Buffer.isBuffer(value)) {
		try {
			value = JSON.parse(value.toString()) as unknown;
		} catch {
			return undefined;
		}
	}
	const isObject = (entry: unknown) =>
		!!entry && typeof entry === 'object' && !Array.isArray(entry);
	if (Array.isArray(value)) return value.every(isObject) ? (value as IDataObject[]) : undefined;
	return isObject(value) ? [value as IDataObject] : undefined;
}
