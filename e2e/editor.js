#!/usr/bin/env node
// `npm run test:editor`: n8n's editor in a real browser, as a newcomer meets the package — the dev set-up
// (`npm run dev`: the sandbox, a real n8n 2.40.7 with the package, the owner from the environment), driven in
// Debian's Chromium by puppeteer-core. It signs in, searches the node panel by task words, opens every
// "From list" picker of every node, runs each example from its main Execute button and reads the subtitles
// under the package's nodes; every 5xx the editor receives from n8n fails the run. Screenshots go to
// artifacts/editor/ (printed at the end).
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const puppeteer = require('puppeteer-core');
const { REPO, freePort, sleep, waitFor, ensureDebianPackages } = require('../scripts/n8n-runtime');
const {
	prepareN8nWithSandbox,
	sandboxCredentials,
	SANDBOX_OWNER,
} = require('../scripts/sandbox-setup');
const { actionNodes, operationsOf } = require('../scripts/output-schemas');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(REPO, 'artifacts', 'editor');
const PACKAGE = 'n8n-nodes-session-messaging';
const ACTION_NODES = ['NetSapiens', 'EvoVoice', 'iSlash', 'SuperOffice'];

/** Task words a newcomer types into the node panel, and the package's nodes each must find. */
const TASK_SEARCHES = [
	['Send Session Message', ACTION_NODES],
	['send message', ACTION_NODES],
	['session message', ACTION_NODES],
	['sms', ['NetSapiens', 'EvoVoice']],
	['WhatsApp', ['iSlash']],
	['chat', ['NetSapiens', 'iSlash', 'SuperOffice']],
	['PBX', ['NetSapiens']],
];
/** On an empty canvas the panel lists triggers ("What triggers this workflow?"). */
const TRIGGER_SEARCHES = [['Incoming Message', ACTION_NODES]];

/**
 * One node per list the editor loads for a field (resource locators in "From list" mode and option lists),
 * with the parameters that show the field.
 */
const PICKERS = [
	{
		node: 'netSapiens',
		credential: 'netSapiensMessagingApi',
		method: 'searchMessageSessions',
		field: 'messagesession',
		parameters: { resource: 'message', operation: 'send', messageType: 'sms' },
	},
	{
		node: 'netSapiens',
		credential: 'netSapiensMessagingApi',
		method: 'searchSmsNumbers',
		field: 'fromNumber',
		parameters: { resource: 'message', operation: 'send', messageType: 'sms' },
	},
	{
		node: 'evoVoice',
		credential: 'evoVoiceMessagingApi',
		method: 'searchEndpoints',
		field: 'endpointId',
		parameters: { resource: 'message', operation: 'send', sendTo: 'phoneNumber' },
	},
	{
		node: 'evoVoice',
		credential: 'evoVoiceMessagingApi',
		method: 'getAccounts',
		field: 'accountIds',
		parameters: { resource: 'session', operation: 'getAll', filters: { accountIds: [] } },
	},
	{
		node: 'iSlash',
		credential: 'iSlashMessagingApi',
		method: 'searchTemplates',
		field: 'templateName',
		parameters: { resource: 'templateMessage', operation: 'send' },
	},
	{
		node: 'iSlash',
		credential: 'iSlashMessagingApi',
		method: 'searchStickers',
		field: 'stickerId',
		parameters: { resource: 'sessionMessage', operation: 'send', attachment: 'sticker' },
	},
	{
		node: 'superOffice',
		credential: 'superOfficeMessagingApi',
		method: 'searchChatSessions',
		field: 'chatSessionId',
		parameters: {
			authentication: 'superOfficeMessagingApi',
			resource: 'chatMessage',
			operation: 'send',
		},
	},
	{
		node: 'superOffice',
		credential: 'superOfficeMessagingApi',
		method: 'searchChatTopics',
		field: 'chatTopicId',
		parameters: {
			authentication: 'superOfficeMessagingApi',
			resource: 'chatSession',
			operation: 'create',
		},
	},
];

const log = (line) => process.stdout.write(`${line}\n`);

