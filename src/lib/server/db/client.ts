/**
 * Database access. PGlite (PostgreSQL in WASM, in-process) by default, a real PostgreSQL
 * server when DATABASE_URL is set: the same schema, migrations and queries run on both.
 * Nothing opens at import time: the build imports server modules.
 */
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { readDatabaseConfig, type DatabaseConfig } from '../config.ts';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a transaction callback receives; write functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
	db: Db;
	kind: DatabaseConfig['kind'];
	close: () => Promise<void>;
	/** PGlite only: a gzipped dump of the whole database. */
	dumpDataDir?: () => Promise<Blob>;
};

export async function openDatabase(config: DatabaseConfig = readDatabaseConfig()): Promise<Database> {
	if (config.kind === 'postgres') {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const client = postgres(config.url, {
			max: 10,
			onnotice: () => {},
			connection: {
				// statements are prepared once per connection, but planned for their values every time:
				// a generic plan cannot know that "nido" matches a quarter of the directory and
				// "logopedia" 2%, nor how many map cells a view has
				plan_cache_mode: 'force_custom_plan',
				// the directory's search tables live in shared buffers or the OS cache: a random page
				// costs little more than the next one (the default 4 is for spinning disks), and the
				// map of a word over the city read every document rather than a quarter of them
				// through the index; just-in-time compilation cost that statement 18 ms of its 120
				// and never paid back on the app's statements (bench:map p95 112 -> 72 ms at 100,000)
				random_page_cost: '1.1',
				jit: 'off',
				// a search already runs two statements side by side (its pool and its sample) and a
				// server serves several searches at once: workers found no idle core, and launching
				// them cost 5-7 ms of a 10 ms statement (an area's services by name at 100,000: 35 -> 20 ms)
				max_parallel_workers_per_gather: '0'
			}
		});
		const db = drizzle({ client, schema }) as unknown as Db;
		return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const extensions = await loadPgliteExtensions();
	if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
	const client = await PGlite.create(config.dataDir ?? 'memory://', {
		extensions,
		loadDataDir: config.loadDataDir,
		startParams: [
			...PGlite.defaultStartParams,
			// an embedded database is read from memory, or the OS's cache of one file: a random page
			// costs what the next one does, and with the default cost of 4 the planner scanned a
			// whole table rather than read a tenth of it through an index ("open now" in municipio
			// 2: 80 -> 43 ms at 100,000 services; every benchmark search together -9%)
			'-c',
			'random_page_cost=1.1',
			...(config.sharedBuffers ? ['-c', `shared_buffers=${config.sharedBuffers}`] : [])
		]
	});
	const db = drizzle({ client, schema }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		close: () => client.close(),
		dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob
	};
}

async function loadPgliteExtensions() {
	const [{ unaccent }, { pg_trgm }, { cube }, { earthdistance }] = await Promise.all([
		import('@electric-sql/pglite/contrib/unaccent'),
		import('@electric-sql/pglite/contrib/pg_trgm'),
		import('@electric-sql/pglite/contrib/cube'),
		import('@electric-sql/pglite/contrib/earthdistance')
	]);
	return { unaccent, pg_trgm, cube, earthdistance };
}

let shared: Promise<Database> | undefined;

/** The process-wide database of the running app, opened on first use. */
export function getDatabase(): Promise<Database> {
	shared ??= openDatabase();
	return shared;
}

export async function getDb(): Promise<Db> {
	return (await getDatabase()).db;
}
