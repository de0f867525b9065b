import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { getAccounts } from './loadOptions/getAccounts';
import { accountIdsOption, idListOption } from './shared/descriptions';
import {
	advanceCursor,
	messageTime,
	readCursor,
	readFrom,
	startCursor,
} from './shared/messageCursor';
import { evoVoiceRequest } from './shared/transport';
import { joinIds } from './shared/parameters';
import { listItems } from './shared/answers';

const PAGE_SIZE = 100;
/** No poll walks further than this many pages, whatever the answers say. */
const MAX_PAGES = 1000;
/** A manual run ("Fetch Test Event") shows up to this many of the last week's incoming messages. */
const MANUAL_SAMPLE_SIZE = 10;
const MANUAL_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
const MANUAL_MAX_PAGES = 5;
/** Used when the n8n running the node does not give polls a time budget. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

interface Fetched {
	messages: IDataObject[];
	/** False when the walk stopped before the last page (time budget or page cap). */
	complete: boolean;
}

function readList(ctx: IPollFunctions, name: string): string | undefined {
	const value = ctx.getNodeParameter(`filters.${name}`, '') as unknown;
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return joinIds(entries.map((entry) => String(entry).trim()).filter((entry) => entry !== ''));
}

/** ListMessages from `afterDate` on, page by page (page is 0-based), until a short page or the budget is spent. */
async function fetchMessagesSince(
	ctx: IPollFunctions,
	afterDate: string,
	maxPages: number,
	deadline: number,
): Promise<Fetched> {
	const filters: IDataObject = {
		accountIds: readList(ctx, 'accountIds'),
		endpointIds: readList(ctx, 'endpointIds'),
		customerIds: readList(ctx, 'customerIds'),
	};
	for (const key of Object.keys(filters)) if (filters[key] === undefined) delete filters[key];
	const messages: IDataObject[] = [];
	for (let page = 0; page < maxPages; page++) {
		// Always fetch the first page; stop early rather than let n8n abandon the whole poll.
		if (page > 0 && Date.now() > deadline) return { messages, complete: false };
		const rows = listItems(
			await evoVoiceRequest.call(ctx, 'GET', '/messages', {
				qs: {
					...filters,
					afterDate,
					page,
					countPerPage: PAGE_SIZE,
				},
			}),
		);
		messages.push(...rows);
		if (rows.length < PAGE_SIZE) return { messages, complete: true };
	}
	return { messages, complete: false };
}

export class EvoVoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EvoVoice Trigger',
		name: 'evoVoiceTrigger',
		icon: { light: 'file:evoVoice.svg', dark: 'file:evoVoice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New incoming message',
		// n8n's node panel lists a node and its trigger as one entry under the trigger's description
		// (generateMergedNodesAndActions in the editor's useActionsGeneration.ts), so it speaks for both.
		description:
			'Send and read EvoVoice SMS session messages, and start workflows on incoming texts',
		defaults: { name: 'EvoVoice Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'evoVoiceMessagingApi', required: true }],
		properties: [
			{
				displayName:
					'EvoVoice has no webhooks: this trigger asks for new incoming messages at the interval you set. When first activated it starts from that moment and does not replay older messages.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					accountIdsOption,
					idListOption('customerIds', 'Customer IDs', 'Only messages of these customers'),
					idListOption(
						'endpointIds',
						'Endpoint IDs',
						'Only messages to these endpoints (phone numbers)',
					),
				],
			},
		],
	};

	methods = {
		loadOptions: { getAccounts },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const startedAt = Date.now();
		const budget =
			typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
		// Half the budget for fetching leaves room for the last request and the hand-off.
		const deadline = startedAt + budget / 2;

		if (this.getMode() === 'manual') {
			// A test run shows recent messages to give the shape; it never moves the cursor.
			const since = new Date(startedAt - MANUAL_LOOKBACK_MS).toISOString();
			const { messages } = await fetchMessagesSince(this, since, MANUAL_MAX_PAGES, deadline);
			const recent = messages
				.filter((message) => message.direction === 'Incoming')
				.sort((a, b) => messageTime(b) - messageTime(a))
				.slice(0, MANUAL_SAMPLE_SIZE);
			return recent.length > 0 ? [recent.map((json) => ({ json }))] : null;
		}

		const state = this.getWorkflowStaticData('node');
		const stored = readCursor(state.cursor);
		if (!stored) {
			// First activation: start from now instead of emitting the account's history.
			state.cursor = startCursor(startedAt) as unknown as IDataObject;
			return null;
		}
		const { messages, complete } = await fetchMessagesSince(
			this,
			readFrom(stored),
			MAX_PAGES,
			deadline,
		);
		const { emitted, cursor } = advanceCursor(stored, messages, complete, startedAt);
		state.cursor = cursor as unknown as IDataObject;
		return emitted.length > 0 ? [emitted.map((json) => ({ json }))] : null;
	}
}
