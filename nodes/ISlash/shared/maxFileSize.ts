/**
 * Default Max File Size for iSlash files, in MB. iSlash documents no limit, so this protects the n8n
 * process; it is WhatsApp's own limit for audio and video (images 5 MB, documents 100 MB: raise the
 * option for large documents), per the WhatsApp Cloud API's supported media types
 * (https://docs.aws.amazon.com/social-messaging/latest/userguide/supported-media-types.html,
 * https://www.twilio.com/docs/whatsapp/guidance-whatsapp-media-messages).
 */
export const ISLASH_MAX_FILE_MB = 16;
