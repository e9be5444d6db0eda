/**
 * npm run import -- <file.json | data package directory> [--dry-run]
 * npm run import -- --from <HSDS API base url> [--dry-run]
 *
 * Imports HSDS 3.1 services into the configured database (DATABASE_URL, else PGlite under
 * PGLITE_DIR), migrating it first so it works on a fresh clone. Sources: HSDS JSON (an array,
 * an HSDS API page {"contents": [...]}, or {"services": [...]}; streamed, any size), an HSDS
 * tabular data package (a directory with datapackage.json and one CSV per table), or every page
 * of another HSDS API. Exit status: 0 all imported, 1 some records rejected (the others are in),
 * 2 unreadable or malformed input, or a server that fails (nothing written).
 */
import { openDatabase } from '#lib/server/db/client.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { importServiceItems } from '#lib/server/imports/import-services.ts';
import { readImportSource } from '#lib/server/imports/read-import-file.ts';
import { readHsdsApi } from '#lib/server/imports/read-hsds-api.ts';
import { isAppError } from '#lib/server/shared/errors.ts';

const USAGE = 'uso: npm run import -- <file.json | cartella del pacchetto dati> [--dry-run]\n     npm run import -- --from <indirizzo API HSDS> [--dry-run]';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const from = fromAt >= 0 ? args[fromAt + 1] : undefined;
if (fromAt >= 0 && (!from || from.startsWith('--'))) fail(USAGE);
const rest = fromAt < 0 ? args : args.filter((_, i) => i !== fromAt && i !== fromAt + 1);
const flags = rest.filter((a) => a.startsWith('--'));
const targets = rest.filter((a) => !a.startsWith('--'));
const unknownFlags = flags.filter((f) => f !== '--dry-run');
if (unknownFlags.length > 0) fail(`opzione sconosciuta: ${unknownFlags.join(' ')}\n${USAGE}`);
if (from ? targets.length !== 0 : targets.length !== 1) fail(USAGE);
const dryRun = flags.includes('--dry-run');
const label = from ?? targets[0]!;

let items;
try {
	items = from ? readHsdsApi(from) : readImportSource(targets[0]!);
} catch (error) {
	if (isAppError(error)) fail(`${label}: ${error.message}`);
	throw error;
}

const database = await openDatabase();
try {
	await runMigrations(database);
	await installReferenceData(database.db);
	const started = performance.now();
	let reported = 0;
	let report;
	try {
		report = await importServiceItems(database.db, items, {
			dryRun,
			onProgress: (done) => {
				if (done - reported < 5000) return;
				reported = done;
				console.error(`… ${done}`);
			}
		});
	} catch (error) {
		if (isAppError(error)) {
			console.error(`${label}: ${error.message}\nnessun record scritto`);
			process.exitCode = 2;
		} else throw error;
	}
	if (report) {
		const total = report.created + report.updated + report.rejected.length;
		const seconds = (performance.now() - started) / 1000;
		if (dryRun) console.log('dry run: records validated and rehearsed, nothing written');
		console.log(`imported ${report.created}, updated ${report.updated}, rejected ${report.rejected.length}`);
		for (const r of report.rejected) {
			const who = [r.id, r.name].filter(Boolean).join(' ');
			console.log(`- ${r.where}${who ? ` ${who}` : ''}: ${r.reasons.join('; ')}`);
		}
		console.error(`${total} records in ${seconds.toFixed(1)} s (${(total / Math.max(seconds, 0.001)).toFixed(0)} services/s)`);
		process.exitCode = report.rejected.length > 0 ? 1 : 0;
	}
} finally {
	await database.close();
}
