// A node that needs the stand-in's credential and outputs which fields n8n resolved for it. n8n fills a
// credential from its type's definition (CredentialsHelper.applyDefaultsAndOverwrites keeps only the type's
// properties), so if another package's `netSapiensApi` replaced this one, the field names would differ.
class NetSapiens {
	constructor() {
		this.description = {
			displayName: 'NetSapiens (stand-in)',
			name: 'netSapiens',
			group: ['transform'],
			version: 1,
			description: 'Reports the fields of its netSapiensApi credential',
			defaults: { name: 'NetSapiens (stand-in)' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'netSapiensApi', required: true }],
			properties: [],
		};
	}

	async execute() {
		const credentials = await this.getCredentials('netSapiensApi');
		return [[{ json: { fields: Object.keys(credentials).sort(), server: credentials.server } }]];
	}
}

module.exports = { NetSapiens };
