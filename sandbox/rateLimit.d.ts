// Types for the TypeScript users of the sandbox's rate limit (the benchmark, its test).
export interface RateLimiter {
	/** The Retry-After seconds (a string) when a request at `now` is over `perSecond`, else undefined. */
	refuse(now: number, perSecond: number): string | undefined;
	reset(): void;
}
export function createRateLimiter(): RateLimiter;
/** delivered ÷ (perSecond × (⌊seconds from the first to the last accepted request⌋ + 1)): at most 1. */
export function throughputOfLimit(
	acceptedAtMs: number[],
	perSecond: number,
): { ratio: number; spanSeconds: number; mostAllowed: number };
