import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listRows } from '../../shared/operation';
import { netSapiensRequest } from '../shared/transport';
import { currentUserPath } from './scope';

/** The SMS numbers of the node's user (GET /domains/{domain}/users/{user}/smsnumbers). */
export async function searchSmsNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const numbers = listRows(
		await netSapiensRequest.call(this, 'GET', `${currentUserPath(this)}/smsnumbers`),
	);
	const wanted = (filter ?? '').replace(/\D/g, '');
	return {
		results: numbers
			.filter((row: IDataObject) => wanted === '' || String(row.number ?? '').includes(wanted))
			.map((row: IDataObject) => ({
				name: [row.number, row['mms-capable'] === true ? 'MMS' : undefined]
					.filter(Boolean)
					.join(' · '),
				value: String(row.number),
			})),
	};
}
