import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { service } from '../db/schema/index.ts';

/**
 * Recomputes the full-text document of the given services (or of all when `ids` is omitted).
 * Every write that changes a service, its terms or its organization calls this in the same
 * transaction, so search never sees a half-updated record.
 */
export async function refreshSearchDocuments(db: DbOrTx, ids?: readonly string[]): Promise<void> {
	if (ids && ids.length === 0) return;
	await db
		.update(service)
		.set({ searchDocument: sql`piazza_service_document(${service.id})` })
		.where(ids ? inArray(service.id, [...ids]) : undefined);
}
