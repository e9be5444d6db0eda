import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

/**
 * The rows of a raw query on either driver: drizzle's PGlite driver returns `{ rows }`, the
 * postgres-js one the row list itself. Queries cast counts to int and scores to float8 so
 * both drivers give numbers.
 */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown;
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
