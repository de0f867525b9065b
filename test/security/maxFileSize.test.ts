import type { INodeExecutionData } from 'n8n-workflow';
import nock from 'nock';
import * as binary from '../../nodes/shared/binary';
import { guardNetwork } from '../harness/nockGuard';
import * as islash from '../nodes/ISlash/fixtures';
import { ACCEPTED, BASE, byId, runNetSapiens } from '../nodes/NetSapiens/fixtures';

/**
 * Issue 33, item 2: a Max File Size checked from the binary data's metadata before anything is read, and
 * media read and encoded only once the request holds its flow-control slot, so memory is bounded by Max
 * Requests In Flight × file size, not items × file size.
 */

const network = guardNetwork();

const SESSION = 'c3529b7ce79a86018d006462fa70fcea';
const SEND_PATH = `/domains/~/users/~/messagesessions/${SESSION}/messages`;
const mms = {
	resource: 'message',
	operation: 'send',
	messagesession: byId(SESSION),
	messageType: 'mms',
	destination: '18585551234',
	binaryPropertyName: 'data',
};

/** A file n8n keeps in its binary data store: the item holds only metadata. Nothing here can read it. */
const stored = (bytes: number): INodeExecutionData => ({
	json: {},
	binary: {
		data: {
			data: 'filesystem-v2',
			id: 'filesystem-v2:workflows/1/executions/1/binary_data/absent',
			mimeType: 'video/mp4',
			fileName: 'clip.mp4',
			bytes,
			fileSize: `${bytes / 1e6} MB`,
		},
	},
});

const inMemory = (size: number, id: number): INodeExecutionData => ({
	json: { id },
	binary: {
		data: {
			data: Buffer.alloc(size, 65 + id).toString('base64'),
			mimeType: 'image/png',
			fileName: `p${id}.png`,
		},
	},
});

afterEach(() => jest.restoreAllMocks());

describe('Issue 33 › 2. Max File Size, checked from metadata before reading', () => {
	it('NetSapiens MMS: a 40 MB file is refused naming the field, read never, sent never', async () => {
		const reads = jest.spyOn(binary, 'readBinaryFile');
		const result = await runNetSapiens({ parameters: mms, items: [stored(40_000_000)] });
		expect(result.error?.message).toBe(
			'Input Binary Field: the file is 40 MB, larger than Max File Size (5 MB)',
		);
		expect(reads).not.toHaveBeenCalled();
		expect(network.unexpected).toEqual([]);
	});

	it('iSlash file send: over a Max File Size set lower (1 MB), refused before any request', async () => {
		const result = await islash.runISlash({
			parameters: {
				resource: 'sessionMessage',
				operation: 'send',
				identity: '85291234567',
				attachment: 'binary',
				binaryPropertyName: 'data',
				requestOptions: { maxFileSizeMb: 1 },
			},
			items: [inMemory(1_500_000, 0)],
		});
		expect(result.error?.message).toBe(
			'Input Binary Field: the file is 1.5 MB, larger than Max File Size (1 MB)',
		);
		expect(network.unexpected).toEqual([]);
	});

	it('a file within the limit is sent as before', async () => {
		const scope = nock(BASE).post(SEND_PATH).reply(202, ACCEPTED);
		const result = await runNetSapiens({ parameters: mms, items: [inMemory(2_000, 0)] });
		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toMatchObject({ 'media-type': 'image/png', 'media-size': 2_000 });
		scope.done();
	});
});

describe('Issue 33 › 2. Media is read only once the request holds its flow-control slot', () => {
	it('Max Requests In Flight = 1, six 200 kB MMS: each file is read just before its own request', async () => {
		const reads = jest.spyOn(binary, 'readBinaryFile');
		const readsWhenSent: number[] = [];
		nock(BASE)
			.post(SEND_PATH)
			.times(6)
			.reply(() => {
				readsWhenSent.push(reads.mock.calls.length);
				return [202, ACCEPTED];
			});
		const result = await runNetSapiens({
			parameters: { ...mms, requestOptions: { maxInFlight: 1 } },
			items: Array.from({ length: 6 }, (_, id) => inMemory(200_000, id)),
		});
		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(6);
		expect(readsWhenSent).toEqual([1, 2, 3, 4, 5, 6]);
	});
});
