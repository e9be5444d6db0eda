import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { uuidV5 } from '../shared/ids.ts';
import { importServices } from '../imports/import-services.ts';
import { defaultSearchParams } from './inputs.ts';
import { tileOf } from './near-tiles.ts';
import { refreshSearchVocabulary } from './refresh-search-vocabulary.ts';
import { selectRows } from './rows.ts';
import { SCORING, searchServices, type Estimation } from './search-services.ts';
import type { SearchParams } from './types.ts';

/** A point in Milan, and two more 300 m (same tile) and 5 km away. */
const HOME = { lat: 45.4981, lon: 9.2081 };
const NEXT_DOOR = { lat: 45.4983, lon: 9.2084 };
const FAR = { lat: 45.4535, lon: 9.2081 };

const id = (key: string) => uuidV5(`near-tiles:${key}`);
const place = (key: string, p: { lat: number; lon: number }) => ({
	location: { id: id(`location:${key}`), location_type: 'physical', name: key, latitude: p.lat, longitude: p.lon }
});
const service = (key: string, places: ReturnType<typeof place>[]) => ({
	id: id(key),
	name: `Ludoteca ${key}`,
	description: 'Spazio gioco per bambini e famiglie.',
	status: 'active',
	organization: { id: id(`organization:${key}`), name: `Ente ${key}` },
	service_at_locations: places
});

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	const report = await importServices(t.db, {
		services: [
			service('una-sede', [place('una-sede', HOME)]),
			service('due-sedi-vicine', [place('due-sedi-vicine-a', HOME), place('due-sedi-vicine-b', NEXT_DOOR)]),
			// its far place is listed first: the search must measure its nearest one
			service('due-sedi-lontane', [place('due-sedi-lontane-a', FAR), place('due-sedi-lontane-b', NEXT_DOOR)]),
			service('lontana', [place('lontana', FAR)]),
			service('senza-sede', [])
		]
	});
	expect(report.rejected).toEqual([]);
	await refreshSearchVocabulary(t.db);
});
afterAll(() => t.destroy());

describe('piazza_tile', () => {
	it('numbers tiles as tileOf does, in Milan and elsewhere', async () => {
		const points = [HOME, FAR, { lat: 45.3, lon: 9.0 }, { lat: -33.86, lon: 151.21 }, { lat: 64.1, lon: -21.9 }, { lat: 0, lon: 0 }];
		for (let i = 0; i < 200; i++) points.push({ lat: 45.38 + (i % 20) * 0.0085, lon: 9.04 + Math.floor(i / 20) * 0.026 });
		const rows = await selectRows<{ tile: number }>(
			t.db,
			sql`SELECT piazza_tile(p.lat, p.lon) AS tile
				FROM unnest(${`{${points.map((p) => p.lat).join(',')}}`}::float8[], ${`{${points.map((p) => p.lon).join(',')}}`}::float8[]) WITH ORDINALITY AS p(lat, lon, n)
				ORDER BY p.n`
		);
		expect(rows.map((r) => r.tile)).toEqual(points.map(tileOf));
	});
});

describe('the tile and point of each entry', () => {
	it('keeps the tile of places in one tile and the point of a single place, nothing otherwise', async () => {
		const rows = await selectRows<{ service_id: string; tile: number | null; point: boolean; filter_tile: number | null; filter_point: boolean }>(
			t.db,
			sql`SELECT e.service_id, e.tile, e.earth IS NOT NULL AS point, f.tile AS filter_tile, f.earth IS NOT NULL AS filter_point
				FROM search_entry e JOIN search_filter_entry f USING (service_id)`
		);
		const of = (key: string) => rows.find((r) => r.service_id === id(key));
		expect(of('una-sede')).toMatchObject({ tile: tileOf(HOME), point: true, filter_tile: tileOf(HOME), filter_point: true });
		expect(of('due-sedi-vicine')).toMatchObject({ tile: tileOf(HOME), point: false, filter_tile: tileOf(HOME) });
		expect(of('due-sedi-lontane')).toMatchObject({ tile: null, point: false, filter_tile: null });
		expect(of('senza-sede')).toMatchObject({ tile: null, point: false });
		expect(tileOf(NEXT_DOOR)).toBe(tileOf(HOME));
	});
});

describe('a text search within a radius, on the estimated path', () => {
	/** Every row sampled, pools of two: the path a large directory takes, on five services. */
	const SAMPLED: Estimation = {
		exactUpTo: 0,
		sampleSize: 1_000_000,
		thinSample: 0,
		phraseCountUpTo: 0,
		phraseEstimateUpTo: 0
	};
	const search = async (overrides: Partial<SearchParams>, estimation?: Estimation) => {
		const poolSize = SCORING.exactlyRanked;
		SCORING.exactlyRanked = 2;
		try {
			const outcome = await searchServices(t.db, defaultSearchParams({ perPage: 100, ...overrides }), { cache: false, estimation });
			return { total: outcome.total, hits: outcome.hits.map((h) => [h.id, h.distanceKm]) };
		} finally {
			SCORING.exactlyRanked = poolSize;
		}
	};

	it('finds what the exact search finds, measuring each service at its nearest place', async () => {
		const params = { q: 'ludoteca', near: HOME, radiusKm: 1 };
		const exact = await search(params);
		expect(exact.total).toBe(3);
		expect(await search(params, SAMPLED)).toEqual(exact);
		const far = exact.hits.find(([key]) => key === id('due-sedi-lontane'));
		expect(far?.[1]).toBeLessThan(0.1);
	});

	it('leaves out the services whose places all lie outside the radius', async () => {
		const found = (await search({ q: 'ludoteca', near: FAR, radiusKm: 1 }, SAMPLED)).hits.map(([key]) => key);
		expect(found.sort()).toEqual([id('due-sedi-lontane'), id('lontana')].sort());
	});
});
