#!/usr/bin/env node
// The provider sandbox: one loopback HTTP server emulating the endpoints this package's nodes call on
// NetSapiens, EvoVoice, iSlash and SuperOffice — each provider under its own path prefix — with their
// authentication, their documented required fields and their own error shapes. Accepted messages are
// recorded for assertions and reports; faults (rate limit, delays) are set by configuration.
// Plain Node, no dependencies; a dev tool of the repo, never shipped in dist/.
const http = require('node:http');
const crypto = require('node:crypto');
const FIXTURES = require('./fixtures');
const { parseMultipart } = require('./multipart');
const { createRateLimiter } = require('./rateLimit');
const { scriptedModel } = require('./model');

function createState() {
	return {
		messages: [], // every accepted message: {provider, at, path, ...what the provider received}
		requests: 0,
		inFlight: 0,
		maxInFlight: 0,
		rateLimited: 0,
		rateLimitedAt: [], // when each 429 was answered (ms)
		tokensIssued: 0,
		netsapiensCore: '45', // which NetSapiens core the sandbox behaves like (NETSAPIENS_CORES)
		byProvider: {},
		tokens: new Map(), // NetSapiens access token → expiry (ms)
		subscriptions: [], // NetSapiens event subscriptions
		webhooks: [], // SuperOffice webhooks (with their secrets)
		chat: new Map(), // SuperOffice chat session id → its ChatMessages
		echoes: [], // what trigger workflows posted back to /_sandbox/echo
		incoming: [], // EvoVoice messages customers sent (what its poller reads)
		lastDelivery: {}, // per provider, the last delivery made, to send it again
		modelScripts: [], // what the scripted model answers (sandbox/model.js)
		modelCalls: [], // what the scripted model was asked: tools offered, prompt, tool result
	};
}

/** Clears the record and the counters; issued tokens stay valid (as they would at the provider), model scripts stay. */
function resetCounts(state) {
	const kept = [
		'netsapiensCore',
		'tokenLifetimeMs',
		'inFlight',
		'tokens',
		'subscriptions',
		'webhooks',
		'modelScripts',
	];
	Object.assign(state, createState(), Object.fromEntries(kept.map((key) => [key, state[key]])));
}

/** Answers and error shapes, per provider. */
const reply = (res, status, body, headers = {}) => {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(body === undefined ? '' : JSON.stringify(body));
};
const errors = {
	netsapiens: (res, status, message) => reply(res, status, { code: status, message }),
	evovoice: (res, status, message, fieldName) =>
		reply(res, status, {
			responseStatus: {
				errorCode: status === 401 ? 'Unauthorized' : 'ValidationException',
				message,
				errors: fieldName ? [{ errorCode: 'NotEmpty', fieldName, message }] : [],
			},
		}),
	islash: (res, status, message) =>
		reply(res, status === 401 ? 401 : 200, {
			meta: {
				code: status === 401 ? 'RESP_UNAUTHORIZED' : 'RESP_INVALID_PARAMS',
				message,
				trace_id: crypto.randomUUID(),
			},
		}),
	superoffice: (res, status, message) =>
		reply(res, status, {
			Error: true,
			ErrorType: status === 401 ? 'SoAuthenticationException' : 'SoException',
			Message: message,
		}),
};

