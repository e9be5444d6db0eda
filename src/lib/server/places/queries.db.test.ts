import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { createOfflineGeocoder } from '../geo/offline-geocoder.ts';
import { installBoundaries } from '../geo/install-boundaries.ts';
import { findGeocodedAddresses } from '../geo/queries.ts';
import { locateInMilan } from '../geo/locate.ts';
import { seedDemoData } from '../seed/seed-demo-data.ts';
import { AppError } from '../shared/errors.ts';
import { findMunicipi, findNilList, findPlaceSitemapEntries, getMunicipioPage, getNilPage } from './queries.ts';

let database: TestDb;

const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
	const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
};

beforeAll(async () => {
	database = await createTestDb();
	await seedDemoData(database.db);
}, 300_000);

afterAll(async () => {
	await database?.destroy();
});

describe('boundaries as reference data', () => {
	it('installs the 9 municipi and the 88 NIL, idempotently, with centres inside their areas', async () => {
		await installBoundaries(database.db); // a second run updates, never duplicates
		const [counts] = await rows<{ municipi: number; nil: number }>(
			sql`SELECT (SELECT count(*) FROM municipio)::int AS municipi, (SELECT count(*) FROM nil)::int AS nil`
		);
		expect(counts).toEqual({ municipi: 9, nil: 88 });
		const nil = await rows<{ id: number; centre_lat: number; centre_lon: number; geometry: { type: string } }>(
			sql`SELECT id, centre_lat, centre_lon, geometry FROM nil ORDER BY id`
		);
		for (const n of nil) {
			expect(n.geometry.type).toBe('Polygon');
			expect(locateInMilan(n.centre_lat, n.centre_lon).nilId).toBe(n.id);
		}
	});

	it('gives every seeded location with coordinates a municipio and a NIL that exist in the tables', async () => {
		const [check] = await rows<{ located: number; matched: number; consistent: number }>(sql`
			SELECT count(*)::int AS located,
				count(m.number) FILTER (WHERE n.id IS NOT NULL)::int AS matched,
				count(*) FILTER (WHERE n.name = l.nil_name)::int AS consistent
			FROM location l
			LEFT JOIN municipio m ON m.number = l.municipio
			LEFT JOIN nil n ON n.id = l.nil_id
			WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL`);
		expect(check!.located).toBeGreaterThan(1000);
		expect(check).toEqual({ located: check!.located, matched: check!.located, consistent: check!.located });
	});

	it('refuses a location in a municipio that does not exist (foreign key)', async () => {
		await expect(
			database.db.execute(
				sql`INSERT INTO location (id, municipio) VALUES ('00000000-0000-4000-8000-000000000001', 10)`
			)
		).rejects.toThrow();
	});
});

describe('pages of places', () => {
	it('lists the 9 municipi with their services and NILs', async () => {
		const municipi = await findMunicipi(database.db);
		expect(municipi.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(municipi.every((m) => m.serviceCount > 20 && m.nilCount >= 4)).toBe(true);
		expect(municipi.reduce((s, m) => s + m.nilCount, 0)).toBe(88);
	});

	it('builds municipio 2: areas with counts, its NILs, its information desks', async () => {
		const page = await getMunicipioPage(database.db, 2);
		expect(page.municipio.name).toBe('Municipio 2');
		expect(page.areas).toHaveLength(11);
		const [direct] = await rows<{ n: number }>(sql`
			SELECT count(DISTINCT s.id)::int AS n FROM service s
			JOIN service_at_location sal ON sal.service_id = s.id JOIN location l ON l.id = sal.location_id
			WHERE l.municipio = 2 AND s.status IN ('active', 'temporarily closed')`);
		expect(page.serviceCount).toBe(direct!.n);
		expect(Math.max(...page.areas.map((a) => a.serviceCount))).toBeLessThanOrEqual(page.serviceCount);
		expect(page.areas.some((a) => a.serviceCount > 0)).toBe(true);
		expect(page.nil.map((n) => n.name)).toContain('Padova - Turro - Crescenzago');
		expect(page.nil.every((n) => n.municipio === 2)).toBe(true);
		expect(page.desks.length).toBeGreaterThan(0);
		expect(page.desks.every((d) => d.municipio === 2 && d.areas.includes('orientamento-servizi-sociali'))).toBe(true);
	});

	it('answers NOT_FOUND for municipio 10', async () => {
		await expect(getMunicipioPage(database.db, 10)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('builds a NIL page: all its services, then those of one area, a page at a time', async () => {
		const all = await getNilPage(database.db, 'citta-studi');
		expect(all.nil).toMatchObject({ id: 22, name: 'Città Studi', municipio: 3 });
		expect(all.services.total).toBe(all.serviceCount);
		expect(all.serviceCount).toBeGreaterThan(0);
		const busiest = [...all.areas].sort((a, b) => b.serviceCount - a.serviceCount)[0]!;
		const narrowed = await getNilPage(database.db, 'citta-studi', { area: busiest.id });
		expect(narrowed.area?.id).toBe(busiest.id);
		expect(narrowed.services.total).toBe(busiest.serviceCount);
		expect(narrowed.services.items.every((s) => s.areas.includes(busiest.id) || s.areas.length > 0)).toBe(true);
		expect(narrowed.serviceCount).toBe(all.serviceCount);
	});

	it('answers NOT_FOUND for an unknown NIL and INVALID_INPUT for an unknown area', async () => {
		await expect(getNilPage(database.db, 'atlantide')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const error = await getNilPage(database.db, 'citta-studi', { area: 'nessuna' }).catch((e) => e);
		expect(error).toBeInstanceOf(AppError);
		expect(error.code).toBe('INVALID_INPUT');
	});

	it('lists the 88 NILs by name and gives the sitemap every place', async () => {
		const nil = await findNilList(database.db);
		expect(nil).toHaveLength(88);
		expect(nil[0]!.name).toBe('Adriano');
		const sitemap = await findPlaceSitemapEntries(database.db);
		expect(sitemap.municipi).toHaveLength(9);
		expect(sitemap.nil).toContain('niguarda-ca-granda-prato-centenaro-q-re-fulvio-testi');
	});
});

describe('offline geocoding on the directory', () => {
	const geocoder = () => createOfflineGeocoder({ loadKnownAddresses: () => findGeocodedAddresses(database.db) });

	it('finds Via Padova 36 in municipio 2, on the street, with its CAP', async () => {
		const [result] = await geocoder().search('Via Padova 36');
		expect(result).toMatchObject({ municipio: 2, postalCode: '20131', label: 'Via Padova 36, 20131' });
		expect(['address', 'street']).toContain(result!.precision);
		expect(locateInMilan(result!.lat, result!.lon).municipio).toBe(2);
	});

	it('finds Corso Buenos Aires in municipio 3', async () => {
		const [result] = await geocoder().search('Corso Buenos Aires 20, Milano');
		expect(result).toMatchObject({ municipio: 3 });
		if (result!.precision !== 'municipio') expect(locateInMilan(result!.lat, result!.lon).municipio).toBe(3);
	});

	it('says "address" only when a location of the directory is at that very number', async () => {
		const [known] = await rows<{ address_1: string }>(sql`
			SELECT a.address_1 FROM address a JOIN location l ON l.id = a.location_id
			WHERE l.latitude IS NOT NULL AND a.address_1 ~ '^Via [A-Za-z ]+ [0-9]+$' ORDER BY a.address_1 LIMIT 1`);
		const [result] = await geocoder().search(known!.address_1);
		expect(result!.precision).toBe('address');
	});
});
