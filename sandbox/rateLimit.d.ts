// Types for the TypeScript users of the sandbox's rate limit (the benchmark, its test).
export interface RateLimiter {
	/** The Retry-After seconds (a string) when a request at `now` is over `perSecond`, else undefined. */
	refuse(now: number, perSecond: number): string | undefined;
	/** Forgets what was accepted; `shape` (optional) changes the shape. */
	reset(shape?: RateShape): void;
}
/** A provider limit's shape (sandbox/rateLimit.js); the default is a 1-s sliding window. */
export interface RateShape {
	kind: 'sliding' | 'fixed' | 'bucket';
	windowMs: number;
}
export function createRateLimiter(shape?: RateShape): RateLimiter;
/** delivered ÷ (perSecond × (⌊seconds from the first to the last accepted request⌋ + 1)): at most 1. */
export function throughputOfLimit(
	acceptedAtMs: number[],
	perSecond: number,
): { ratio: number; spanSeconds: number; mostAllowed: number };
/** delivered ÷ the most `limit` in `shape` lets through between the first and the last accepted request. */
export function throughputOfShape(
	acceptedAtMs: number[],
	limit: number,
	shape?: RateShape,
): { ratio: number; spanSeconds: number; mostAllowed: number };
