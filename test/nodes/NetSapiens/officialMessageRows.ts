/**
 * Message rows exactly as NetSapiens' own spec gives them: the examples of "Get Messages for Messagesession"
 * (GET /domains/{domain}/users/{user}/messagesessions/{messagesession}/messages) in the OpenAPI document a
 * core 44.4.10 serves — dszp/n8n-nodes-netsapiens openapi/netsapiens-api-v2-core-44.4.10.json at commit
 * af9609bf8cbc0f90ddd49ac50a254f4883c9f385, near offset 1,484,000 (the docs v45.0 examples are the same).
 * One row of each example: "Success" (chat), "Success Group Chat" and "Success Group SMS (changed numbers)".
 * Chat rows carry an empty direction; only the SMS/MMS rows say "orig".
 */
export const OFFICIAL_CHAT_ROW = {
	id: 20202178326,
	timestamp: '2023-07-31 23:52:35',
	type: 'chat',
	domain: 'portal',
	direction: '',
	dialed: '',
	text: 'whatu p',
	status: 'sending',
	'messagesession-reciever-hostname': 'eng0-san.netsapiens.com',
	'from-number': '',
	'from-user-id': '2500@portal',
	'from-video-attendee-id': null,
	'from-user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KH',
	'terminating-user-id': '2503@portal',
	'terminating-number': '',
	'messagesession-id': '177b39bb06162ce930be0657f9286781',
	'video-instance-id': null,
	'media-type': '',
	'media-size': 0,
	'messagesession-participants': null,
	'deleted-timestamp': '',
};

export const OFFICIAL_GROUP_CHAT_ROW = {
	id: 'm-652697db42351',
	timestamp: '2023-10-11 12:40:59',
	type: 'chat',
	domain: 'automation',
	direction: '',
	dialed: '',
	text: 'Reply 3811',
	status: 'sending',
	'messagesession-reciever-hostname': 'eng0-san.netsapiens.com',
	'from-number': '',
	'from-user-id': '1200@automation',
	'from-video-attendee-id': null,
	'from-user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like ',
	'terminating-user-id': '3811@automation,100@automation',
	'terminating-number': '',
	'messagesession-id': 'f453c6fddf0c27f0d173a0d70993f0fd',
	'video-instance-id': null,
	'media-type': '',
	'media-size': 0,
	'messagesession-participants': '3811@automation,100@automation,1200@automation',
	'deleted-timestamp': '',
};

export const OFFICIAL_INBOUND_SMS_ROW = {
	id: 'm-6261eb64a4191',
	timestamp: '2022-04-21 23:40:20',
	type: 'sms',
	domain: 'portal',
	direction: 'orig',
	dialed: '',
	text: 5,
	status: '',
	'messagesession-reciever-hostname': 'eng1-dfw.netsapiens.com',
	'from-number': 17145550353,
	'from-user-id': '',
	'from-video-attendee-id': null,
	'from-user-agent': 'Apache-HttpClient/4.5.13 (Java/1.8.0_152)',
	'terminating-user-id': '2500@portal',
	'terminating-number': '',
	'messagesession-id': '181b190ccd889bee28ed6aa9dbb0383f',
	'video-instance-id': null,
	'media-type': '',
	'media-size': 0,
	'messagesession-participants': '12285559476,14425553974,17145550353',
	'deleted-timestamp': '',
};