function basic(user, password) {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/**
 * The message types NetSapiens names: MessageType's examples in the docs v45.0 OpenAPI and MessageSend.type's
 * words in what a core 44.4.10 serves. Neither is an enum; the sandbox refuses other types to stand in for a
 * provider that does.
 */
const NETSAPIENS_MESSAGE_TYPES = [
	...['chat', 'sms', 'mms', 'chat-media', 'chat-video', 'chat-participant-(status-changes)'],
	...['chat-name-change', 'chat-video-invite', 'chat-participant-add', 'chat-participant-remove'],
	'chat-participant-leave',
];

/**
 * The NetSapiens cores the sandbox stands in for (POST /_sandbox/netsapiens-core {"core": …}): '45' (docs
 * v45.0), '44.4.10' (the routes the OpenAPI a core 44.4.10 serves lacks answer 404 "No Route Found [92]") and
 * 'legacy-token' (a core without the v2 POST /tokens: only the older /ns-api/oauth2/token/ issues tokens).
 */
const NETSAPIENS_CORES = ['45', '44.4.10', 'legacy-token'];

/** What a core answers for a route it does not serve (status 404, message "No Route Found [92]"). */
const noRoute = (res) => errors.netsapiens(res, 404, 'No Route Found [92]');

/** Routes the core 44.4.10 OpenAPI lacks: GET of one message session and the domain subscription routes. */
function lacksOn44(method, path) {
	if (/^\/domains\/[^/]+\/subscriptions(\/[^/]+)?$/.test(path)) return true;
	return method === 'GET' && /^\/domains\/[^/]+\/users\/[^/]+\/messagesessions\/[^/]+$/.test(path);
}

/** The password grant (v2 POST /tokens with JSON, or the legacy endpoint with a form body). */
function issueToken(state, res, grant = {}) {
	const fx = FIXTURES.netsapiens;
	if (
		grant.grant_type !== 'password' ||
		grant.client_id !== fx.clientId ||
		grant.client_secret !== fx.clientSecret ||
		grant.username !== fx.username ||
		grant.password !== fx.password
	) {
		return errors.netsapiens(res, 401, 'Invalid credentials');
	}
	const token = `nst_${crypto.randomBytes(16).toString('hex')}`;
	state.tokens.set(token, Date.now() + state.tokenLifetimeMs);
	state.tokensIssued++;
	return reply(res, 200, {
		access_token: token,
		expires_in: Math.round(state.tokenLifetimeMs / 1000),
		token_type: 'Bearer',
		refresh_token: 'r',
		domain: 'sandbox',
		user: '1000',
		scope: 'Basic User',
	});
}

/**
 * NetSapiens' older OAuth endpoint, POST /ns-api/oauth2/token/ with a form-encoded body (the form its
 * providers document: curl -dclient_id=… -dclient_secret=… -dusername=… -dpassword=… -dgrant_type=password).
 * A secret in the query string is refused.
 */
function netsapiensLegacyOAuth(state, req, res, path, _body, query, raw) {
	if (req.method !== 'POST' || path !== '/token/')
		return errors.netsapiens(res, 404, `No route ${req.method} ${path}`);
	if (['password', 'client_secret'].some((name) => query.has(name)))
		return errors.netsapiens(res, 400, 'Secrets belong in the body');
	if (!String(req.headers['content-type'] || '').includes('application/x-www-form-urlencoded'))
		return errors.netsapiens(res, 400, 'Expected a form-encoded body');
	state.legacyTokenRequests = (state.legacyTokenRequests || 0) + 1;
	// what a log of request lines would show: the e2e checks no secret is in it
	state.legacyTokenUrls = [...(state.legacyTokenUrls || []), req.url];
	return issueToken(state, res, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
}

/** Whose the sandbox's API key and tokens are: user 1000 of domain sandbox, a scope below Super User. */
const NETSAPIENS_ACCOUNT = { user: '1000', domain: 'sandbox', 'user-scope': 'Office Manager' };

/** `YYYY-MM-DD HH:MM:SS` (UTC), the subscriptions' timestamp format. */
const nsTimestamp = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Event subscriptions as the specs document them. Both cores serve `/subscriptions` and
 * `/subscriptions/{id}` (GET, PUT, DELETE), status "released" in docs v45.0; only core 45 has the
 * `/domains/{domain}/subscriptions` routes ("testing"; no GET of one there), 44.4.10 answers them 404 "No
 * Route Found [92]" before this (lacksOn44). The body's `domain` "\"*\" will be used for all domains, but only
 * valid with Super User scope" (default "*"), so a missing domain or "*" is refused to the sandbox's account,
 * as is another domain. `subscription-expires-datetime`: "If left blank it will set the expires time to the
 * expires time of the timed token used, if using a APIkey it will be 20 years from the creation date"; core
 * 44.4.10 documents it on PUT only, so its create ignores it. Core 45's DELETE /subscriptions/{id} requires
 * `subscription_id` in the body and `domain` "when requests are submitted as scopes lower than Super User".
 */
function netsapiensSubscriptions(state, req, res, match, body, tokenExpiry) {
	const [pathDomain, id] = [match[1], match[2]].map((part) =>
		part === undefined ? undefined : decodeURIComponent(part),
	);
	const ownDomain = (domain) => (domain === '~' ? NETSAPIENS_ACCOUNT.domain : domain);
	const on44 = state.netsapiensCore === '44.4.10';
	const defaultExpiry = () => nsTimestamp(tokenExpiry ?? Date.now() + 20 * 365.25 * 24 * 3600_000);
	if (pathDomain !== undefined && id !== undefined && req.method === 'GET') return noRoute(res);
	if (id === undefined) {
		if (req.method === 'GET') {
			const domain = pathDomain === undefined ? undefined : ownDomain(pathDomain);
			return reply(
				res,
				200,
				state.subscriptions.filter((s) => domain === undefined || s.domain === domain),
			);
		}
		if (req.method !== 'POST') return noRoute(res);
		const { model } = body || {};
		if (
			!['message', 'messagesession'].includes(model) ||
			!/^https?:\/\//.test(body['post-url'] || '')
		)
			return errors.netsapiens(res, 400, 'model and post-url are required');
		const domain = ownDomain(pathDomain ?? body.domain ?? '*');
		if (domain === '*' || body.reseller === '*')
			return errors.netsapiens(res, 403, '"*" is only valid with Super User scope');
		if (domain !== NETSAPIENS_ACCOUNT.domain)
			return errors.netsapiens(res, 403, `No access to domain ${domain}`);
		const user = body.user ?? '*';
		if (
			state.subscriptions.some(
				(s) => s.model === model && s['post-url'] === body['post-url'] && s.user === user,
			)
		)
			return errors.netsapiens(
				res,
				409,
				'Subscription ID already Exists or matching set of parameters already exists',
			);
		const asked = on44 ? undefined : body['subscription-expires-datetime'];
		const subscription = {
			id: crypto.randomBytes(16).toString('hex'),
			'subscription-geo-support': 'yes',
			'post-url': body['post-url'],
			model,
			'user-scope': NETSAPIENS_ACCOUNT['user-scope'],
			reseller: NETSAPIENS_ACCOUNT.domain,
			domain,
			user,
			status: 'active',
			'error-count': 0,
			'posts-count': 0,
			'subscription-expires-datetime': asked || defaultExpiry(),
		};
		state.subscriptions.push(subscription);
		return reply(res, 200, subscription);
	}
	const index = state.subscriptions.findIndex((s) => s.id === id);
	if (index === -1) return errors.netsapiens(res, 404, 'Record not found');
	if (req.method === 'GET') return reply(res, 200, state.subscriptions[index]);
	if (req.method === 'PUT') {
		const changes = ['post-url', 'subscription-expires-datetime', 'preferred-server'];
		for (const field of changes)
			if (body?.[field] !== undefined) state.subscriptions[index][field] = body[field];
		return reply(res, 202, { code: 202, message: 'Accepted' });
	}
	if (req.method === 'DELETE') {
		if (!on44 && pathDomain === undefined && (body?.subscription_id !== id || !body?.domain))
			return errors.netsapiens(res, 400, 'subscription_id and domain are required');
		state.subscriptions.splice(index, 1);
		return reply(res, 202, { code: 202, message: 'Accepted' });
	}
	return noRoute(res);
}

function netsapiens(state, req, res, path, body) {
	const fx = FIXTURES.netsapiens;
	if (req.method === 'POST' && path === '/tokens') {
		if (state.netsapiensCore === 'legacy-token') return noRoute(res);
		return issueToken(state, res, body);
	}
	if (state.netsapiensCore === '44.4.10' && lacksOn44(req.method, path)) return noRoute(res);
	// OpenAPI v45 "Read API Version": no security, {apiversion, hostname, current-time}.
	if (req.method === 'GET' && path === '/version')
		return reply(res, 200, {
			apiversion: state.netsapiensCore === '44.4.10' ? '44.4.10' : '45.0',
			hostname: 'sandbox',
			'current-time': new Date().toISOString(),
		});
	const bearer = /^Bearer (.+)$/.exec(req.headers.authorization || '')?.[1];
	const tokenExpiry = bearer && state.tokens.get(bearer);
	if (bearer !== fx.apiKey && !(tokenExpiry && tokenExpiry > Date.now()))
		return errors.netsapiens(res, 401, 'Authentication Required');
	const send = /^\/domains\/([^/]+)\/users\/([^/]+)\/messagesessions\/([^/]+)\/messages$/.exec(
		path,
	);
	if (send && req.method === 'POST') {
		const { type, message, destination } = body || {};
		if (!NETSAPIENS_MESSAGE_TYPES.includes(type))
			return errors.netsapiens(res, 400, `Invalid type ${type}`);
		if (!message) return errors.netsapiens(res, 400, 'message is required');
		if (!destination || (Array.isArray(destination) && destination.length === 0))
			return errors.netsapiens(res, 400, 'destination is required');
		if (!/^[A-Za-z0-9_]{32,}$/.test(decodeURIComponent(send[3])))
			return errors.netsapiens(res, 400, 'messagesession must be 32+ letters, digits or _');
		record(state, 'netsapiens', {
			path,
			session: decodeURIComponent(send[3]),
			text: message,
			body,
		});
		return reply(res, 202, { code: 202, message: 'Accepted' });
	}
	// The lists the node's pickers read (Message Session, From Number): shapes as in ns-api v2's schemas
	// (SmsNumber, Messagesession with every field it requires), "~" answered as the key's domain and user.
	const userList = /^\/domains\/([^/]+)\/users\/([^/]+)\/(messagesessions|smsnumbers)$/.exec(path);
	if (userList && req.method === 'GET') {
		const [, pathDomain, pathUser, list] = userList.map(decodeURIComponent);
		const domain = pathDomain === '~' ? 'sandbox' : pathDomain;
		const user = pathUser === '~' ? '1000' : pathUser;
		if (list === 'smsnumbers')
			return reply(res, 200, [
				{ number: fx.smsNumber, application: 'user', domain, dest: user, 'mms-capable': true },
			]);
		const session = (id, fields) => ({
			user,
			domain,
			'messagesession-id': id,
			'messagesession-muted': 'no',
			'messagesession-sms-number': fx.smsNumber,
			'messagesession-last-datetime': null,
			'messagesession-start-datetime': null,
			'messagesession-last-sender': null,
			'messagesession-last-status': null,
			'messagesession-last-email-reminder-datetime': null,
			'messagesession-reciever-hostname': 'sandbox',
			'messagesession-queue-termination': null,
			'messagesession-queue-status': null,
			'messagesession-queue-session-id': null,
			'messagesession-agent-start-datetime': null,
			'messagesession-last-media-type': null,
			'messagesession-last-media-size': null,
			...fields,
		});
		const sessions = new Map();
		for (const m of state.messages.filter((m) => m.provider === 'netsapiens')) {
			sessions.set(
				m.session,
				session(m.session, {
					'messagesession-name': '',
					'messagesession-remote': [m.body.destination].flat().join(','),
					'messagesession-last-message': m.text,
					'messagesession-last-type': m.body.type,
					'messagesession-type': m.body.type,
				}),
			);
		}
		if (!sessions.size)
			sessions.set(
				fx.messageSession,
				session(fx.messageSession, {
					'messagesession-name': 'Sandbox customer',
					'messagesession-remote': '15557654321',
					'messagesession-last-message': 'Hello',
					'messagesession-last-type': 'sms',
					'messagesession-type': 'sms',
				}),
			);
		return reply(res, 200, [...sessions.values()].reverse());
	}
	if (req.method === 'GET' && path === '/apikeys/~')
		return reply(res, 200, {
			description: 'Sandbox API key',
			'key-id': 'nsd-sandbox1',
			reseller: '*',
			...NETSAPIENS_ACCOUNT,
		});
	const subscriptions = /^(?:\/domains\/([^/]+))?\/subscriptions(?:\/([^/]+))?$/.exec(path);
	if (subscriptions) {
		const expiresWithout = bearer === fx.apiKey ? undefined : tokenExpiry;
		return netsapiensSubscriptions(state, req, res, subscriptions, body, expiresWithout);
	}
	return errors.netsapiens(res, 404, `No route ${req.method} ${path}`);
}

function evovoice(state, req, res, path, body, query) {
	const fx = FIXTURES.evovoice;
	if (req.headers.authorization !== basic(fx.username, fx.password))
		return errors.evovoice(res, 401, 'Not Authenticated');
	const dto = (text, otherAddress, direction = 'Outgoing') => ({
		id: `msg-${state.messages.length + 1}`,
		accountId: fx.accountId,
		endpointId: fx.endpointId,
		endpointDisplayName: fx.endpointNumber,
		date: new Date().toISOString(),
		direction,
		otherAddress,
		sender: direction === 'Outgoing' ? fx.endpointNumber : otherAddress,
		text,
		isUnread: false,
	});
	const session = /^\/sessions\/([^/]+)\/messages$/.exec(path);
	if (req.method === 'POST' && (session || path === '/messages')) {
		if (!body?.body) return errors.evovoice(res, 400, "'Body' must not be empty.", 'Body');
		if (!session) {
			if (body.endpointId !== fx.endpointId)
				return errors.evovoice(res, 404, `Endpoint ${body.endpointId} not found`, 'EndpointId');
			if (!/^\+[1-9]\d{7,14}$/.test(body.toAddress || ''))
				return errors.evovoice(res, 400, "'To Address' is not a valid phone number.", 'ToAddress');
		}
		const message = dto(body.body, session ? '+15557654321' : body.toAddress);
		record(state, 'evovoice', {
			path,
			text: body.body,
			body,
			dto: message,
			conversationId: `conv-${message.otherAddress}`,
		});
		return reply(res, 200, message);
	}
	if (req.method === 'GET' && path === '/conversations') {
		const conversations = [
			...new Set(
				state.messages.filter((m) => m.provider === 'evovoice').map((m) => m.dto.otherAddress),
			),
		].map((otherAddress) => ({
			id: `conv-${otherAddress}`,
			endpointId: fx.endpointId,
			otherAddress,
			mostRecentMessage: 'x',
		}));
		return reply(res, 200, { conversations });
	}
	if (req.method === 'GET' && path === '/messages') {
		const ids = String(query.get('conversationIds') || '')
			.split(',')
			.filter(Boolean);
		const after = query.get('afterDate') ? Date.parse(query.get('afterDate')) : -Infinity;
		const page = Number(query.get('page') || 0);
		const size = Number(query.get('countPerPage') || 25);
		const all = [
			...state.messages.filter((m) => m.provider === 'evovoice').map((m) => m.dto),
			...state.incoming,
		]
			.filter((m) => !ids.length || ids.includes(`conv-${m.otherAddress}`))
			.filter((m) => Date.parse(m.date) >= after) // treated as inclusive, as the trigger assumes
			.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
		const items = all.slice(page * size, page * size + size);
		return reply(res, 200, {
			items,
			totalCount: all.length,
			totalPages: Math.ceil(all.length / size),
			hasMorePages: (page + 1) * size < all.length,
		});
	}
	if (req.method === 'GET' && path === '/endpoints') {
		// ServiceStack's paged list; the Endpoint picker asks for phone numbers only.
		const items = [
			{
				id: fx.endpointId,
				accountId: fx.accountId,
				displayName: 'Sandbox line',
				type: 'PhoneNumber',
				phoneNumber: fx.endpointNumber,
			},
		].filter(
			(e) =>
				(!query.get('type') || e.type === query.get('type')) &&
				(!query.get('nameFilter') ||
					e.displayName.toLowerCase().includes(query.get('nameFilter').toLowerCase())),
		);
		return reply(res, 200, { items, totalCount: items.length, totalPages: 1, hasMorePages: false });
	}
	if (req.method === 'GET' && path === '/auth/status') {
		return reply(res, 200, {
			isAuthenticated: true,
			emailAddress: fx.username,
			roles: ['User'],
			accountIds: [fx.accountId],
			accountNames: ['Sandbox'],
		});
	}
	return errors.evovoice(res, 404, `No route ${req.method} ${path}`);
}

function islash(state, req, res, path, body, query, raw) {
	const fx = FIXTURES.islash;
	if (req.headers['x-user-token'] !== fx.userToken)
		return errors.islash(res, 401, 'Invalid user token');
	if (req.method === 'POST' && path === '/send-session-message') {
		const form = parseMultipart(raw, req.headers['content-type']);
		if (!form) return errors.islash(res, 400, 'multipart/form-data expected');
		const { fields, files } = form;
		if (fields.session !== fx.session) return errors.islash(res, 400, 'Invalid session');
		if (!fields.identity) return errors.islash(res, 400, 'identity is required');
		if (!fields.text && !files.file && !fields.file_url && !fields.sticker_id)
			return errors.islash(res, 400, 'text, file, file_url or sticker_id is required');
		record(state, 'islash', { path, text: fields.text ?? '', fields, files });
		return reply(res, 200, {
			meta: { code: 'RESP_OKAY', message: 'Success' },
			data: {
				message: {
					id: state.messages.length,
					status: 'sent',
					body: fields.text ?? null,
					media_type: files.file?.contentType ?? null,
					direction: 'outbound',
					message_at: Math.floor(Date.now() / 1000),
				},
			},
		});
	}
	if (req.method === 'POST' && path === '/template-message') {
		if (body?.session !== fx.session) return errors.islash(res, 400, 'Invalid session');
		const components = [{ type: 'BODY', text: 'Hello {{1}}, your order is ready.' }];
		return reply(res, 200, {
			meta: { code: 'RESP_OKAY', message: 'Success' },
			data: {
				templates: [
					{
						name: 'order_ready',
						language: 'en',
						status: 'APPROVED',
						category: 'UTILITY',
						components,
					},
				],
			},
		});
	}
	if (req.method === 'GET' && path === '/sticker') {
		if (query.get('session') !== fx.session) return errors.islash(res, 400, 'Invalid session');
		return reply(res, 200, {
			meta: { code: 'RESP_OKAY', message: 'Success' },
			data: { stickers: [{ id: 1, name: 'wave' }] },
		});
	}
	return errors.islash(res, 404, `No route ${req.method} ${path}`);
}

/** ChatMessage.Type and ChatMessage.SpecialType: the enums of SuperOffice's REST Swagger, as vendored for the tests. */
const chatMessage =
	require('../test/conformance/specs/superoffice-Swagger-v1-ChatSession-messaging.json')
		.definitions['SuperOffice.CRM.Services.ChatMessage'].properties;
const CHAT_MESSAGE_TYPES = chatMessage.Type.enum;
const CHAT_SPECIAL_TYPES = chatMessage.SpecialType.enum;

function superoffice(state, req, res, path, body) {
	const fx = FIXTURES.superoffice;
	const auth = req.headers.authorization || '';
	const ok =
		auth === `Bearer ${fx.accessToken}` ||
		(auth === `SOTicket ${fx.ticket}` && req.headers['so-apptoken'] === fx.appToken) ||
		auth === basic(fx.username, fx.password);
	if (!ok) return errors.superoffice(res, 401, 'Authentication failed');
	const send = /^\/api\/v1\/ChatSession\/(\d+)\/Messages$/i.exec(path);
	if (send && req.method === 'POST') {
		// The ChatMessage carrier requires no field (a special message may have no text); Type and SpecialType
		// are enums (SuperOffice's REST Swagger).
		if (body?.Type !== undefined && !CHAT_MESSAGE_TYPES.includes(body.Type))
			return errors.superoffice(res, 400, `Invalid Type ${body.Type}`);
		if (body?.SpecialType !== undefined && !CHAT_SPECIAL_TYPES.includes(body.SpecialType))
			return errors.superoffice(res, 400, `Invalid SpecialType ${body.SpecialType}`);
		const session = Number(send[1]);
		const earlier = state.chat.get(session) || [];
		const stored = { ...body, ChatMessageId: earlier.length + 1, ChatSessionId: session };
		state.chat.set(session, [...earlier, stored]);
		record(state, 'superoffice', { path, text: body.Message ?? '', body });
		reply(res, 200, stored);
		// SuperOffice fires chatsession.message for every message of a session, the agent's and bot's too.
		announceChatMessage(state, session).catch(() => undefined);
		return undefined;
	}
	if (req.method === 'GET' && path === '/api/v1/ChatSession/ForCurrentUser') {
		const ids = state.chat.size ? [...state.chat.keys()] : [fx.chatSessionId];
		return reply(
			res,
			200,
			ids.map((ChatSessionId) => ({
				ChatSessionId,
				TopicId: 1,
				CustomerName: 'Sandbox Customer',
				CustomerEmail: 'customer@sandbox.test',
				// a ChatSessionStatus: the customer wrote last and waits for an answer
				Status: 'CustomerLast',
			})),
		);
	}
	if (req.method === 'GET' && path === '/api/v1/ChatTopic/ForCurrentUser')
		return reply(res, 200, [
			{ ChatTopicId: 1, Name: 'Support', Description: 'Sandbox support topic' },
		]);
	if (req.method === 'GET' && path === '/api/v1/User/currentPrincipal')
		return reply(res, 200, { AssociateId: 5, UserName: fx.username });
	const messages = /^\/api\/v1\/ChatSession\/(\d+)\/Messages$/i.exec(path);
	if (messages && req.method === 'GET') {
		const after = Number(new URL(req.url, 'http://sandbox').searchParams.get('after') || 0);
		return reply(
			res,
			200,
			(state.chat.get(Number(messages[1])) || []).filter((m) => m.ChatMessageId > after),
		);
	}
	if (req.method === 'POST' && path === '/api/v1/Webhook') {
		if (!body?.TargetUrl || !Array.isArray(body.Events) || !body.Secret)
			return errors.superoffice(res, 400, 'TargetUrl, Events and Secret are required');
		// "The TargetUrl must: be HTTPS" (SuperOffice webhook docs); a stand-in on loopback can only reach
		// loopback, which it takes over plain HTTP.
		const target = new URL(body.TargetUrl);
		if (
			target.protocol !== 'https:' &&
			!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(target.hostname)
		)
			return errors.superoffice(res, 400, 'The webhook TargetUrl must be HTTPS');
		// SuperOffice pings the target with a signed test event before it stores the webhook.
		return deliverSuperOffice(
			{ Secret: body.Secret, TargetUrl: body.TargetUrl, Name: body.Name },
			{ EventId: crypto.randomUUID(), Event: 'test', Entity: 'test', PrimaryKey: 0 },
			{ 'x-hook-test': 'true' },
		)
			.catch(() => 0) // unreachable: refused like any answer but 200
			.then((status) => {
				if (status !== 200)
					return errors.superoffice(
						res,
						400,
						status
							? `The webhook target answered the test event with ${status}`
							: 'The webhook target could not be reached for the test event',
					);
				const hook = { WebhookId: state.webhooks.length + 1, ...body };
				state.webhooks.push(hook);
				const { Secret, ...shown } = hook;
				return reply(res, 200, shown);
			});
	}
	const hook = /^\/api\/v1\/Webhook\/(\d+)$/.exec(path);
	if (hook) {
		const index = state.webhooks.findIndex((h) => h.WebhookId === Number(hook[1]));
		if (index === -1) return errors.superoffice(res, 404, 'Webhook not found');
		if (req.method === 'GET') {
			const { Secret, ...shown } = state.webhooks[index];
			return reply(res, 200, shown);
		}
		if (req.method === 'DELETE') {
			state.webhooks.splice(index, 1);
			res.writeHead(204);
			return res.end();
		}
	}
	return errors.superoffice(res, 404, `No route ${req.method} ${path}`);
}

/** POSTs a SuperOffice webhook payload to a target, signed as SuperOffice signs it; resolves the status. */
async function deliverSuperOffice(
	hook,
	payload,
	headers = {},
	timestamp = new Date().toISOString(),
) {
	const raw = JSON.stringify({
		Timestamp: timestamp,
		Changes: [],
		ContextIdentifier: FIXTURES.superoffice.tenant,
		ChangedByAssociateId: 0,
		WebhookName: hook.Name,
		...payload,
	});
	const signature = crypto.createHmac('sha256', hook.Secret).update(raw).digest('base64');
	const answer = await fetch(hook.TargetUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-superoffice-event': payload.Event,
			'x-superoffice-eventid': payload.EventId,
			'x-superoffice-signature': signature,
			...headers,
		},
		body: raw,
	});
	await answer.arrayBuffer();
	return answer.status;
}

