/**
 * The map of the whole directory from search_map_cell, the places counted per cell by triggers
 * on search_point: the same groups, to the last digit, as grouping every place, before and after
 * writes that add, move, close and remove places.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { importServices } from '../imports/import-services.ts';
import { defaultSearchParams } from '../search/inputs.ts';
import { romeClock } from '../search/clock.ts';
import { selectRows } from '../search/rows.ts';
import { uuidV5 } from '../shared/ids.ts';
import { cellShift } from './grid.ts';
import type { Bbox } from './inputs.ts';
import { selectMapCells } from './queries.ts';
import { testPoint } from './test-points.ts';

const id = (key: string) => uuidV5(`counted-cells:${key}`);

const service = (i: number, status = 'active', point = testPoint(i, true)) => ({
	id: id(`service:${i}`),
	name: `Servizio ${i}`,
	description: 'Un servizio di prova per la mappa.',
	status,
	organization: { id: id('organization'), name: 'Ente di prova' },
	service_at_locations: [
		{ location: { id: id(`location:${i}`), location_type: 'physical', name: `Sede ${i}`, latitude: point.lat, longitude: point.lon } }
	]
});

const VIEWS: [string, Bbox, number][] = [
	['the city', { west: 9.03, south: 45.377, east: 9.29, north: 45.545 }, 11],
	['the city, closer', { west: 9.03, south: 45.377, east: 9.29, north: 45.545 }, 12],
	['a municipio', { west: 9.19, south: 45.455, east: 9.27, north: 45.505 }, 13],
	['a view whose edge cuts a cluster of places', { west: 9.15, south: 45.45, east: 9.2276, north: 45.49 }, 14],
	['a neighbourhood', { west: 9.2, south: 45.46, east: 9.25, north: 45.49 }, 16]
];

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	const report = await importServices(t.db, { services: Array.from({ length: 160 }, (_, i) => service(i)) });
	expect(report.rejected).toEqual([]);
});
afterAll(() => t.destroy());

const clock = romeClock(new Date('2026-03-11T09:00:00Z'));
const cells = (view: Bbox, zoom: number, fromPlaces = false) =>
	selectMapCells(t.db, defaultSearchParams(), clock, view, { shift: cellShift(zoom), small: false, fromPlaces }).then((c) =>
		[...c].sort((a, b) => a.lat - b.lat || a.lon - b.lon)
	);

async function expectSameGroups() {
	for (const [, view, zoom] of VIEWS) {
		const counted = await cells(view, zoom);
		expect(counted).toEqual(await cells(view, zoom, true));
		expect(counted.length).toBeGreaterThan(0);
	}
}

describe('the whole directory on the map, from the counted cells', () => {
	it('groups as every place grouped, in every view, partly in view or not', async () => {
		await expectSameGroups();
		const city = await cells(VIEWS[0]![1], 11);
		expect(city.reduce((n, c) => n + c.n, 0)).toBe(160);
		const cut = await cells(VIEWS[3]![1], 14);
		// the view's edge leaves some places of a group out of view
		expect(cut.some((c) => c.in_view > 0 && c.in_view < c.n)).toBe(true);
	});

	it('follows every write: new places, moved ones, closed services and removed ones', async () => {
		const report = await importServices(t.db, {
			services: [
				service(200),
				service(3, 'active', { lat: 45.5, lon: 9.1 }),
				service(4, 'inactive'),
				service(14, 'inactive')
			]
		});
		expect(report.rejected).toEqual([]);
		await t.db.execute(sql`DELETE FROM service WHERE id = ${id('service:8')}`);
		await expectSameGroups();
		const [row] = await selectRows<{ n: number }>(t.db, sql`SELECT sum(n)::int AS n FROM search_map_cell`);
		// 160 + 1 new, 2 closed, 1 removed
		expect(row!.n).toBe(158);
	});
});
