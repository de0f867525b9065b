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
	islash: { userToken: 'sandbox-user-token', session: 'sandbox-session-key' },
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
