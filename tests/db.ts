/**
 * createTestDb(): a fresh database with every migration and the reference taxonomy.
 * PGlite in memory by default; with TEST_DATABASE_URL (or DATABASE_URL) a new database is
 * created on that PostgreSQL server and dropped afterwards, so both engines run the db tier.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';

export type TestDb = Database & { destroy: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
	const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
	if (!serverUrl) {
		const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
		await runMigrations(database);
		await installReferenceData(database.db);
		return { ...database, destroy: database.close };
	}
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
