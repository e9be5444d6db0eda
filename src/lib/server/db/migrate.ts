import path from 'node:path';
import type { Database } from './client.ts';

// Scripts, tests and the CLI run from the repository root.
export const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

/** Applies every pending migration in drizzle/ (generated and hand-written SQL alike). */
export async function runMigrations(database: Database): Promise<void> {
	if (database.kind === 'postgres') {
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await migrate(database.db as any, { migrationsFolder });
	} else {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await migrate(database.db as any, { migrationsFolder });
	}
}