function pickerWorkflow(credentials) {
	const byType = Object.fromEntries(credentials.map((credential) => [credential.type, credential]));
	return {
		id: 'editor-pickers',
		name: 'Editor pickers',
		active: false,
		nodes: PICKERS.map((picker, index) => ({
			id: `picker-${index}`,
			name: `${picker.method} picker`,
			type: `${PACKAGE}.${picker.node}`,
			typeVersion: 1,
			position: [index * 220, 0],
			parameters: picker.parameters,
			credentials: {
				[picker.credential]: {
					id: byType[picker.credential].id,
					name: byType[picker.credential].name,
				},
			},
		})),
		connections: {},
		settings: {},
	};
}

async function main() {
	ensureDebianPackages(['chromium'], () => fs.existsSync(CHROMIUM));
	fs.rmSync(SHOTS, { recursive: true, force: true });
	fs.mkdirSync(SHOTS, { recursive: true });
	const { sandbox, n8n, workflows } = await prepareN8nWithSandbox({ owner: SANDBOX_OWNER });
	await n8n.importWorkflows([pickerWorkflow(sandboxCredentials(sandbox.url))]);
	const editor = n8n.serve(await freePort());
	const base = editor.url;
	let browser;
	const counts = { searches: 0, pickers: 0, examples: 0, subtitles: 0, schemas: 0 };
	const serverErrors = [];
	try {
		await editor.ready();
		browser = await puppeteer.launch({
			executablePath: CHROMIUM,
			headless: true,
			// root in CI: Chromium's sandbox needs an unprivileged user
			args: ['--no-sandbox', '--disable-dev-shm-usage', '--window-size=1440,900'],
			defaultViewport: { width: 1440, height: 900 },
		});
		const page = await browser.newPage();
		page.setDefaultTimeout(30000);
		page.on('response', (response) => {
			if (response.status() >= 500 && response.url().startsWith(base))
				serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
		});

		await signIn(page, base);
		log('signed in as the owner n8n created from the environment');

		// the output schemas the editor asks for, as it asks for them (signed in, from the page)
		for (const { description } of actionNodes()) {
			for (const { resource, operation } of operationsOf(description)) {
				const url = `${base}/schemas/${PACKAGE}.${description.name}/${description.version}.0.0/${resource}/${operation}.json`;
				const answer = await page.evaluate(async (address) => {
					const response = await fetch(address);
					return {
						status: response.status,
						type: response.ok ? (await response.json()).type : undefined,
					};
				}, url);
				assert.deepEqual(answer, { status: 200, type: 'object' }, `output schema ${url}`);
				counts.schemas++;
			}
		}
		log(`output schemas: n8n served all ${counts.schemas}`);

		// the node panel: triggers on an empty canvas, actions after a node
		await page.goto(`${base}/workflow/new`, { waitUntil: 'networkidle2' });
		for (const [word, expected] of TRIGGER_SEARCHES) {
			await searchNodePanel(page, word, expected, true);
			counts.searches++;
		}
		await page.goto(`${base}/workflow/example-netsapiens`, { waitUntil: 'networkidle2' });
		for (const [word, expected] of TASK_SEARCHES) {
			const shot = word === 'Send Session Message' ? path.join(SHOTS, 'node-panel.png') : undefined;
			await searchNodePanel(page, word, expected, false, shot);
			counts.searches++;
		}

		// every picker
		await page.goto(`${base}/workflow/editor-pickers`, { waitUntil: 'networkidle2' });
		for (const picker of PICKERS) {
			const items = await openPicker(page, picker);
			log(
				`picker ${picker.method}: ${items.length} entries (${items.slice(0, 3).join(', ')}${items.length > 3 ? ', …' : ''})`,
			);
			assert.ok(items.length > 0, `${picker.method} listed nothing`);
			if (picker === PICKERS.find((p) => p.node === picker.node))
				await page.screenshot({ path: path.join(SHOTS, `parameters-${picker.node}.png`) });
			await page.keyboard.press('Escape');
			await closeNodeDetails(page);
			counts.pickers++;
		}

		// every example: its subtitles, then its main Execute button
		for (const workflow of workflows) {
			await page.goto(`${base}/workflow/${workflow.id}`, { waitUntil: 'networkidle2' });
			const subtitles = await packageSubtitles(page, workflow);
			for (const { name, subtitle, expected } of subtitles) {
				assert.equal(subtitle, expected, `${workflow.id} › ${name}: subtitle`);
				counts.subtitles++;
			}
			const before = (await n8n.executionCounts())[workflow.id] ?? 0;
			const button = await page.waitForSelector('[data-test-id="execute-workflow-button"]');
			const label = (await button.evaluate((element) => element.textContent)).trim();
			await button.click();
			await waitFor(
				async () =>
					((await n8n.executionCounts())[workflow.id] ?? 0) > before &&
					(await finishedExecution(n8n, workflow.id)),
				90000,
				`${workflow.id} to finish`,
			);
			const status = await finishedExecution(n8n, workflow.id);
			log(
				`example ${workflow.id}: "${label}" → ${status}; subtitles ${subtitles.map((s) => `“${s.subtitle}”`).join(', ')}`,
			);
			assert.equal(
				status,
				'success',
				`${workflow.id}: the main Execute button ("${label}") ran it to ${status}`,
			);
			if (workflow.id === 'example-superoffice') {
				await sleep(1000);
				await page.screenshot({ path: path.join(SHOTS, 'executed-example.png') });
			}
			counts.examples++;
		}

		assert.deepEqual(serverErrors, [], 'the editor received 5xx answers from n8n');
		log(
			`\neditor test passed: ${counts.searches} node-panel searches, ${counts.pickers} pickers, ${counts.examples} examples run from the main button, ` +
				`${counts.subtitles} subtitles, ${counts.schemas} output schemas, 0 server errors; screenshots in ${path.relative(REPO, SHOTS)}/: ${fs.readdirSync(SHOTS).sort().join(', ')}`,
		);
	} catch (error) {
		if (browser) {
			const ids = await (
				await browser.pages()
			)
				.at(-1)
				?.$$eval('[data-test-id]', (elements) =>
					[...new Set(elements.map((e) => e.dataset.testId))].join(' '),
				)
				.catch(() => '');
			log(`test ids on the page: ${ids}`);
			const [page] = (await browser.pages()).slice(-1);
			await page?.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => undefined);
		}
		log(`server errors seen: ${serverErrors.join('; ') || 'none'}`);
		log(`n8n's last output:\n${editor.log().slice(-4000)}`);
		throw error;
	} finally {
		await browser?.close();
		await editor.stop();
		await sandbox.close();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

async function signIn(page, base) {
	await page.goto(`${base}/signin`, { waitUntil: 'networkidle2' });
	await page.type('[data-test-id="emailOrLdapLoginId"] input', SANDBOX_OWNER.email);
	await page.type('[data-test-id="password"] input', SANDBOX_OWNER.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page
		.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 30000 })
		.catch(() => {
			throw new Error(`still on ${page.url()} 30 s after signing in`);
		});
}

