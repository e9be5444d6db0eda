/**
 * npm run import -- <file.json> [--dry-run]
 *
 * Imports HSDS 3.1 services (a JSON array, an HSDS API page {"contents": [...]}, or
 * {"services": [...]}) into the configured database (DATABASE_URL, else PGlite under PGLITE_DIR),
 * migrating it first so it works on a fresh clone. Exit status: 0 all imported, 1 some records
 * rejected (the others are in), 2 unreadable or malformed input (nothing written).
 */
import { openDatabase } from '#lib/server/db/client.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { importServices, servicesOf } from '#lib/server/imports/import-services.ts';
import { readImportFile } from '#lib/server/imports/read-import-file.ts';
import { isAppError } from '#lib/server/shared/errors.ts';

const USAGE = 'uso: npm run import -- <file.json> [--dry-run]';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const files = args.filter((a) => !a.startsWith('--'));
const unknownFlags = flags.filter((f) => f !== '--dry-run');
if (unknownFlags.length > 0) fail(`opzione sconosciuta: ${unknownFlags.join(' ')}\n${USAGE}`);
if (files.length !== 1) fail(USAGE);
const dryRun = flags.includes('--dry-run');

let payload: unknown;
let total: number;
try {
	payload = await readImportFile(files[0]!);
	total = servicesOf(payload).length;
} catch (error) {
	if (isAppError(error)) fail(`${files[0]}: ${error.message}`);
	throw error;
}

const database = await openDatabase();
try {
	await runMigrations(database);
	await installReferenceData(database.db);
	const started = performance.now();
	let reported = 0;
	const report = await importServices(database.db, payload, {
		dryRun,
		onProgress: (done) => {
			if (total < 5000 || done - reported < 5000) return;
			reported = done;
			console.error(`… ${done}/${total}`);
		}
	});
	const seconds = (performance.now() - started) / 1000;
	if (dryRun) console.log('dry run: records validated and rehearsed, nothing written');
	console.log(`imported ${report.created}, updated ${report.updated}, rejected ${report.rejected.length}`);
	for (const r of report.rejected) {
		const who = [r.id, r.name].filter(Boolean).join(' ');
		console.log(`- [${r.index}]${who ? ` ${who}` : ''}: ${r.reasons.join('; ')}`);
	}
	console.error(`${total} records in ${seconds.toFixed(1)} s (${(total / Math.max(seconds, 0.001)).toFixed(0)} services/s)`);
	process.exitCode = report.rejected.length > 0 ? 1 : 0;
} finally {
	await database.close();
}
