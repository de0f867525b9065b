import { createHash } from 'crypto';

/**
 * The pages behind a reply link. Self-contained (no script, no external file), readable on a phone, and
 * a GET never answers: link previews of SMS and chat apps open links, so a page only offers buttons that
 * POST to the signed address it was opened with (a form without `action` posts to the page's own URL,
 * query included, which is what n8n's signature covers).
 */

const STYLE = `
:root{color-scheme:light dark;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:Canvas;color:CanvasText}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.25rem;margin:0 0 1rem}
.message{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 1.5rem}
form{display:flex;flex-direction:column;gap:.75rem}
label{font-weight:600}
textarea{font:inherit;width:100%;min-height:8rem;padding:.75rem;border:1px solid GrayText;border-radius:.5rem;background:Field;color:FieldText}
button{font:inherit;font-weight:600;min-height:3rem;padding:.75rem 1rem;border-radius:.5rem;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:transparent;color:CanvasText;border-color:GrayText}
button:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.error{border-left:4px solid #b91c1c;padding:.5rem .75rem;margin:0 0 1rem}
`.trim();

/** The page's only resource is its inline style, allowed by hash; nothing else may load, frame or run. */
export const PAGE_CSP = [
	"default-src 'none'",
	`style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
	"form-action 'self'",
	"frame-ancestors 'none'",
	"base-uri 'none'",
].join('; ');

export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(char) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
	);
}

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function messageBlock(message: string): string {
	return message.trim() === '' ? '' : `<p class="message">${escapeHtml(message)}</p>`;
}

function errorBlock(error?: string): string {
	return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

export interface ApprovalChoices {
	approveLabel: string;
	/** Absent when only approval is offered. */
	disapproveLabel?: string;
}

/** The approval page: the question and one or two buttons, each a POST of `approved=true|false`. */
export function approvalPage(message: string, choices: ApprovalChoices, error?: string): string {
	const decline =
		choices.disapproveLabel === undefined
			? ''
			: `\n<button class="secondary" type="submit" name="approved" value="false">${escapeHtml(choices.disapproveLabel)}</button>`;
	return page(
		'Your answer',
		`<h1>Your answer</h1>
${errorBlock(error)}${messageBlock(message)}
<form method="post">
<button type="submit" name="approved" value="true">${escapeHtml(choices.approveLabel)}</button>${decline}
</form>`,
	);
}

/** The free-text page: the question, a labelled text box and a send button (a POST of `text`). */
export function freeTextPage(message: string, submitLabel: string, error?: string): string {
	return page(
		'Your answer',
		`<h1>Your answer</h1>
${errorBlock(error)}${messageBlock(message)}
<form method="post">
<label for="text">Answer</label>
<textarea id="text" name="text" required></textarea>
<button type="submit">${escapeHtml(submitLabel)}</button>
</form>`,
	);
}

/** Shown once the answer is recorded. */
export function recordedPage(): string {
	return page(
		'Thank you',
		`<h1>Thank you</h1>
<p>Your answer has been recorded. You can close this page.</p>`,
	);
}
