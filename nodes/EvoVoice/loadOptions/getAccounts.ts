import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { evoVoiceRequest } from '../shared/transport';

/** The accounts the login reaches: GET /auth/status → parallel `accountIds` / `accountNames` lists. */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const status = await evoVoiceRequest.call(this, 'GET', '/auth/status');
	const ids = Array.isArray(status.accountIds) ? (status.accountIds as unknown[]) : [];
	const names = Array.isArray(status.accountNames) ? (status.accountNames as unknown[]) : [];
	return ids
		.map((id, index) => ({ name: String(names[index] ?? id), value: String(id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
