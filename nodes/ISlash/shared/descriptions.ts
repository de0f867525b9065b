import type { INodeProperties } from 'n8n-workflow';

/** The contact: a phone number on WhatsApp, a page-scoped ID on Facebook, so no phone format is forced. */
export function identityProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Contact Identity',
		name: 'identity',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 85256872847',
		displayOptions: { show },
		description:
			"The contact: on WhatsApp their number with country code, digits only (e.g. 85256872847); on Facebook the contact's page-scoped ID",
	};
}