/** Sends the chatsession.message event (which names only the session) to every webhook registered for it. */
async function announceChatMessage(state, chatSessionId, { customer = false } = {}) {
	const payload = {
		EventId: crypto.randomUUID(),
		Event: 'chatsession.message',
		Entity: 'chatsession',
		PrimaryKey: chatSessionId,
		FieldValues: {},
	};
	const hooks = state.webhooks.filter((h) => h.Events.includes('chatsession.message'));
	if (customer) state.lastDelivery.superoffice = { hooks, payload };
	return await Promise.all(hooks.map((h) => deliverSuperOffice(h, payload)));
}

/**
 * Sends the last delivery made for a customer's message again, exactly (same body; for SuperOffice the
 * same X-SuperOffice-EventId), as a provider does after a timeout or an error answer.
 */
async function redeliver(state, provider, post, { headers, timestamp } = {}) {
	const last = state.lastDelivery[provider];
	if (!last) throw new Error(`nothing delivered yet for ${provider}`);
	// SuperOffice: extra headers (a replay with a changed X-SuperOffice-* header) or another signed Timestamp
	if (provider === 'superoffice')
		return await Promise.all(
			last.hooks.map((h) => deliverSuperOffice(h, last.payload, headers, timestamp)),
		);
	return await Promise.all(last.targets.map((target) => post(target, last.body)));
}

