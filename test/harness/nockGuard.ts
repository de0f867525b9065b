import nock from 'nock';

/**
 * Blocks real network access and records any request no nock scope expected, so a test can assert
 * that a refused input sent nothing at all.
 */
export function guardNetwork(): { unexpected: string[] } {
	const record = { unexpected: [] as string[] };
	const onNoMatch = (request: { method?: string; path?: string; options?: { host?: string } }) => {
		record.unexpected.push(`${request.method ?? ''} ${request.path ?? ''}`.trim());
	};
	beforeEach(() => {
		record.unexpected.length = 0;
		nock.disableNetConnect();
		nock.emitter.on('no match', onNoMatch);
	});
	afterEach(() => {
		nock.emitter.removeListener('no match', onNoMatch);
		nock.cleanAll();
		nock.enableNetConnect();
	});
	return record;
}
