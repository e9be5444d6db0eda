/**
 * Every service of the directory as fully nested HSDS 3.1 objects, a batch at a time, ordered
 * by id: keyset pagination (`id > last`) keeps each batch's query as cheap as the first and
 * only one batch in memory, so an export of 100,000 services streams in constant memory.
 */
import { and, asc, gt, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { service, serviceStatuses } from '../db/schema/index.ts';
import { loadHsdsServices } from './load-services.ts';
import type { HsdsService } from './types.ts';

export const DEFAULT_STREAM_BATCH_SIZE = 200;

export type StreamServicesOptions = {
	/** Services per batch (default 200). */
	batchSize?: number;
	/** Only services with these statuses; default every status (the whole directory). */
	statuses?: readonly (typeof serviceStatuses)[number][];
};

export async function* streamHsdsServices(
	db: DbOrTx,
	options: StreamServicesOptions = {}
): AsyncGenerator<HsdsService[]> {
	const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_STREAM_BATCH_SIZE));
	const statusFilter = options.statuses ? inArray(service.status, [...options.statuses]) : undefined;
	let after: string | null = null;
	for (;;) {
		const conditions: (SQL | undefined)[] = [statusFilter, after === null ? undefined : gt(service.id, after)];
		const rows = await db
			.select({ id: service.id })
			.from(service)
			.where(and(...conditions))
			.orderBy(asc(service.id))
			.limit(batchSize);
		if (rows.length === 0) return;
		yield await loadHsdsServices(
			db,
			rows.map((r) => r.id)
		);
		if (rows.length < batchSize) return;
		after = rows.at(-1)!.id;
	}
}
