/**
 * npm run bench:import [-- --services 100000 --engine pglite|postgres --keep]
 * Writes an HSDS JSON file of N nested services (default 100,000) into a temporary directory —
 * the curated Milan services of data/seed recombined over neighbourhoods, each with its
 * organization, a place with address and coordinates, a phone, opening hours, a price and its
 * categories — then imports it with the real import path (streamed file → validation → batched
 * per-record transactions → search refresh) into a fresh database, and prints the time and the
 * peak memory (RSS) of the process. PostgreSQL: DATABASE_URL names the server; a database
 * `exchange_bench_<random>` is created there and dropped afterwards. PGlite keeps its data in
 * the temporary directory (PGlite runs inside this process: its memory is in the RSS).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '#lib/server/db/client.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { importServiceItems } from '#lib/server/imports/import-services.ts';
import { readJsonFile } from '#lib/server/imports/read-import-file.ts';
import { uuidV5 } from '#lib/server/shared/ids.ts';

const args = process.argv.slice(2);
const valueOf = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const SERVICES = Number(valueOf('services') ?? 100_000);
if (!Number.isInteger(SERVICES) || SERVICES < 1) throw new Error('--services needs a positive integer');
const ENGINE = valueOf('engine') ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
if (ENGINE !== 'pglite' && ENGINE !== 'postgres') throw new Error('--engine is pglite or postgres');

const PLACES = [
	{ name: 'Brera', lat: 45.4719, lon: 9.1878, cap: '20121' },
	{ name: 'Greco', lat: 45.4991, lon: 9.2133, cap: '20125' },
	{ name: 'Città Studi', lat: 45.4781, lon: 9.2269, cap: '20133' },
	{ name: 'Corvetto', lat: 45.4383, lon: 9.2228, cap: '20139' },
	{ name: 'Gratosoglio', lat: 45.4081, lon: 9.1736, cap: '20142' },
	{ name: 'Giambellino', lat: 45.4489, lon: 9.1431, cap: '20146' },
	{ name: 'San Siro', lat: 45.4711, lon: 9.1242, cap: '20151' },
	{ name: 'Quarto Oggiaro', lat: 45.5131, lon: 9.1372, cap: '20157' },
	{ name: 'Niguarda', lat: 45.5169, lon: 9.1908, cap: '20162' }
];

type Template = { name: string; description?: string; attributes?: unknown[] };

function service(i: number, templates: Template[]) {
	const t = templates[i % templates.length]!;
	const place = PLACES[Math.floor(i / templates.length) % PLACES.length]!;
	const org = Math.floor(i / 50);
	const jitter = ((i * 7919) % 1000) / 100_000;
	return {
		id: uuidV5(`bench-import:service:${i}`),
		name: `${t.name} – ${place.name} ${i}`,
		description: t.description ?? '',
		status: 'active',
		organization: { id: uuidV5(`bench-import:org:${org}`), name: `Ente del terzo settore n. ${org}` },
		service_at_locations: [
			{
				location: {
					id: uuidV5(`bench-import:location:${i}`),
					name: `Sede ${place.name} ${i}`,
					latitude: place.lat + jitter,
					longitude: place.lon - jitter,
					addresses: [
						{ address_1: `Via della Prova ${i}`, city: 'Milano', state_province: 'MI', postal_code: place.cap, country: 'IT' }
					]
				},
				schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '12:30' }]
			}
		],
		phones: [{ number: `02 ${String(1_000_000 + i).slice(1)}` }],
		cost_options: [{ option: i % 3 === 0 ? 'Gratuito' : 'Contributo', amount: i % 3 === 0 ? 0 : 10 }],
		attributes: t.attributes ?? []
	};
}

async function writeServices(file: string) {
	const { services } = JSON.parse(readFileSync('data/seed/curated-services.json', 'utf8')) as { services: Template[] };
	const templates = services.map((s) => ({ name: s.name, description: s.description, attributes: s.attributes }));
	const out = createWriteStream(file);
	out.write('[');
	for (let i = 0; i < SERVICES; i++) {
		if (!out.write(`${i ? ',\n' : '\n'}${JSON.stringify(service(i, templates))}`)) await once(out, 'drain');
	}
	out.end('\n]\n');
	await once(out, 'finish');
}

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
	if (ENGINE === 'pglite') {
		// on disk, as the portal runs it: in memory the whole database would count in the RSS
		const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
		return { database, drop: async () => {} };
	}
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) throw new Error('--engine postgres needs DATABASE_URL (the server; a bench database is created there)');
	const name = `exchange_bench_${randomBytes(4).toString('hex')}`;
	const { default: postgres } = await import('postgres');
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ kind: 'postgres', url: url.toString() });
	return {
		database,
		drop: async () => {
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-bench-import-'));
const file = path.join(dir, 'services.json');
try {
	let started = performance.now();
	await writeServices(file);
	const megabytes = statSync(file).size / (1024 * 1024);
	console.log(`${SERVICES} services, ${megabytes.toFixed(0)} MB of HSDS JSON written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

	const { database, drop } = await openBenchDatabase();
	try {
		await runMigrations(database);
		await installReferenceData(database.db);
		const rssBefore = process.memoryUsage().rss;
		started = performance.now();
		const report = await importServiceItems(database.db, readJsonFile(file), {
			onProgress: (done) => {
				if (done % Math.max(100, Math.floor(SERVICES / 10)) === 0) console.log(`… ${done} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
			}
		});
		const seconds = (performance.now() - started) / 1000;
		// the kernel's high-water mark of the process: the file generation before streams, so it is the import's
		const peakRss = process.resourceUsage().maxRSS * 1024;
		if (report.rejected.length > 0) console.log('rejected:', report.rejected.slice(0, 3));
		console.log(
			`${ENGINE}: imported ${report.created}, updated ${report.updated}, rejected ${report.rejected.length} ` +
				`in ${seconds.toFixed(1)} s (${(SERVICES / seconds).toFixed(0)} services/s); ` +
				`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (before the import ${(rssBefore / 2 ** 20).toFixed(0)} MB)`
		);
	} finally {
		await database.close();
		await drop();
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
