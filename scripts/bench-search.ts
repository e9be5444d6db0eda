/**
 * npm run bench:search [-- --services 100000 --runs 40 --dir .data/bench --engine pglite|postgres --reuse --trace]
 * Seeds a scaled directory into a fresh database with bulk SQL — services recombined from the
 * curated Milan services of data/seed (names, descriptions, categories), spread over the nine
 * municipi with coordinates, opening hours and prices — refreshes the search documents and the
 * vocabulary, then prints p50/p95 latency of searchServices() for a mix of searches.
 * Always on PGlite; on PostgreSQL too when DATABASE_URL is set (a temporary database is created
 * on that server and dropped afterwards). With --dir the PGlite database lives in that folder and
 * is reused by the next run with the same --services, which then skips the seeding; --reuse does
 * the same with the PostgreSQL database DATABASE_URL names (a dedicated one: it is seeded).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { defaultSearchParams } from '#lib/server/search/inputs.ts';
import { refreshSearchDocuments } from '#lib/server/search/refresh-search-documents.ts';
import { refreshSearchVocabulary } from '#lib/server/search/refresh-search-vocabulary.ts';
import { selectRows } from '#lib/server/search/rows.ts';
import { searchServices } from '#lib/server/search/search-services.ts';
import type { SearchParams } from '#lib/server/search/types.ts';
import { createTestDb } from '#tests/db.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	const value = i >= 0 ? Number(args[i + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
	return value;
};
const SERVICES = option('services', 100_000);
const dirAt = args.indexOf('--dir');
const DIR = dirAt >= 0 ? args[dirAt + 1] : undefined;
/** Prints the time of every statement of one run per scenario. */
const TRACE = args.includes('--trace');
const engineAt = args.indexOf('--engine');
const ENGINE = engineAt >= 0 ? args[engineAt + 1] : 'both';
const RUNS = option('runs', 40);
/** Bench in the database DATABASE_URL names, kept for the next run, instead of a temporary one. */
const REUSE = args.includes('--reuse');
const WARMUP = 3;

/** Neighbourhoods by municipio, with a point near their middle. */
const NEIGHBOURHOODS: { name: string; municipio: number; lat: number; lon: number }[] = [
	{ name: 'Brera', municipio: 1, lat: 45.4719, lon: 9.1878 },
	{ name: 'Porta Romana', municipio: 1, lat: 45.4523, lon: 9.2036 },
	{ name: 'Greco', municipio: 2, lat: 45.4991, lon: 9.2133 },
	{ name: 'Gorla', municipio: 2, lat: 45.5076, lon: 9.2236 },
	{ name: 'Città Studi', municipio: 3, lat: 45.4781, lon: 9.2269 },
	{ name: 'Lambrate', municipio: 3, lat: 45.4853, lon: 9.2411 },
	{ name: 'Corvetto', municipio: 4, lat: 45.4383, lon: 9.2228 },
	{ name: 'Forlanini', municipio: 4, lat: 45.4571, lon: 9.2476 },
	{ name: 'Vigentino', municipio: 5, lat: 45.4322, lon: 9.2003 },
	{ name: 'Gratosoglio', municipio: 5, lat: 45.4081, lon: 9.1736 },
	{ name: 'Barona', municipio: 6, lat: 45.4375, lon: 9.1611 },
	{ name: 'Giambellino', municipio: 6, lat: 45.4489, lon: 9.1431 },
	{ name: 'San Siro', municipio: 7, lat: 45.4711, lon: 9.1242 },
	{ name: 'Baggio', municipio: 7, lat: 45.4611, lon: 9.0869 },
	{ name: 'Quarto Oggiaro', municipio: 8, lat: 45.5131, lon: 9.1372 },
	{ name: 'Gallaratese', municipio: 8, lat: 45.4972, lon: 9.1119 },
	{ name: 'Niguarda', municipio: 9, lat: 45.5169, lon: 9.1908 },
	{ name: 'Affori', municipio: 9, lat: 45.5197, lon: 9.1736 }
];

const PRACTICAL = [
	'Si accede su appuntamento telefonico.',
	'Il servizio è gratuito per i residenti.',
	'È richiesta la presentazione dell\'ISEE in corso di validità.',
	'Presenza di mediatori culturali e materiali in più lingue.',
	'Gli operatori ricevono senza appuntamento il martedì mattina.',
	'La domanda si presenta online o allo sportello del Municipio.',
	'Il servizio è accessibile a persone con disabilità motoria.',
	'In estate gli orari possono essere ridotti.'
];

type Template = { name: string; description: string; areas: string[]; audiences: string[] };