/** Types a word into the node panel and returns the names it lists; asserts the expected ones are among them. */
async function searchNodePanel(page, word, expected, emptyCanvas, screenshot) {
	// the empty canvas's "Add first step", or the + after the last node ("What happens next?")
	const opener = emptyCanvas
		? '[data-test-id="canvas-plus-button"]'
		: '[data-test-id="canvas-handle-plus"]';
	await page.waitForSelector(opener, { visible: true });
	// the canvas may still be laying its nodes out: click once the last + stands still
	await waitFor(
		async () => {
			const handle = (await page.$$(opener)).at(-1);
			return (
				Boolean(
					await handle?.click().then(
						() => true,
						() => false,
					),
				) && Boolean(await page.$('[data-test-id="node-creator-search-bar"]'))
			);
		},
		15000,
		'the node panel to open',
	);
	await page
		.locator('[data-test-id="node-creator"] [data-test-id="node-creator-search-bar"]')
		.fill(word);
	let names = [];
	await waitFor(
		async () => {
			names = await page.$$eval(
				'[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]',
				(elements) => elements.map((e) => e.textContent.trim()),
			);
			return expected.every((name) => names.includes(name));
		},
		10000,
		`"${word}" to list ${expected.join(', ')}`,
	).catch((error) => {
		throw new Error(`${error.message}; the node panel listed: ${names.join(', ') || 'nothing'}`);
	});
	log(`node panel "${word}": ${expected.join(', ')} among ${names.length} results`);
	if (screenshot) await page.screenshot({ path: screenshot });
	await page.keyboard.press('Escape');
	await page.waitForSelector('[data-test-id="node-creator"]', { hidden: true });
}

