/**
 * A scaled directory for the benchmarks (bench:search, bench:map): services recombined from the
 * curated Milan services of data/seed (names, descriptions, categories), spread over the nine
 * municipi around 18 neighbourhoods with coordinates, opening hours and prices, seeded with bulk
 * SQL, then the search documents and vocabulary refreshed as an import would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readSharedBuffers } from '#lib/server/config.ts';
import { openDatabase, type Database, type Db } from '#lib/server/db/client.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { refreshSearchDocuments } from '#lib/server/search/refresh-search-documents.ts';
import { refreshSearchVocabulary } from '#lib/server/search/refresh-search-vocabulary.ts';
import { selectRows } from '#lib/server/search/rows.ts';
import { createTestDb } from '#tests/db.ts';

/** Neighbourhoods by municipio, with a point near their middle. */
export const NEIGHBOURHOODS: { name: string; municipio: number; lat: number; lon: number }[] = [
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

async function seed(db: Db, services: number): Promise<void> {
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
	const organizations = Math.max(1, Math.round(services / 50));

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
		FROM generate_series(1::bigint, ${services}::bigint) g
		JOIN bench_template t ON t.idx = g % ${templateCount}
		JOIN bench_template other ON other.idx = (g * 31 + 7) % ${templateCount}
		JOIN bench_place p ON p.idx = (g * 13) % ${placeCount}`);
	await db.execute(sql`INSERT INTO location (id, name, latitude, longitude, municipio, nil_name)
		SELECT md5('bench-location-' || g)::uuid, 'Sede ' || p.name,
			p.lat + ((g * 7919) % 2001 - 1000) / 100000.0,
			p.lon + ((g * 104729) % 2001 - 1000) / 70000.0,
			p.municipio, p.name
		FROM generate_series(1::bigint, ${services}::bigint) g JOIN bench_place p ON p.idx = (g * 13) % ${placeCount}`);
	await db.execute(sql`INSERT INTO address (id, location_id, address_1, city, state_province, postal_code, country)
		SELECT md5('bench-address-' || g)::uuid, md5('bench-location-' || g)::uuid,
			'Via della Bench ' || (g % 300 + 1), 'Milano', 'MI', '201' || lpad((g % 60)::text, 2, '0'), 'IT'
		FROM generate_series(1::bigint, ${services}::bigint) g`);
	await db.execute(sql`INSERT INTO service_at_location (id, service_id, location_id)
		SELECT md5('bench-sal-' || g)::uuid, md5('bench-service-' || g)::uuid, md5('bench-location-' || g)::uuid
		FROM generate_series(1::bigint, ${services}::bigint) g`);
	await db.execute(sql`INSERT INTO attribute (id, link_id, taxonomy_term_id, link_type, link_entity)
		SELECT md5('bench-attribute-' || g || '-' || tt.id)::uuid, md5('bench-service-' || g)::uuid, tt.id,
			CASE WHEN tt.taxonomy = 'destinatari' THEN 'audience' ELSE 'area_of_need' END, 'service'
		FROM generate_series(1::bigint, ${services}::bigint) g
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
		FROM generate_series(1::bigint, ${services}::bigint) g
		WHERE g % 8 <> 0`);
	await db.execute(sql`DROP TABLE bench_template, bench_place`);
}

/** Seeds `services` services (one location each) into a migrated, empty database. */
export async function prepareScaledDirectory(database: Database, services: number): Promise<void> {
	const step = async (label: string, work: () => Promise<unknown>) => {
		const started = performance.now();
		await work();
		console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
	};
	await step('seed', () => seed(database.db, services));
	// planner statistics of the bulk-loaded tables, or the refresh joins run on blind guesses
	await step('analyze', () => database.db.execute(sql`ANALYZE`));
	await step('search documents and entries', () => refreshSearchDocuments(database.db));
	await step('vocabulary (and statistics)', () => refreshSearchVocabulary(database.db));
}

export type BenchOptions = {
	services: number;
	/** PGlite's folder, kept between runs (in memory without it). */
	dir: string | undefined;
	engine: 'pglite' | 'postgres' | 'both';
	/** Bench in the PostgreSQL database DATABASE_URL names, kept, instead of a temporary one. */
	reuse: boolean;
};

/** Seeds a database kept between runs unless it already holds the scaled directory. */
async function prepareKept(database: Database, services: number, where: string): Promise<void> {
	await runMigrations(database);
	await installReferenceData(database.db);
	const [{ n: existing }] = (await selectRows<{ n: number }>(
		database.db,
		sql`SELECT count(*)::int AS n FROM service`
	)) as [{ n: number }];
	if (existing === services) console.log('  reusing the seeded database');
	else if (existing === 0) await prepareScaledDirectory(database, services);
	else throw new Error(`${where} holds ${existing} services, not ${services}: empty it or pass --services ${existing}`);
}

/**
 * Runs `measure` on PGlite and, when DATABASE_URL is set, on PostgreSQL, each holding the scaled
 * directory: a kept database (PGlite's folder, or DATABASE_URL's with `reuse`) is seeded once; a
 * temporary PostgreSQL database is created on DATABASE_URL's server and dropped afterwards.
 */
export async function benchOnEngines(
	options: BenchOptions,
	measure: (db: Db, label: string) => Promise<void>
): Promise<void> {
	const kept = async (database: Database, title: string, where: string, label: string) => {
		try {
			console.log(title);
			await prepareKept(database, options.services, where);
			await measure(database.db, label);
		} finally {
			await database.close();
		}
	};
	if (options.engine !== 'postgres') {
		// a directory this size is about 1 GB: PGlite's default 128MB of buffers would measure its
		// file reads (PGLITE_SHARED_BUFFERS chooses another size)
		const sharedBuffers = readSharedBuffers(process.env.PGLITE_SHARED_BUFFERS) ?? '1GB';
		const database = await openDatabase({ kind: 'pglite', dataDir: options.dir, sharedBuffers });
		await kept(
			database,
			`PGlite (${options.dir ?? 'in memory'}, shared_buffers ${sharedBuffers}):`,
			options.dir ?? 'the database',
			'PGlite'
		);
	}
	if (options.engine === 'pglite') return;
	const url = process.env.DATABASE_URL;
	if (!url) {
		console.log('\nPostgreSQL: skipped (set DATABASE_URL to a server to run it there too)');
		return;
	}
	if (options.reuse) {
		const database = await openDatabase({ kind: 'postgres', url });
		await kept(database, '\nPostgreSQL (DATABASE_URL, kept):', 'DATABASE_URL', 'PostgreSQL');
		return;
	}
	// createTestDb() creates (and drops) its own database on the server TEST_DATABASE_URL names:
	// without this line it would quietly bench PGlite again
	process.env.TEST_DATABASE_URL ??= url;
	const database = await createTestDb();
	try {
		console.log('\nPostgreSQL (temporary database):');
		await prepareScaledDirectory(database, options.services);
		await measure(database.db, 'PostgreSQL');
	} finally {
		await database.destroy();
	}
}
