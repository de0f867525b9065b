// The demo accounts the sandbox accepts (never real secrets): the e2e tests, the demo and the benchmark
// build their n8n credentials from these.
module.exports = {
	netsapiens: {
		apiKey: 'nsd_sandbox0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM',
		clientId: 'sandbox-client',
		clientSecret: 'sandbox-client-secret',
		username: '1000@sandbox',
		password: 'sandbox-password',
		smsNumber: '15550001000',
		messageSession: 'sandbox_session_0123456789abcdefghij',
	},
	evovoice: {
		username: 'agent@sandbox.test',
		password: 'sandbox-password',
		accountId: 'acc-1',
		endpointId: 'ep-1',
		endpointNumber: '+15550000001',
	},
	islash: {
		userToken: 'sandbox-user-token',
		session: 'sandbox-session-key',
		// the iSlash credential's Webhook Secret, as `openssl rand -hex 32` makes one
		webhookSecret: '5d0c1a7be93f42d8c6e1b0a9f4d2e7c3a8b5f1e6d9c2a7b4e0f3d8c1a6b9e2f5',
	},
	superoffice: {
		tenant: 'Cust12345',
		accessToken: '8A:Cust12345.sandbox-access-token',
		ticket: '7T:sandbox-ticket',
		appToken: 'sandbox-app-token',
		username: 'agent',
		password: 'sandbox-password',
		chatSessionId: 1,
	},
	openai: { apiKey: 'sk-sandbox-scripted-model-key' },
};