function loadTemplates(): Template[] {
	const file = path.resolve(process.cwd(), 'data/seed/curated-services.json');
	const { services } = JSON.parse(readFileSync(file, 'utf8')) as {
		services: {
			name: string;
			description?: string;
			attributes?: { taxonomy_term?: { taxonomy?: string; code?: string } }[];
		}[];
	};
	const codes = (s: (typeof services)[number], taxonomy: string) =>
		(s.attributes ?? []).flatMap((a) =>
			a.taxonomy_term?.taxonomy === taxonomy && a.taxonomy_term.code ? [a.taxonomy_term.code] : []
		);
	return services.map((s) => ({
		name: s.name,
		description: s.description ?? '',
		areas: codes(s, 'aree-di-bisogno'),
		audiences: codes(s, 'destinatari')
	}));
}

async function seed(db: Db): Promise<void> {
	const templates = loadTemplates();
	await db.execute(sql`DROP TABLE IF EXISTS bench_template, bench_place`);
	await db.execute(sql`CREATE TEMP TABLE bench_template AS
		SELECT (i - 1)::int AS idx, v->>'name' AS name, v->>'description' AS description,
			ARRAY(SELECT jsonb_array_elements_text(v->'areas')) AS areas,
			ARRAY(SELECT jsonb_array_elements_text(v->'audiences')) AS audiences
		FROM jsonb_array_elements(${JSON.stringify(templates)}::jsonb) WITH ORDINALITY AS e(v, i)`);
	await db.execute(sql`CREATE TEMP TABLE bench_place AS
		SELECT (i - 1)::int AS idx, v->>'name' AS name, (v->>'municipio')::int AS municipio,
			(v->>'lat')::float8 AS lat, (v->>'lon')::float8 AS lon
		FROM jsonb_array_elements(${JSON.stringify(NEIGHBOURHOODS)}::jsonb) WITH ORDINALITY AS e(v, i)`);
	const templateCount = templates.length;
	const placeCount = NEIGHBOURHOODS.length;
	const organizations = Math.max(1, Math.round(SERVICES / 50));

	await db.execute(sql`INSERT INTO organization (id, name, description, slug)
		SELECT md5('bench-org-' || g)::uuid, 'Ente del terzo settore n. ' || g, '', 'bench-ente-' || g
		FROM generate_series(1, ${organizations}) g`);
	// a service: a curated template, in a neighbourhood, with one sentence of another template
	// and one practical sentence, so the vocabulary mixes the way real descriptions do
	await db.execute(sql`INSERT INTO service (id, organization_id, name, description, status, slug, free_of_charge, audience_description)
		SELECT md5('bench-service-' || g)::uuid,
			md5('bench-org-' || (1 + g % ${organizations}))::uuid,
			t.name || ' – ' || p.name,
			t.description || ' ' || split_part(other.description, '. ', 1) || '. ' ||
				(${`{${PRACTICAL.map((s) => `"${s.replace(/"/g, '\\"')}"`).join(',')}}`}::text[])[1 + (g * 7) % ${PRACTICAL.length}],
			CASE WHEN g % 50 = 0 THEN 'inactive' ELSE 'active' END,
			'bench-servizio-' || g,
			g % 5 <> 0,
			'Rivolto a ' || coalesce(array_to_string(t.audiences, ', '), 'tutti')
		FROM generate_series(1::bigint, ${SERVICES}::bigint) g
		JOIN bench_template t ON t.idx = g % ${templateCount}
		JOIN bench_template other ON other.idx = (g * 31 + 7) % ${templateCount}
		JOIN bench_place p ON p.idx = (g * 13) % ${placeCount}`);
	await db.execute(sql`INSERT INTO location (id, name, latitude, longitude, municipio, nil_name)
		SELECT md5('bench-location-' || g)::uuid, 'Sede ' || p.name,
			p.lat + ((g * 7919) % 2001 - 1000) / 100000.0,
			p.lon + ((g * 104729) % 2001 - 1000) / 70000.0,
			p.municipio, p.name
		FROM generate_series(1::bigint, ${SERVICES}::bigint) g JOIN bench_place p ON p.idx = (g * 13) % ${placeCount}`);
	await db.execute(sql`INSERT INTO address (id, location_id, address_1, city, state_province, postal_code, country)
		SELECT md5('bench-address-' || g)::uuid, md5('bench-location-' || g)::uuid,
			'Via della Bench ' || (g % 300 + 1), 'Milano', 'MI', '201' || lpad((g % 60)::text, 2, '0'), 'IT'
		FROM generate_series(1::bigint, ${SERVICES}::bigint) g`);
	await db.execute(sql`INSERT INTO service_at_location (id, service_id, location_id)
		SELECT md5('bench-sal-' || g)::uuid, md5('bench-service-' || g)::uuid, md5('bench-location-' || g)::uuid
		FROM generate_series(1::bigint, ${SERVICES}::bigint) g`);
	await db.execute(sql`INSERT INTO attribute (id, link_id, taxonomy_term_id, link_type, link_entity)
		SELECT md5('bench-attribute-' || g || '-' || tt.id)::uuid, md5('bench-service-' || g)::uuid, tt.id,
			CASE WHEN tt.taxonomy = 'destinatari' THEN 'audience' ELSE 'area_of_need' END, 'service'
		FROM generate_series(1::bigint, ${SERVICES}::bigint) g
		JOIN bench_template t ON t.idx = g % ${templateCount}
		CROSS JOIN LATERAL (
			SELECT DISTINCT code FROM unnest(t.areas || t.audiences) AS code
		) c
		JOIN taxonomy_term tt ON tt.code = c.code AND tt.taxonomy IN ('aree-di-bisogno', 'destinatari')`);
	// opening hours: most services on weekday mornings or afternoons, some on Saturday, a few
	// night services, a few with summer-only hours
	await db.execute(sql`INSERT INTO schedule (id, service_id, freq, byday, opens_at, closes_at, valid_from, valid_to)
		SELECT md5('bench-schedule-' || g)::uuid, md5('bench-service-' || g)::uuid, 'WEEKLY',
			CASE WHEN g % 10 = 0 THEN 'MO,TU,WE,TH,FR,SA' WHEN g % 33 = 0 THEN 'MO,TU,WE,TH,FR,SA,SU' ELSE 'MO,TU,WE,TH,FR' END,
			CASE WHEN g % 33 = 0 THEN '20:00' WHEN g % 2 = 0 THEN '09:00' ELSE '14:00' END,
			CASE WHEN g % 33 = 0 THEN '08:00' WHEN g % 2 = 0 THEN '13:00' ELSE '18:00' END,
			CASE WHEN g % 20 = 0 THEN date '2026-06-15' END,
			CASE WHEN g % 20 = 0 THEN date '2026-09-10' END
		FROM generate_series(1::bigint, ${SERVICES}::bigint) g
		WHERE g % 8 <> 0`);
	await db.execute(sql`DROP TABLE bench_template, bench_place`);
}

