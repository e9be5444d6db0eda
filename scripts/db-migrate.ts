/** npm run db:migrate — applies migrations and installs the reference taxonomy. */
import { openDatabase } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { installReferenceTaxonomy } from '#lib/server/taxonomy/install-reference-taxonomy.ts';

const database = await openDatabase();
try {
	await runMigrations(database);
	const { terms } = await installReferenceTaxonomy(database.db);
	console.log(`migrated (${database.kind}); reference taxonomy: ${terms} terms`);
} finally {
	await database.close();
}
