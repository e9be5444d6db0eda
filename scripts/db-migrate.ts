/** npm run db:migrate — applies migrations and installs the reference taxonomy. */
import { openDatabase } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';

const database = await openDatabase();
try {
	await runMigrations(database);
	const installed = await installReferenceData(database.db);
	console.log(`migrated (${database.kind}); reference data: ${installed.join(', ')}`);
} finally {
	await database.close();
}
