// The sandbox's provider rate limit: at most `perSecond` requests accepted in any 1-s window (sliding, so
// no burst across a window edge gets twice the limit); beyond it the whole seconds until the oldest
// accepted request leaves the window, as Retry-After states them (RFC 9110 §10.2.3: delay-seconds is an
// integer).
function createRateLimiter() {
	let accepted = []; // times of the requests accepted in the last second, oldest first
	return {
		/** Returns the Retry-After seconds when this request is over the limit, else undefined. */
		refuse(now, perSecond) {
			let expired = 0;
			while (expired < accepted.length && accepted[expired] <= now - 1000) expired++;
			if (expired > 0) accepted = accepted.slice(expired);
			if (accepted.length < perSecond) {
				accepted.push(now);
				return undefined;
			}
			return String(Math.max(Math.ceil((accepted[0] + 1000 - now) / 1000), 1));
		},
		reset() {
			accepted = [];
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

module.exports = { createRateLimiter, throughputOfLimit };
