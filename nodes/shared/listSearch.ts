/** Whether any of the texts contains the list-search filter (case-insensitive); no filter matches all. */
export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	if (needle === '') return true;
	return texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(needle),
	);
}
