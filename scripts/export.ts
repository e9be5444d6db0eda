/**
 * npm run export -- --format hsds-json|datapackage|csv|geojson <path>
 *
 * Writes the whole directory of the configured database (DATABASE_URL, else PGlite under
 * PGLITE_DIR) as open data: see src/lib/server/exports/export-directory.ts and docs/open-data.md.
 * A datapackage <path> ending in .zip is a zip, otherwise a directory. Exit status 2 on bad usage.
 */
import { readPublicOrigin } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { EXPORT_FORMATS, exportDirectory, type ExportFormat } from '#lib/server/exports/export-directory.ts';

const USAGE = `uso: npm run export -- --format ${EXPORT_FORMATS.join('|')} <percorso>`;

const args = process.argv.slice(2);
const formatAt = args.indexOf('--format');
const format = formatAt >= 0 ? args[formatAt + 1] : undefined;
const targets = args.filter((a, i) => !a.startsWith('--') && i !== formatAt + 1);
if (!format || !EXPORT_FORMATS.includes(format as ExportFormat) || targets.length !== 1) {
	console.error(format && !EXPORT_FORMATS.includes(format as ExportFormat) ? `formato sconosciuto: ${format}\n${USAGE}` : USAGE);
	process.exit(2);
}

const database = await openDatabase();
try {
	const started = performance.now();
	await exportDirectory(database.db, format as ExportFormat, targets[0]!, { origin: readPublicOrigin() });
	console.error(`${format} → ${targets[0]} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
	await database.close();
}
