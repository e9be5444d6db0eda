/**
 * createTestDb(): a fresh database with every migration and the reference data.
 * PGlite in memory by default; with TEST_DATABASE_URL a new database is created on that
 * PostgreSQL server and dropped afterwards, so both engines run the db tier.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '#lib/server/db/client.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';

export type TestDb = Database & { destroy: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	return serverUrl ? createServerTestDb(serverUrl) : createPgliteTestDb();
}

/**
 * Creating a PGlite cluster (initdb in WASM) costs seconds; loading a dump of an already
 * migrated one costs a fraction. The dump is cached on disk, keyed by everything that shapes
 * the database: migrations, reference data and the installers.
 */
async function createPgliteTestDb(): Promise<TestDb> {
	const cacheFile = path.resolve('node_modules/.cache/piazza', `test-db-${templateKey()}.tar.gz`);
	if (existsSync(cacheFile)) {
		const database = await openDatabase({
			kind: 'pglite',
			dataDir: undefined,
			loadDataDir: new Blob([readFileSync(cacheFile)])
		});
		return { ...database, destroy: database.close };
	}
	const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
	await runMigrations(database);
	await installReferenceData(database.db);
	const dump = await database.dumpDataDir!();
	mkdirSync(path.dirname(cacheFile), { recursive: true });
	const partial = `${cacheFile}.${process.pid}.partial`;
	writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
	renameSync(partial, cacheFile); // atomic: a parallel worker never reads half a file
	return { ...database, destroy: database.close };
}

function templateKey(): string {
	const hash = createHash('sha256');
	const add = (dir: string, filter: (name: string) => boolean) => {
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
			if (!entry.isFile() || !filter(entry.name)) continue;
			const file = path.join(entry.parentPath, entry.name);
			hash.update(file).update(readFileSync(file));
		}
	};
	add('drizzle', (n) => n.endsWith('.sql') || n.endsWith('.json'));
	add('data/reference', (n) => n.endsWith('.json'));
	add('src/lib/server', (n) => n.startsWith('install-') && n.endsWith('.ts'));
	return hash.digest('hex').slice(0, 16);
}

async function createServerTestDb(serverUrl: string): Promise<TestDb> {
	const name = `piazza_test_${randomBytes(6).toString('hex')}`;
	const { default: postgres } = await import('postgres');
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ kind: 'postgres', url: url.toString() });
	await runMigrations(database);
	await installReferenceData(database.db);
	return {
		...database,
		destroy: async () => {
			await database.close();
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}
