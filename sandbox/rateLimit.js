// The sandbox's provider rate limit: at most `perSecond` requests in any fixed 1-s window; beyond it the
// number of seconds to wait (the Retry-After value), as a string.
function createRateLimiter() {
	let windowStart = 0;
	let windowCount = 0;
	return {
		/** Returns the Retry-After seconds when this request is over the limit, else undefined. */
		refuse(now, perSecond) {
			if (now - windowStart >= 1000) {
				windowStart = now;
				windowCount = 0;
			}
			if (++windowCount <= perSecond) return undefined;
			return ((windowStart + 1000 - now) / 1000).toFixed(3);
		},
		reset() {
			windowStart = 0;
			windowCount = 0;
		},
	};
}

module.exports = { createRateLimiter };
