import type { INodeParameters } from 'n8n-workflow';
import { guardNetwork } from '../harness/nockGuard';
import type { RunResult } from '../harness/engine';
import { runEvoVoice } from '../nodes/EvoVoice/fixtures';
import { byId as nsById, runNetSapiens, SESSION } from '../nodes/NetSapiens/fixtures';
import { byId as soById, runSuperOffice } from '../nodes/SuperOffice/fixtures';

/**
 * Issue 33, item 3: `.` and `..` (also as %2e) as path values are refused with a field error before any
 * request. encodeURIComponent keeps dots, and the URL parser drops or climbs such a segment, so they would
 * send the request to another endpoint (a session leave to /messagesessions/…, a send to another route).
 */

const network = guardNetwork();

const cases: Array<[string, () => Promise<RunResult>, string]> = [
	[
		'NetSapiens Message Session › Leave, Domain ".."',
		() =>
			runNetSapiens({
				parameters: {
					resource: 'messageSession',
					operation: 'leave',
					domain: '..',
					user: '..',
					messagesession: nsById(SESSION),
				} as INodeParameters,
			}),
		'Domain: ".." is a dot segment',
	],
	[
		'NetSapiens Message Session › Leave, User "%2E"',
		() =>
			runNetSapiens({
				parameters: {
					resource: 'messageSession',
					operation: 'leave',
					user: '%2E',
					messagesession: nsById(SESSION),
				} as INodeParameters,
			}),
		'User: "%2E" is a dot segment',
	],
	[
		// GET /domains/~/users/.. would read the domain (GetMyDomain) instead of a user
		'NetSapiens User › Get, User ".."',
		() => runNetSapiens({ parameters: { resource: 'user', operation: 'get', user: '..' } }),
		'User: ".." is a dot segment',
	],
	[
		'EvoVoice Message › Send, Session ID ".."',
		() =>
			runEvoVoice({
				parameters: {
					resource: 'message',
					operation: 'send',
					sendTo: 'session',
					sessionId: '..',
					body: 'Hello',
				},
			}),
		'Session ID: ".." is a dot segment',
	],
	[
		'EvoVoice Session › Get Transcript, Session ID ".%2e"',
		() =>
			runEvoVoice({
				parameters: { resource: 'session', operation: 'getTranscript', sessionId: '.%2e' },
			}),
		'Session ID: ".%2e" is a dot segment',
	],
	[
		'SuperOffice Chat Session › Transfer, To User ".."',
		() =>
			runSuperOffice({
				parameters: {
					resource: 'chatSession',
					operation: 'transfer',
					chatSessionId: soById(42),
					toAssociate: '..',
				},
			}),
		'To User: ".." is a dot segment',
	],
];

describe('Issue 33 › 3. Dot segments as path values are refused', () => {
	it.each(cases)('%s: a field error, nothing sent', async (_name, run, message) => {
		const result = await run();
		expect(result.error?.message).toMatch(`${message}, which would change the request's path`);
		expect(network.unexpected).toEqual([]);
	});
});