/** Opens a picker node's parameter panel and the list of the picker's field; returns the entries shown. */
async function openPicker(page, picker) {
	await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${picker.method} picker"]`)
		.click({ count: 2 });
	await page.waitForSelector('[data-test-id="ndv"]', { visible: true });
	const listSearch = picker.method.startsWith('search');
	// a resource locator's "From list" input, or an option list's select
	const input = listSearch
		? `[data-test-id="resource-locator-${picker.field}"] [data-test-id="rlc-input"]`
		: `[data-test-id="parameter-input-${picker.field}"] .select-trigger`;
	await page.waitForSelector(input, { visible: true });
	// an option list is disabled while its options load: a click then would be lost
	if (!listSearch)
		await page.waitForFunction(
			(field) => !document.querySelector(`${field} .el-input.is-disabled`),
			{},
			`[data-test-id="parameter-input-${picker.field}"]`,
		);
	await page.click(input);
	const entries = await page
		.waitForFunction(
			(rows, failure) => {
				const visible = (element) => element.getClientRects().length > 0; // dropdowns are position: fixed (no offsetParent)
				const shown = [...document.querySelectorAll(rows)].filter(visible);
				if (shown.length) return shown.map((row) => row.textContent.trim());
				const error = [...document.querySelectorAll(failure)].find(visible);
				return error ? [`ERROR: ${error.textContent.trim()}`] : false;
			},
			{ timeout: 20000 },
			listSearch ? '[data-test-id="rlc-item"]' : '.el-select-dropdown__item', // multiOptions rows carry no test id
			listSearch ? '[data-test-id="rlc-error-container"]' : '.el-select-dropdown__empty',
		)
		.catch(async (error) => {
			const html = await page
				.$eval(input.split(' ')[0], (e) => e.outerHTML)
				.catch(() => 'not found');
			throw new Error(`${picker.method}: ${error.message}; the field: ${html.slice(0, 3000)}`);
		});
	const items = await entries.jsonValue();
	assert.ok(!items[0]?.startsWith('ERROR'), `${picker.method}: ${items[0]}`);
	return items;
}

async function closeNodeDetails(page) {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await page.waitForSelector('[data-test-id="ndv"]', { hidden: true });
}

/** The subtitle under each of the package's nodes on the canvas, and the text it should show. */
async function packageSubtitles(page, workflow) {
	const nodes = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`));
	const subtitles = [];
	for (const node of nodes) {
		const element = await page.waitForSelector(
			`[data-test-id="canvas-node"][data-node-name="${node.name}"]`,
		);
		const subtitle = await element.evaluate(
			(e) =>
				e
					.querySelector('[data-test-id="canvas-node-box-subtitle"], [class*="subtitle"]')
					?.textContent?.trim() ?? '',
		);
		subtitles.push({ name: node.name, subtitle, expected: expectedSubtitle(node) });
	}
	return subtitles;
}

/**
 * What the node's description says it does: for an action node the `action` text of the chosen operation,
 * for a trigger the display names of its chosen events.
 */
function expectedSubtitle(node) {
	const type = node.type.split('.')[1].replace(/Tool$/, ''); // an AI tool is its node's description
	const className = type[0].toUpperCase() + type.slice(1); // netSapiens → NetSapiens, iSlash → ISlash
	const folder = className.replace(/Trigger$/, '');
	const { [className]: NodeType } = require(
		path.join(REPO, 'dist', 'nodes', folder, `${className}.node.js`),
	);
	const { properties } = new NodeType().description;
	if (type.endsWith('Trigger')) {
		const events = properties.find((p) => p.name === 'events' || p.name === 'event');
		const chosen = [node.parameters[events.name] ?? events.default].flat();
		return chosen.map((value) => events.options.find((o) => o.value === value).name).join(', ');
	}
	const operation = properties.find(
		(p) =>
			p.name === 'operation' &&
			p.displayOptions?.show?.resource?.includes(node.parameters.resource),
	);
	return operation.options.find((option) => option.value === node.parameters.operation).action;
}

async function finishedExecution(n8n, workflowId) {
	const [row] = await n8n.query(
		`SELECT status FROM execution_entity WHERE workflowId = '${workflowId}' ORDER BY id DESC LIMIT 1`,
	);
	return row && ['success', 'error', 'crashed', 'canceled'].includes(row.status)
		? row.status
		: undefined;
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exitCode = 1;
});
