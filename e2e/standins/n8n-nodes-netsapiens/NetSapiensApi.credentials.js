// The credential type the other NetSapiens package defines: name `netSapiensApi`, display name
// "NetSapiens API", and its fields (github.com/dszp/n8n-nodes-netsapiens, credentials/NetSapiensApi.credentials.ts).
const field = (name, extra = {}) => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	...extra,
});

class NetSapiensApi {
	constructor() {
		this.name = 'netSapiensApi';
		this.displayName = 'NetSapiens API';
		this.properties = [
			field('authType', {
				type: 'options',
				options: [
					{ name: 'Bearer Token', value: 'bearer' },
					{ name: 'OAuth2 Password', value: 'password' },
				],
				default: 'bearer',
			}),
			field('server'),
			field('bearerToken', { typeOptions: { password: true } }),
			field('baseUrl'),
			field('clientId'),
			field('clientSecret', { typeOptions: { password: true } }),
			field('username'),
			field('password', { typeOptions: { password: true } }),
		];
	}
}

module.exports = { NetSapiensApi };