/**
 * The body of one NetSapiens `message` event: the Message model of docs v45.0 with every field it requires
 * (the model a subscription names is "the type of data that will be sent"). An SMS from a customer's number
 * (`from`, in `session`), a chat from another user of the domain (its direction empty, as in every chat
 * example of the specs), or — `outgoing` — the event of the last message the sandbox accepted from the
 * user, which NetSapiens posts to the same subscriptions (direction `term`, sent by the user).
 */
function netsapiensEvent(state, { chat, text, session, from = '18585551234', outgoing }) {
	const fx = FIXTURES.netsapiens;
	const own = `${NETSAPIENS_ACCOUNT.user}@${NETSAPIENS_ACCOUNT.domain}`;
	const event = (fields) => ({
		id: crypto.randomUUID(),
		timestamp: new Date().toISOString(),
		domain: NETSAPIENS_ACCOUNT.domain,
		'from-video-attendee-id': null,
		'from-user-agent': null,
		'video-instance-id': null,
		'media-type': '',
		'media-size': 0,
		'messagesession-reciever-hostname': 'sandbox',
		'messagesession-participants': null,
		...fields,
	});
	if (outgoing) {
		const sent = state.messages.filter((m) => m.provider === 'netsapiens').at(-1);
		if (!sent) throw new Error('no NetSapiens message was sent yet');
		const to = [sent.body.destination].flat().join(',');
		return event({
			type: sent.body.type,
			direction: 'term',
			'from-number': sent.body['from-number'] ?? '',
			'from-user-id': own,
			dialed: to,
			text: sent.text,
			'terminating-user-id': '',
			'terminating-number': to,
			status: 'sent',
			'messagesession-id': sent.session,
		});
	}
	if (chat)
		return event({
			type: 'chat',
			direction: '',
			'from-number': '',
			'from-user-id': '1001@sandbox',
			dialed: '',
			text,
			'terminating-user-id': own,
			'terminating-number': '',
			status: 'sending',
			'messagesession-id': session ?? fx.messageSession,
		});
	return event({
		type: 'sms',
		direction: 'orig',
		'from-number': from,
		'from-user-id': '',
		dialed: '18585550001',
		text,
		'terminating-user-id': own,
		'terminating-number': '18585550001',
		status: 'delivered',
		'messagesession-id': session ?? fx.messageSession,
	});
}

