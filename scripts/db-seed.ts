/**
 * npm run db:seed — fills the configured database with the demo data of Milan (open data and
 * curated records, see docs/data-sources.md). Applies migrations and reference data first.
 * Idempotent: ids are UUID v5 of each record's source key, so a second run updates in place.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { seedDemoData } from '#lib/server/seed/seed-demo-data.ts';

const database = await openDatabase();
try {
	await runMigrations(database);
	await installReferenceData(database.db);
	const started = Date.now();
	let lastShown = 0;
	const report = await seedDemoData(database.db, {
		onProgress: (done, total) => {
			if (done - lastShown >= 250 || done === total) {
				lastShown = done;
				process.stdout.write(`\r  importati ${done}/${total}`);
			}
		}
	});
	process.stdout.write('\n');
	console.log(
		`seed (${database.kind}): ${report.services} servizi in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
			`(${report.created} nuovi, ${report.updated} aggiornati, ${report.rejected} rifiutati)`
	);
	type AreaCount = { area: string; name: string; services: number };
	const perArea = (await database.db.execute(sql`
		SELECT t.code AS area, t.name, count(DISTINCT s.id)::int AS services
		FROM taxonomy_term t
		LEFT JOIN attribute a ON a.taxonomy_term_id = t.id AND a.link_entity = 'service'
		LEFT JOIN service s ON s.id = a.link_id AND s.status = 'active'
		WHERE t.taxonomy = 'aree-di-bisogno' AND t.kind = 'area'
		GROUP BY t.code, t.name, t.position
		ORDER BY t.position`)) as unknown as AreaCount[] | { rows: AreaCount[] };
	console.log('servizi attivi per area di bisogno:');
	for (const row of rowsOf(perArea)) console.log(`  ${String(row.services).padStart(5)}  ${row.name} (${row.area})`);
} finally {
	await database.close();
}

/** drizzle returns { rows } on PGlite and an array on postgres-js. */
function rowsOf<T>(result: T[] | { rows: T[] }): T[] {
	return Array.isArray(result) ? result : result.rows;
}
