/**
 * The map of a word read from the documents' matches (each carrying the pixel of its service's
 * one place, the services with several joined to their places) against the same search read
 * from every place of search_point: the same groups to the last digit, and the same place for a
 * group of one, in every view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { importServices } from '../imports/import-services.ts';
import { romeClock } from '../search/clock.ts';
import { defaultSearchParams } from '../search/inputs.ts';
import { selectRows } from '../search/rows.ts';
import { refreshSearchVocabulary } from '../search/refresh-search-vocabulary.ts';
import type { SearchParams } from '../search/types.ts';
import { uuidV5 } from '../shared/ids.ts';
import { cellShift } from './grid.ts';
import type { Bbox } from './inputs.ts';
import { selectMapCells, type MapCell } from './queries.ts';
import { testPoint } from './test-points.ts';

const id = (key: string) => uuidV5(`entry-cells:${key}`);

const location = (i: number, k: number, point: { lat: number; lon: number } | null) => ({
	location: {
		id: id(`location:${i}:${k}`),
		location_type: 'physical',
		name: `Sede ${i}.${k}`,
		...(point ? { latitude: point.lat, longitude: point.lon } : {})
	}
});

/**
 * Every third service is a nursery; every tenth has three places (one of them where another
 * service is), every thirteenth none located; every other one works in home care (a filter).
 */
const service = (i: number) => ({
	id: id(`service:${i}`),
	name: `Servizio ${i}`,
	description: i % 3 === 0 ? 'Asilo nido e spazio gioco per bambini piccoli.' : 'Centro sportivo comunale con palestra.',
	status: i % 23 === 0 ? 'inactive' : 'active',
	organization: { id: id('organization'), name: 'Ente di prova' },
	attributes: i % 2 === 0 ? [{ taxonomy_term: { code: 'sostegno-a-casa', name: 'sostegno-a-casa', taxonomy: 'aree-di-bisogno' } }] : [],
	service_at_locations:
		i % 13 === 0
			? [location(i, 0, null)]
			: i % 10 === 0
				? [location(i, 0, testPoint(i)), location(i, 1, testPoint(i + 1000)), location(i, 2, testPoint(7))]
				: [location(i, 0, testPoint(i))]
});

/** One address: a nursery with home care, and what a search for one must not name there. */
const SHARED = { lat: 45.45, lon: 9.17 };
const atShared = (key: string, description: string, extra: object) => ({
	id: id(`service:${key}`),
	name: `Servizio ${key}`,
	description,
	status: 'active',
	organization: { id: id('organization'), name: 'Ente di prova' },
	service_at_locations: [{ location: { id: id(`location:${key}`), location_type: 'physical', name: key, latitude: SHARED.lat, longitude: SHARED.lon } }],
	...extra
});
const HOME_CARE = [{ taxonomy_term: { code: 'sostegno-a-casa', name: 'sostegno-a-casa', taxonomy: 'aree-di-bisogno' } }];
const SHARED_SERVICES = [
	atShared('sports', 'Centro sportivo comunale con palestra.', { attributes: HOME_CARE }),
	atShared('closed-nursery', 'Asilo nido chiuso.', { status: 'inactive', attributes: HOME_CARE }),
	atShared('plain-nursery', 'Asilo nido comunale.', {}),
	atShared('nursery', 'Asilo nido con assistenza a casa.', { attributes: HOME_CARE })
];

const VIEWS: [string, Bbox, number][] = [
	['the city', { west: 9.03, south: 45.377, east: 9.29, north: 45.545 }, 11],
	['a municipio', { west: 9.19, south: 45.455, east: 9.27, north: 45.505 }, 13],
	['a view whose edge cuts through groups', { west: 9.15, south: 45.45, east: 9.2276, north: 45.49 }, 14],
	['a neighbourhood, groups of one', { west: 9.16, south: 45.44, east: 9.22, north: 45.48 }, 17]
];

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	const report = await importServices(t.db, {
		services: [...SHARED_SERVICES, ...Array.from({ length: 150 }, (_, i) => service(i))]
	});
	expect(report.rejected).toEqual([]);
	await refreshSearchVocabulary(t.db);
});
afterAll(() => t.destroy());

const clock = romeClock(new Date('2026-03-11T09:00:00Z'));
const cells = (params: Partial<SearchParams>, view: Bbox, zoom: number, fromPlaces: boolean) =>
	selectMapCells(t.db, defaultSearchParams(params), clock, view, { shift: cellShift(zoom), small: false, fromPlaces }).then(
		(c) => [...c].sort((a, b) => a.lat - b.lat || a.lon - b.lon)
	);

describe('the map of a word, from the documents matched', () => {
	it.each([
		['nido', { q: 'nido' }],
		['a word and a filter', { q: 'nido', area: 'sostegno-a-casa' }],
		['another word', { q: 'palestra' }]
	])('groups as the places of %s grouped, in every view', async (_, params) => {
		for (const [, view, zoom] of VIEWS) {
			const fromEntries = await cells(params, view, zoom, false);
			expect(fromEntries).toEqual(await cells(params, view, zoom, true));
			expect(fromEntries.length).toBeGreaterThan(0);
		}
	});

	it('counts the places of the services with several, and names the place of a group of one', async () => {
		const city = await cells({ q: 'nido' }, VIEWS[0]![1], 11, false);
		// 50 nurseries: 0, 69 and 138 inactive; 39, 78 and 117 not located; 30, 60, 90 and 120
		// with three places each; and the two open at the shared address
		expect(city.reduce((n, c) => n + c.n, 0)).toBe(50 - 3 - 3 - 4 + 4 * 3 + 2);
		const alone = (await cells({ q: 'nido' }, VIEWS[3]![1], 17, false)).filter((c) => c.n === 1);
		expect(alone.length).toBeGreaterThan(0);
		expect(alone.every((c) => c.place_id !== null)).toBe(true);
	});

	it('names, of the places at one address, the one the search finds', async () => {
		const [nursery] = await selectRows<{ id: string }>(
			t.db,
			sql`SELECT id::text FROM service_at_location WHERE service_id = ${id('service:nursery')}`
		);
		const shared = (c: MapCell) => Math.abs(c.lat - SHARED.lat) < 1e-5 && Math.abs(c.lon - SHARED.lon) < 1e-5;
		const groups = await cells({ q: 'nido', area: 'sostegno-a-casa' }, VIEWS[3]![1], 17, false);
		expect(groups.filter(shared)).toEqual([expect.objectContaining({ n: 1, place_id: nursery!.id })]);
	});
});
