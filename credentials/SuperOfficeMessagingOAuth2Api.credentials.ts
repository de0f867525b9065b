import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { redirectTestRules } from '../nodes/shared/errors';
import { plainHttpNotice } from '../nodes/shared/url';
import {
	environmentProperty,
	localeProperties,
	tenantProperty,
} from '../nodes/SuperOffice/shared/descriptions';

/**
 * SuperOffice Online's OpenID Connect login (authorization-code flow). The tenant goes along as
 * `acr_values=tenant:…` so SuperID skips its tenant picker. n8n signs requests with the token itself;
 * the nodes build the tenant's API address from the same fields.
 */
export class SuperOfficeMessagingOAuth2Api implements ICredentialType {
	name = 'superOfficeMessagingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SuperOffice Messaging OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/SuperOffice/superOffice.svg',
		dark: 'file:../nodes/SuperOffice/superOffice.dark.svg',
	};

	documentationUrl = 'https://github.com/session-messaging/n8n-nodes-session-messaging#superoffice';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		environmentProperty,
		tenantProperty,
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			placeholder: 'https://sod2.superoffice.com/Cust12345',
			description:
				'Only when your tenant is served from a numbered host: the Endpoint answered by https://{env}.superoffice.com/api/state/{tenant}. Leave empty to use https://{env}.superoffice.com/{tenant}.',
		},
		plainHttpNotice('apiUrl'),
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '=https://{{$self["environment"]}}.superoffice.com/login/common/oauth/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '=https://{{$self["environment"]}}.superoffice.com/login/common/oauth/tokens',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'openid' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '=acr_values=tenant:{{$self["tenant"]}}',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...localeProperties,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.apiUrl || "").trim() ? $credentials.apiUrl.trim().replace(/\\/+$/, "").replace(/\\/api(\\/v1)?$/i, "") : "https://" + $credentials.environment + ".superoffice.com/" + ($credentials.tenant || "").trim() }}',
			url: '/api/v1/User/currentPrincipal',
			method: 'GET',
			disableFollowRedirect: true, // see failedAnswer (nodes/shared/errors.ts)
		},
		rules: redirectTestRules('SuperOffice'),
	};
}