type Scenario = { label: string; params: Partial<SearchParams>[] };

const SCENARIOS: Scenario[] = [
	{ label: 'single keyword', params: ['logopedia', 'badante', 'nido', 'affitto', 'consultorio'].map((q) => ({ q })) },
	{
		label: 'colloquial phrase',
		params: ["soldi per l'affitto", 'non arrivo a fine mese', 'mio figlio lo prendono in giro a scuola'].map((q) => ({ q }))
	},
	{
		label: 'long sentence',
		params: [
			{ q: 'sono una mamma sola con un bambino piccolo e lavoro tutto il giorno, non so a chi lasciarlo' },
			{ q: 'mio padre è malato e non riesce più a stare da solo in casa, cerchiamo qualcuno che lo aiuti' }
		]
	},
	{ label: 'typo', params: ['asistenza domiciliare', 'bulismo', 'consulotrio familiare'].map((q) => ({ q })) },
	{
		label: 'filters only',
		params: [
			{ area: 'sostegno-economico', municipio: 4 },
			{ audience: 'anziani', free: true },
			{ area: 'nidi-micronidi' }
		]
	},
	{
		label: 'text + area + municipio',
		params: [
			{ q: 'assistenza', area: 'sostegno-a-casa', municipio: 3 },
			{ q: 'centro', area: 'tempo-libero', municipio: 8 }
		]
	},
	{
		label: 'near + radius',
		params: [
			{ near: { lat: 45.4642, lon: 9.19 }, radiusKm: 2 },
			{ q: 'nido', near: { lat: 45.4981, lon: 9.2081 }, radiusKm: 3 }
		]
	},
	{ label: 'open now', params: [{ q: 'sportello', openNow: true }, { openNow: true, municipio: 2 }] },
	{ label: 'page 5', params: [{ q: 'servizi sociali', page: 5 }, { q: 'anziani', page: 5 }] },
	{ label: 'browse (no text)', params: [{}] }
];

const ms = (n: number) => n.toFixed(1).padStart(9);
const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/**
 * Times every scenario twice: cold, with the result cache off (every search reads its matches),
 * and repeated, with the cache on and the same searches asked again within the same minute (a
 * family paging, popular searches, the A-Z index's links).
 */
