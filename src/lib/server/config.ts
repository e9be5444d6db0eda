/**
 * The one place that reads the environment. Zero configuration works: without
 * DATABASE_URL the portal runs on an embedded PGlite under .data/pglite.
 */
import path from 'node:path';

export type DatabaseConfig =
	| { kind: 'postgres'; url: string }
	| {
			kind: 'pglite';
			dataDir: string | undefined;
			/** Start from a dump of another PGlite database (tests reuse a migrated template). */
			loadDataDir?: Blob;
	  };

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) return { kind: 'postgres', url };
	const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), '.data', 'pglite');
	// "memory://" keeps the embedded database in memory (tests, evaluation)
	return { kind: 'pglite', dataDir: dir === 'memory://' ? undefined : dir };
}

export function readPublicOrigin(env: NodeJS.ProcessEnv = process.env): string {
	return (env.PUBLIC_ORIGIN ?? env.ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** SEARCH_CACHE=0 turns off the search result cache (the benchmark measures without it too). */
export function readSearchCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.SEARCH_CACHE?.trim() !== '0';
}

/** Where the open-data downloads are cached (regenerated when the directory changes). */
export function readOpenDataDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.OPEN_DATA_DIR?.trim() || path.join(process.cwd(), '.data', 'open-data'));
}
