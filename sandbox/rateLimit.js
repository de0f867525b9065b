// The sandbox's provider rate limit. The default shape: at most `limit` requests accepted in any 1-s window
// (sliding, so no burst across a window edge gets twice the limit); beyond it the whole seconds until the
// oldest accepted request leaves the window, as Retry-After states them (RFC 9110 §10.2.3: delay-seconds
// is an integer). Two other common provider shapes, for benchmarks that must not fit one shape:
// `{ kind: 'fixed', windowMs }` counts `limit` per window aligned to the clock (a calendar minute, say) and
// answers the seconds until the next window begins; `{ kind: 'bucket', windowMs }` is a token bucket of
// `limit` tokens refilled at `limit` per `windowMs`, answering the seconds until the next token.
const SLIDING_SECOND = { kind: 'sliding', windowMs: 1000 };

function createRateLimiter(initialShape = SLIDING_SECOND) {
	let shape = initialShape;
	let accepted = []; // sliding: times of the requests accepted in the window, oldest first
	let windowStart = 0; // fixed: the current window and its count
	let inWindow = 0;
	let tokens = undefined; // bucket: tokens left at `refilledAt`
	let refilledAt = 0;
	const seconds = (ms) => String(Math.max(Math.ceil(ms / 1000), 1));
	return {
		/** Returns the Retry-After seconds when this request is over the limit, else undefined. */
		refuse(now, limit) {
			if (shape.kind === 'fixed') {
				const start = now - (now % shape.windowMs);
				if (start !== windowStart) [windowStart, inWindow] = [start, 0];
				if (inWindow < limit) {
					inWindow++;
					return undefined;
				}
				return seconds(start + shape.windowMs - now);
			}
			if (shape.kind === 'bucket') {
				tokens = Math.min(limit, (tokens ?? limit) + ((now - refilledAt) * limit) / shape.windowMs);
				refilledAt = now;
				if (tokens >= 1) {
					tokens--;
					return undefined;
				}
				return seconds(((1 - tokens) * shape.windowMs) / limit);
			}
			let expired = 0;
			while (expired < accepted.length && accepted[expired] <= now - shape.windowMs) expired++;
			if (expired > 0) accepted = accepted.slice(expired);
			if (accepted.length < limit) {
				accepted.push(now);
				return undefined;
			}
			return seconds(accepted[0] + shape.windowMs - now);
		},
		/** Forgets what was accepted; `nextShape` (optional) changes the shape. */
		reset(nextShape) {
			if (nextShape) shape = nextShape;
			accepted = [];
			[windowStart, inWindow, tokens, refilledAt] = [0, 0, undefined, 0];
		},
	};
}

/**
 * Throughput under a limit of `perSecond`, as a fraction of the most the limit allows: delivered ÷
 * (perSecond × (⌊S⌋ + 1)), S the seconds from the first to the last accepted request. With at most
 * `perSecond` in any 1-s window, ⌊S⌋ + 1 windows cover the run, so 1.00 is the best any sender can do
 * (bursts of `perSecond` a second apart, or one request every 1/perSecond s); plain delivered ÷ S would
 * score such a 300-send run at 1.20.
 */
function throughputOfLimit(acceptedAtMs, perSecond) {
	if (acceptedAtMs.length === 0) return { ratio: 0, spanSeconds: 0, mostAllowed: 0 };
	let first = Infinity;
	let last = -Infinity;
	for (const at of acceptedAtMs) {
		first = Math.min(first, at);
		last = Math.max(last, at);
	}
	const spanSeconds = (last - first) / 1000;
	const mostAllowed = perSecond * (Math.floor(spanSeconds) + 1);
	return { ratio: acceptedAtMs.length / mostAllowed, spanSeconds, mostAllowed };
}

/**
 * The same ratio for any shape: delivered ÷ the most the shape lets through between the first and the last
 * accepted request. Sliding windows: `limit` × (⌊S ÷ window⌋ + 1); fixed windows: `limit` × the windows the
 * run touched; a token bucket: its `limit` tokens + the refill over S.
 */
function throughputOfShape(acceptedAtMs, limit, shape = SLIDING_SECOND) {
	if (acceptedAtMs.length === 0) return { ratio: 0, spanSeconds: 0, mostAllowed: 0 };
	const first = Math.min(...acceptedAtMs);
	const last = Math.max(...acceptedAtMs);
	const span = last - first;
	const mostAllowed =
		shape.kind === 'fixed'
			? limit * (Math.floor(last / shape.windowMs) - Math.floor(first / shape.windowMs) + 1)
			: shape.kind === 'bucket'
				? Math.floor(limit + (span * limit) / shape.windowMs)
				: limit * (Math.floor(span / shape.windowMs) + 1);
	return { ratio: acceptedAtMs.length / mostAllowed, spanSeconds: span / 1000, mostAllowed };
}

module.exports = { createRateLimiter, throughputOfLimit, throughputOfShape };