async function measure(db: Db, label: string) {
	// a weekday morning, when most services are open
	const now = new Date('2026-03-11T09:30:00Z');
	console.log(`\n${label}: ${SERVICES} services, ${RUNS} runs per scenario (ms)`);
	console.log(
		`${'scenario'.padEnd(26)} ${'cold p50'.padStart(9)} ${'cold p95'.padStart(9)} ${'cold max'.padStart(9)} ${'rep. p50'.padStart(9)} ${'rep. p95'.padStart(9)}  results`
	);
	const everything = { cold: [] as number[], repeated: [] as number[] };
	for (const scenario of SCENARIOS) {
		const totals = new Set<number>();
		if (TRACE) await trace(db, defaultSearchParams(scenario.params[0]), now);
		const time = async (cache: boolean) => {
			const times: number[] = [];
			// repeated: every search of the scenario has been asked once before
			if (cache) for (const params of scenario.params) await searchServices(db, defaultSearchParams(params), { now });
			for (let run = -WARMUP; run < RUNS; run++) {
				const params = defaultSearchParams(scenario.params[(run + WARMUP) % scenario.params.length]);
				const started = performance.now();
				const outcome = await searchServices(db, params, { now, cache });
				if (run >= 0) times.push(performance.now() - started);
				totals.add(outcome.total);
			}
			return times.sort((a, b) => a - b);
		};
		const cold = await time(false);
		const repeated = await time(true);
		everything.cold.push(...cold);
		everything.repeated.push(...repeated);
		console.log(
			`${scenario.label.padEnd(26)} ${ms(percentile(cold, 50))} ${ms(percentile(cold, 95))} ${ms(cold.at(-1)!)} ${ms(percentile(repeated, 50))} ${ms(percentile(repeated, 95))}  ${[...totals].slice(0, 4).join('/')}`
		);
	}
	const cold = everything.cold.sort((a, b) => a - b);
	const repeated = everything.repeated.sort((a, b) => a - b);
	console.log(
		`${'all'.padEnd(26)} ${ms(percentile(cold, 50))} ${ms(percentile(cold, 95))} ${ms(cold.at(-1)!)} ${ms(percentile(repeated, 50))} ${ms(percentile(repeated, 95))}`
	);
}

async function trace(db: Db, params: SearchParams, now: Date) {
	const execute = db.execute.bind(db);
	const lines: string[] = [];
	db.execute = (async (query: Parameters<Db['execute']>[0]) => {
		const started = performance.now();
		const result = await execute(query);
		const text = JSON.stringify(query).match(/(SELECT|WITH)[^"\\]{0,40}/)?.[0] ?? '?';
		lines.push(`    ${(performance.now() - started).toFixed(1).padStart(7)} ms  ${text}`);
		return result;
	}) as Db['execute'];
	try {
		await searchServices(db, params, { now, cache: false });
	} finally {
		db.execute = execute;
	}
	console.log(lines.join('\n'));
}

async function prepare(database: Database) {
	const step = async (label: string, work: () => Promise<unknown>) => {
		const started = performance.now();
		await work();
		console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
	};
	await step('seed', () => seed(database.db));
	// planner statistics of the bulk-loaded tables, or the refresh joins run on blind guesses
	await step('analyze', () => database.db.execute(sql`ANALYZE`));
	await step('search documents and entries', () => refreshSearchDocuments(database.db));
	await step('vocabulary (and statistics)', () => refreshSearchVocabulary(database.db));
}

/** Seeds a database kept between runs (a PGlite folder, or DATABASE_URL with --reuse) unless it holds the corpus. */
async function prepareKept(database: Database, where: string) {
	await runMigrations(database);
	await installReferenceData(database.db);
	const [{ n: existing }] = (await selectRows<{ n: number }>(
		database.db,
		sql`SELECT count(*)::int AS n FROM service`
	)) as [{ n: number }];
	if (existing === SERVICES) console.log('  reusing the seeded database');
	else if (existing === 0) await prepare(database);
	else throw new Error(`${where} holds ${existing} services, not ${SERVICES}: empty it or pass --services ${existing}`);
}

async function benchPglite() {
	const database = await openDatabase({ kind: 'pglite', dataDir: DIR });
	try {
		console.log(`PGlite (${DIR ?? 'in memory'}):`);
		await prepareKept(database, DIR ?? 'the database');
		await measure(database.db, 'PGlite');
	} finally {
		await database.close();
	}
}

async function benchPostgres() {
	if (REUSE) {
		const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
		try {
			console.log('\nPostgreSQL (DATABASE_URL, kept):');
			await prepareKept(database, 'DATABASE_URL');
			await measure(database.db, 'PostgreSQL');
		} finally {
			await database.close();
		}
		return;
	}
	const database = await createTestDb();
	try {
		console.log('\nPostgreSQL (temporary database):');
		await prepare(database);
		await measure(database.db, 'PostgreSQL');
	} finally {
		await database.destroy();
	}
}

if (ENGINE !== 'postgres') await benchPglite();
if (ENGINE !== 'pglite') {
	if (process.env.DATABASE_URL) await benchPostgres();
	else console.log('\nPostgreSQL: skipped (set DATABASE_URL to a server to run it there too)');
}
