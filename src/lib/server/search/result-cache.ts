/**
 * Recently computed searches, per database and per app process: the ranked pool of a search
 * (service ids in order, with distances) and the facet signatures of its matches, reused while
 * the directory has not changed. Paging through results, switching language, the A-Z index and
 * the home page's links all repeat searches; the expensive part (reading every match to count
 * the facets) is then paid once.
 *
 * Correctness rests on `search_state.version`, which triggers move in the same transaction as
 * any change to what search reads (drizzle/0006): an entry is used only under the version it was
 * computed with, and read again by every search, so app processes never serve a stale count and
 * need not talk to each other. Results that depend on the clock ("open now") key on the minute.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { selectRows } from './rows.ts';

/** Searches kept per database: a pool of ~300 ids plus a few hundred signatures, ~50 KB each. */
export const CACHE_ENTRIES = 200;

type Entry<T> = { version: number; value: T };

export class ResultCache<T> {
	readonly #entries = new Map<string, Entry<T>>();
	readonly #capacity: number;

	constructor(capacity = CACHE_ENTRIES) {
		this.#capacity = capacity;
	}

	get(version: number, key: string): T | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		this.#entries.delete(key);
		if (entry.version !== version) return undefined;
		// re-inserted: a Map iterates in insertion order, so the first key is the least recently used
		this.#entries.set(key, entry);
		return entry.value;
	}

	set(version: number, key: string, value: T): void {
		this.#entries.delete(key);
		this.#entries.set(key, { version, value });
		while (this.#entries.size > this.#capacity) {
			this.#entries.delete(this.#entries.keys().next().value!);
		}
	}

	get size(): number {
		return this.#entries.size;
	}
}

/** The version of what search reads; it moves with every committed change (see above). */
export async function readSearchVersion(db: DbOrTx): Promise<number> {
	const rows = await selectRows<{ version: string | number }>(db, sql`SELECT version FROM search_state WHERE id = 1`);
	return Number(rows[0]?.version ?? 0);
}

const caches = new WeakMap<object, ResultCache<unknown>>();

/** The cache of one database (tests open many in one process; each has its own). */
export function cacheFor<T>(db: DbOrTx): ResultCache<T> {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new ResultCache<unknown>()));
	return cache as ResultCache<T>;
}
