/**
 * What the reliability matrix saw: one row per (section, operation, case) with its outcome, the counts
 * the issue asks for (cases tried, failures, lost, duplicated, leaked), and the secret scanner.
 */

export interface Row {
	section: string;
	operation: string;
	case: string;
	outcome: string;
	ok: boolean;
}

/**
 * Every string reachable from a value, own non-enumerable properties included (an Error's message,
 * stack and cause are not enumerable), Buffers as text and base64, cycles visited once.
 */
export function reachableText(value: unknown): string {
	const parts: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (current: unknown, depth: number) => {
		if (depth > 60 || current === null || current === undefined) return;
		if (typeof current === 'string') {
			parts.push(current);
			return;
		}
		if (
			typeof current === 'number' ||
			typeof current === 'boolean' ||
			typeof current === 'bigint'
		) {
			parts.push(String(current));
			return;
		}
		if (typeof current !== 'object') return;
		if (seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current)) {
			parts.push(current.toString('utf8'), current.toString('base64'));
			return;
		}
		if (current instanceof Map) {
			for (const [key, entry] of current) {
				visit(key, depth + 1);
				visit(entry, depth + 1);
			}
			return;
		}
		if (current instanceof Set) {
			for (const entry of current) visit(entry, depth + 1);
			return;
		}
		for (const key of Object.getOwnPropertyNames(current)) {
			parts.push(key);
			let entry: unknown;
			try {
				entry = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			visit(entry, depth + 1);
		}
	};
	visit(value, 0);
	return parts.join('\n');
}

/**
 * The base64 text of a secret at each of the three byte alignments it can have inside a longer value
 * (`Basic base64(user:password)` puts the password at whatever offset the user name leaves): only the
 * characters that depend on the secret's bytes alone.
 */
function base64Cores(secret: string): string[] {
	const bytes = Buffer.from(secret);
	return [0, 1, 2].map((offset) => {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		const start = [0, 2, 3][offset];
		const end = Math.floor((offset + bytes.length) / 3) * 4;
		return encoded.slice(start, end);
	});
}

/** The forms a secret may leak in: as is, base64 at any alignment (Basic headers, encoded bodies) and URL-encoded. */
export function secretForms(secret: string): string[] {
	const cores = base64Cores(secret).filter((core) => core.length >= 8);
	return [...new Set([secret, encodeURIComponent(secret), ...cores])];
}

export class Ledger {
	readonly rows: Row[] = [];
	lost = 0;
	duplicated = 0;
	leaked = 0;
	readonly leaks: string[] = [];

	/** Records one case; `problems` empty means it held. */
	record(
		section: string,
		operation: string,
		caseName: string,
		outcome: string,
		problems: string[],
	): void {
		this.rows.push({ section, operation, case: caseName, outcome, ok: problems.length === 0 });
	}

	/**
	 * Scans everything a case produced (outputs, run data, errors, thrown objects, log lines) for every
	 * secret; returns the leaks found and counts them.
	 */
	scan(where: string, secrets: string[], ...values: unknown[]): string[] {
		const text = values.map(reachableText).join('\n');
		const found: string[] = [];
		for (const secret of secrets) {
			for (const form of secretForms(secret)) {
				if (text.includes(form))
					found.push(
						`${where}: ${form === secret ? 'secret' : 'encoded secret'} ${secret.slice(0, 6)}…`,
					);
			}
		}
		this.leaked += found.length;
		this.leaks.push(...found);
		return found;
	}

	get failures(): number {
		return this.rows.filter((row) => !row.ok).length;
	}

	summary(elapsedMs: number): string {
		const lines: string[] = ['', '=== Reliability matrix: operation × case → outcome ==='];
		const sections = [...new Set(this.rows.map((row) => row.section))];
		for (const section of sections) {
			const rows = this.rows.filter((row) => row.section === section);
			const opWidth = Math.max(...rows.map((row) => row.operation.length));
			const caseWidth = Math.max(...rows.map((row) => row.case.length));
			lines.push(
				'',
				`--- ${section} (${rows.length} cases, ${rows.filter((r) => !r.ok).length} failed) ---`,
			);
			for (const row of rows) {
				lines.push(
					`${row.ok ? ' ' : '✗'} ${row.operation.padEnd(opWidth)} │ ${row.case.padEnd(caseWidth)} │ ${row.outcome}`,
				);
			}
		}
		lines.push(
			'',
			`cases tried: ${this.rows.length}   failures: ${this.failures}   lost: ${this.lost}   duplicated: ${this.duplicated}   leaked: ${this.leaked}   (${(elapsedMs / 1000).toFixed(1)} s)`,
		);
		if (this.leaks.length) lines.push(`leaks: ${this.leaks.join('; ')}`);
		return `${lines.join('\n')}\n`;
	}
}
