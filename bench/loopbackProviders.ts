import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal loopback stand-in for the four providers' send endpoints, answering each with the provider's
 * documented success shape. It counts what a benchmark needs: requests, the most ever in flight, token
 * requests, and deliveries per message text (to count duplicates); and it can rate-limit (429 with
 * Retry-After beyond N requests per second) and delay answers.
 */
export interface LoopbackStats {
	requests: number;
	tokenRequests: number;
	rateLimited: number;
	maxInFlight: number;
	/** accepted deliveries per message text */
	delivered: Map<string, number>;
}

export interface Loopback {
	url: string;
	stats: LoopbackStats;
	configure(options: { perSecond?: number; delayMs?: number }): void;
	reset(): void;
	close(): Promise<void>;
}

function textOf(body: string, contentType: string): string {
	if (contentType.includes('multipart/form-data')) {
		const match = /name="text"\r\n\r\n([^\r]*)\r\n/.exec(body);
		return match?.[1] ?? '';
	}
	try {
		const json = JSON.parse(body) as Record<string, unknown>;
		return String(json.body ?? json.message ?? json.Message ?? '');
	} catch {
		return '';
	}
}

const answers: Array<[RegExp, number, (text: string) => unknown]> = [
	[/^\/evovoice\/sessions\/[^/]+\/messages$/, 200, (text) => ({ id: `m-${text}`, direction: 'Outgoing', text })],
	[/^\/netsapiens\/ns-api\/v2\/domains\/[^/]+\/users\/[^/]+\/messagesessions\/[^/]+\/messages$/, 202, () => ({ code: 202, message: 'Accepted' })],
	[/^\/islash\/api\/public\/send-session-message$/, 200, (text) => ({ meta: { code: 'RESP_OKAY', message: 'Success' }, data: { message: { id: 1, body: text } } })],
	[/^\/superoffice\/Cust12345\/api\/v1\/ChatSession\/\d+\/Messages$/, 200, (text) => ({ ChatMessageId: 1, Message: text, Type: 'ToCustomer' })],
];

export async function startLoopback(): Promise<Loopback> {
	const stats: LoopbackStats = { requests: 0, tokenRequests: 0, rateLimited: 0, maxInFlight: 0, delivered: new Map() };
	let inFlight = 0;
	let perSecond = 0;
	let delayMs = 0;
	let windowStart = 0;
	let windowCount = 0;

	const server = http.createServer((req, res) => {
		stats.requests++;
		inFlight++;
		stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
				const finish = () => {
					inFlight--;
					res.writeHead(status, { 'content-type': 'application/json', ...headers });
					res.end(JSON.stringify(body));
				};
				if (delayMs > 0) setTimeout(finish, delayMs);
				else finish();
			};
			const path = (req.url ?? '').split('?')[0];
			if (path === '/netsapiens/ns-api/v2/tokens') {
				stats.tokenRequests++;
				return answer(200, { access_token: `tok-${stats.tokenRequests}`, expires_in: 3600, token_type: 'Bearer' });
			}
			if (perSecond > 0) {
				const now = Date.now();
				if (now - windowStart >= 1000) {
					windowStart = now;
					windowCount = 0;
				}
				if (++windowCount > perSecond) {
					stats.rateLimited++;
					const retryAfter = Math.max(0, (windowStart + 1000 - now) / 1000);
					return answer(429, { message: 'Too many requests' }, { 'retry-after': retryAfter.toFixed(3) });
				}
			}
			const route = answers.find(([pattern]) => pattern.test(path));
			if (!route || req.method !== 'POST') return answer(404, { message: `no route ${req.method} ${path}` });
			const text = textOf(Buffer.concat(chunks).toString('utf8'), String(req.headers['content-type'] ?? ''));
			stats.delivered.set(text, (stats.delivered.get(text) ?? 0) + 1);
			return answer(route[1], route[2](text));
		});
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stats,
		configure(options) {
			perSecond = options.perSecond ?? 0;
			delayMs = options.delayMs ?? 0;
		},
		reset() {
			Object.assign(stats, { requests: 0, tokenRequests: 0, rateLimited: 0, maxInFlight: 0, delivered: new Map() });
			inFlight = 0;
			windowStart = 0;
			windowCount = 0;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
