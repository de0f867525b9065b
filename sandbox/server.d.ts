// Types for the TypeScript users of the sandbox (the benchmark).
import type { RateShape } from './rateLimit';
export interface SandboxMessage {
	provider: 'netsapiens' | 'evovoice' | 'islash' | 'superoffice';
	at: string;
	path: string;
	text: string;
	[key: string]: unknown;
}

export interface SandboxState {
	messages: SandboxMessage[];
	requests: number;
	inFlight: number;
	maxInFlight: number;
	rateLimited: number;
	/** When each 429 was answered (ms since the epoch). */
	rateLimitedAt: number[];
	tokensIssued: number;
	byProvider: Record<string, number>;
	/** NetSapiens event subscriptions, as POST /subscriptions answered them. */
	subscriptions: Array<Record<string, unknown> & { id: string }>;
	/** What the scripted model (sandbox/model.js) answers: a call of `tool` for a user message containing `prompt`. */
	modelScripts: Array<{ prompt: string; tool: string; arguments: Record<string, unknown> }>;
	/** What the scripted model was asked: the API, the tools offered, the prompt and the tool result it got. */
	modelCalls: Array<{
		api: 'chat.completions' | 'responses';
		tools: Array<{ name: string; description: string; parameters: Record<string, unknown> }>;
		prompt: string;
		toolResult?: string;
	}>;
}

export interface Sandbox {
	url: string;
	port: number;
	state: SandboxState;
	configure(options: {
		perSecond?: number;
		delayMs?: number;
		failEvery?: number;
		rateShape?: RateShape;
	}): void;
	reset(): void;
	/** A customer's message (or, `outgoing`, the NetSapiens event of the user's own last message) posted as the provider posts it; the targets' statuses. */
	deliver(options: {
		provider: 'netsapiens' | 'evovoice' | 'islash' | 'superoffice';
		text?: string;
		url?: string;
		chat?: boolean;
		session?: string;
		from?: string;
		outgoing?: boolean;
		again?: boolean;
	}): Promise<number[]>;
	close(): Promise<void>;
}

export function startSandbox(options?: {
	port?: number;
	perSecond?: number;
	delayMs?: number;
	failEvery?: number;
	tokenLifetimeMs?: number;
}): Promise<Sandbox>;

export const FIXTURES: {
	netsapiens: {
		apiKey: string;
		clientId: string;
		clientSecret: string;
		username: string;
		password: string;
		smsNumber: string;
		messageSession: string;
	};
	evovoice: {
		username: string;
		password: string;
		accountId: string;
		endpointId: string;
		endpointNumber: string;
	};
	islash: { userToken: string; session: string };
	superoffice: {
		tenant: string;
		accessToken: string;
		ticket: string;
		appToken: string;
		username: string;
		password: string;
		chatSessionId: number;
	};
	openai: { apiKey: string };
};
