import { createRateLimiter, throughputOfLimit, throughputOfShape } from '../../sandbox/rateLimit';

/** The sandbox's rate limit counts a sliding 1-s window: no burst across a window edge gets twice the limit. */
it('accepts at most the limit in any 1-s window, and says when the oldest request leaves it', () => {
	const limiter = createRateLimiter();
	const accepted = (now: number, count: number) =>
		Array.from({ length: count }, () => limiter.refuse(now, 5)).filter((r) => r === undefined)
			.length;
	expect(accepted(900, 5)).toBe(5);
	// a fixed window would open again at 1000 and let 5 more through within 100 ms of the first five
	expect(limiter.refuse(1000, 5)).toBe('1'); // 0.9 s, in whole seconds as Retry-After has them
	expect(accepted(1899, 1)).toBe(0);
	expect(accepted(1900, 10)).toBe(5);
	limiter.reset();
	expect(accepted(1901, 5)).toBe(5);
});

it('throughput ÷ limit is 1.00 for the best possible run and never above it', () => {
	// 50/s: bursts of 50 at 0 s, 1 s … 5 s is the most a sliding window lets through in 5 s
	const bursts = Array.from({ length: 300 }, (_, i) => Math.floor(i / 50) * 1000);
	expect(throughputOfLimit(bursts, 50)).toEqual({ ratio: 1, spanSeconds: 5, mostAllowed: 300 });
	const evenlySpaced = Array.from({ length: 300 }, (_, i) => i * 20);
	expect(throughputOfLimit(evenlySpaced, 50).ratio).toBe(1);
	const halfSpeed = Array.from({ length: 300 }, (_, i) => i * 40);
	expect(throughputOfLimit(halfSpeed, 50).ratio).toBe(0.5);
	expect(throughputOfLimit([], 50).ratio).toBe(0);
});

it('a fixed window counts the limit per clock-aligned window and answers the seconds to its end', () => {
	const limiter = createRateLimiter({ kind: 'fixed', windowMs: 60_000 });
	for (let i = 0; i < 3; i++) expect(limiter.refuse(10_000, 3)).toBeUndefined();
	expect(limiter.refuse(10_500, 3)).toBe('50');
	expect(limiter.refuse(59_999, 3)).toBe('1');
	expect(limiter.refuse(60_000, 3)).toBeUndefined();
	expect(
		throughputOfShape([10_000, 10_000, 10_000, 60_000], 3, { kind: 'fixed', windowMs: 60_000 })
			.ratio,
	).toBeCloseTo(4 / 6);
});

it('a token bucket refills continuously and answers the seconds to the next token', () => {
	const limiter = createRateLimiter({ kind: 'bucket', windowMs: 1000 });
	for (let i = 0; i < 5; i++) expect(limiter.refuse(0, 5)).toBeUndefined();
	expect(limiter.refuse(100, 5)).toBe('1'); // half a token: 100 ms more, in whole seconds
	expect(limiter.refuse(200, 5)).toBeUndefined();
	expect(limiter.refuse(200, 5)).toBe('1');
});
