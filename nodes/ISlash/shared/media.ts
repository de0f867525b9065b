import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { checkFileSize, type BinaryFile } from '../../shared/binary';

const MB = 1024 * 1024;

/**
 * iSlash's documented caps per kind: image 5 MB, audio / video / document 16 MB, sticker 100 KB.
 * The kind follows the file's MIME type as WhatsApp classifies it: WebP images go out as stickers.
 */
export function mediaLimit(mimeType: string): { kind: string; maxBytes: number } {
	const type = mimeType.toLowerCase().split(';')[0].trim();
	if (type === 'image/webp') return { kind: 'stickers', maxBytes: 100 * 1024 };
	if (type.startsWith('image/')) return { kind: 'images', maxBytes: 5 * MB };
	if (type.startsWith('audio/')) return { kind: 'audio', maxBytes: 16 * MB };
	if (type.startsWith('video/')) return { kind: 'video', maxBytes: 16 * MB };
	return { kind: 'documents', maxBytes: 16 * MB };
}

/** Refuses, before anything is sent, a file over iSlash's cap for its kind. */
export function checkMediaSize(ctx: IExecuteSingleFunctions, file: BinaryFile, label: string): void {
	const { kind, maxBytes } = mediaLimit(file.mimeType);
	checkFileSize(ctx, file, maxBytes, label, kind);
}