/**
 * A customer's incoming message, delivered the way each provider delivers it to the webhooks registered
 * with the sandbox (NetSapiens subscriptions, SuperOffice webhooks) or to a given URL (iSlash, which has no
 * registration API). `from`: another customer's number (NetSapiens SMS, iSlash); `session`: the NetSapiens
 * message session; `outgoing`: the NetSapiens event of the user's own last message. Resolves with the
 * targets' HTTP statuses.
 */
async function deliver(
	state,
	{
		provider,
		text = 'Hello, is anyone there?',
		texts,
		url,
		chatSessionId = 178105,
		again = false,
		headers,
		timestamp,
		date,
		direction = 'Incoming',
		chat = false,
		session,
		from,
		outgoing = false,
	},
) {
	const post = async (target, body) => {
		const answer = await fetch(target, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		await answer.arrayBuffer();
		return answer.status;
	};
	if (again) return await redeliver(state, provider, post, { headers, timestamp });
	if (provider === 'netsapiens') {
		const message = netsapiensEvent(state, { chat, text, session, from, outgoing });
		// NetSapiens posts a user's message to the subscriptions that filter for its domain and user (or *)
		const targets = state.subscriptions
			.filter(
				(s) =>
					s.model === 'message' &&
					s.domain === NETSAPIENS_ACCOUNT.domain &&
					['*', NETSAPIENS_ACCOUNT.user].includes(s.user),
			)
			.map((s) => s['post-url']);
		state.lastDelivery.netsapiens = { targets, body: [message] };
		return await Promise.all(targets.map((target) => post(target, [message])));
	}
	if (provider === 'superoffice') {
		// Several texts: the customer writes them back to back; each fires its own event, all at once.
		const written = texts ?? [text];
		for (const body of written) {
			const messages = state.chat.get(chatSessionId) || [];
			const message = {
				ChatMessageId: messages.length + 1,
				ChatSessionId: chatSessionId,
				Type: 'ToUser',
				Message: body,
				Author: 'Customer',
				ReadByCustomer: 1,
				SpecialType: 'None',
				SpecialParam: '',
				WhenPosted: new Date().toISOString(),
			};
			state.chat.set(chatSessionId, [...messages, message]);
		}
		return (
			await Promise.all(
				written.map(() => announceChatMessage(state, chatSessionId, { customer: true })),
			)
		).flat();
	}
	if (provider === 'evovoice') {
		const fx = FIXTURES.evovoice;
		const message = {
			id: `in-${crypto.randomUUID()}`,
			accountId: fx.accountId,
			endpointId: fx.endpointId,
			endpointDisplayName: fx.endpointNumber,
			// another date: a message the provider stores late, or a scheduled one dated in the future
			date: date ?? new Date().toISOString(),
			direction,
			otherAddress: '+15556667777',
			sender: '+15556667777',
			text,
			isUnread: true,
		};
		state.incoming.push(message);
		return [200];
	}
	if (provider === 'islash') {
		const contact = from ?? '85256872847';
		const message = {
			profile: { name: 'Customer' },
			wa_id: contact,
			from: contact,
			id: `wamid.${crypto.randomBytes(8).toString('hex')}`,
			type: 'text',
			text: { body: text },
			timestamp: String(Math.floor(Date.now() / 1000)),
		};
		state.lastDelivery.islash = { targets: [url], body: { messages: [message] } };
		return [await post(url, { messages: [message] })];
	}
	throw new Error(`cannot deliver for ${provider}`);
}

function record(state, provider, message) {
	state.messages.push({ provider, at: new Date().toISOString(), ...message });
}

const routes = [
	['/netsapiens/ns-api/v2', 'netsapiens', netsapiens],
	['/netsapiens/ns-api/oauth2', 'netsapiens', netsapiensLegacyOAuth],
	['/evovoice', 'evovoice', evovoice],
	['/islash/api/public', 'islash', islash],
	[`/superoffice/${FIXTURES.superoffice.tenant}`, 'superoffice', superoffice],
];

/**
 * Starts the sandbox on 127.0.0.1. Faults: `perSecond` (beyond it 429 with Retry-After), `delayMs`
 * (every answer that late), `failEvery` (every Nth provider request answered 503 in the provider's error
 * shape), `tokenLifetimeMs` (NetSapiens tokens). `configure({ rateShape })` changes the limit's shape
 * (sandbox/rateLimit.js); `perSecond` then counts per its window.
 */
async function startSandbox({
	port = 0,
	perSecond = 0,
	delayMs = 0,
	failEvery = 0,
	tokenLifetimeMs = 3600_000,
} = {}) {
	const state = createState();
	const faults = { perSecond, delayMs, failEvery };
	let providerRequests = 0;
	state.tokenLifetimeMs = tokenLifetimeMs;
	const rateLimiter = createRateLimiter();

	const server = http.createServer((req, res) => {
		state.requests++;
		state.inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
		res.on('close', () => state.inFlight--);
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const handle = () => {
				const url = new URL(req.url, 'http://sandbox');
				const path = url.pathname;
				if (path === '/_sandbox/messages') return reply(res, 200, state.messages);
				if (path === '/_sandbox/stats') {
					const { messages, tokens, chat, ...stats } = state;
					return reply(res, 200, { ...stats, messages: messages.length });
				}
				if (path === '/_sandbox/reset' && req.method === 'POST') {
					resetCounts(state);
					return reply(res, 200, { ok: true });
				}
				if (path === '/_sandbox/netsapiens-core' && req.method === 'POST') {
					const { core } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
					if (!NETSAPIENS_CORES.includes(core))
						return reply(res, 400, { message: `core is one of ${NETSAPIENS_CORES.join(', ')}` });
					state.netsapiensCore = core;
					return reply(res, 200, { core });
				}
				if (path === '/_sandbox/deliver' && req.method === 'POST') {
					return deliver(state, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')).then(
						(statuses) => reply(res, 200, { statuses }),
						(error) => reply(res, 500, { message: String(error.message) }),
					);
				}
				if (path === '/_sandbox/echo' && req.method === 'POST') {
					state.echoes.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
					return reply(res, 200, { ok: true });
				}
				if (path.startsWith('/openai/')) {
					const raw = Buffer.concat(chunks).toString('utf8');
					return scriptedModel(
						state,
						req,
						res,
						path.slice('/openai'.length),
						raw ? JSON.parse(raw) : undefined,
					);
				}
				const route = routes.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
				if (!route) return reply(res, 404, { message: `No provider at ${path}` });
				const [prefix, provider, handler] = route;
				state.byProvider[provider] = (state.byProvider[provider] || 0) + 1;
				if (faults.failEvery > 0 && ++providerRequests % faults.failEvery === 0) {
					return errors[provider](res, 503, 'Service temporarily unavailable');
				}
				if (faults.perSecond > 0 && !path.endsWith('/tokens')) {
					const retryAfter = rateLimiter.refuse(Date.now(), faults.perSecond, req);
					if (retryAfter !== undefined) {
						state.rateLimited++;
						state.rateLimitedAt.push(Date.now());
						return reply(res, 429, { message: 'Too many requests' }, { 'retry-after': retryAfter });
					}
				}
				const raw = Buffer.concat(chunks);
				let body;
				if (String(req.headers['content-type'] || '').includes('json') && raw.length) {
					try {
						body = JSON.parse(raw.toString('utf8'));
					} catch {
						return reply(res, 400, { message: 'Malformed JSON' });
					}
				}
				return handler(
					state,
					req,
					res,
					path.slice(prefix.length) || '/',
					body,
					url.searchParams,
					raw,
				);
			};
			if (faults.delayMs > 0) setTimeout(handle, faults.delayMs);
			else handle();
		});
	});
	server.keepAliveTimeout = 5000;
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actualPort = server.address().port;
	return {
		url: `http://127.0.0.1:${actualPort}`,
		port: actualPort,
		state,
		configure(options) {
			Object.assign(faults, { perSecond: 0, delayMs: 0, failEvery: 0 }, options);
			providerRequests = 0;
			rateLimiter.reset(options.rateShape ?? { kind: 'sliding', windowMs: 1000 });
		},
		reset() {
			resetCounts(state);
		},
		deliver: (options) => deliver(state, options),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startSandbox, FIXTURES };

if (require.main === module) {
	const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || 4010;
	startSandbox({ port }).then((sandbox) =>
		process.stdout.write(`provider sandbox on ${sandbox.url}\n`),
	);
}
