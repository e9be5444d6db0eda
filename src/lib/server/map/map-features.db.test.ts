/**
 * /api/map's places against a real database: the services on the map are exactly the located
 * services /cerca finds for the same parameters (the engine's own matching), and the points
 * carry what a popup needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { parseSearchParams } from '../search/inputs.ts';
import { FIXTURE_SERVICES, fixtureId, loadSearchFixture } from '../search/search-fixture.ts';
import { searchServices } from '../search/search-services.ts';
import { MILAN_EXTENT, parseMapParams } from './inputs.ts';
import { sql } from 'drizzle-orm';
import { selectRows } from '../search/rows.ts';
import { toPixel } from './grid.ts';
import { CLUSTER_MAX_ZOOM, findMapFeatures, type MapClusterFeature, type MapPointFeature } from './map-features.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

/** Wednesday 11 March 2026, 10:00 in Milan. */
const now = new Date('2026-03-11T09:00:00Z');
const located = new Set(FIXTURE_SERVICES.filter((s) => s.municipio !== null).map((s) => fixtureId(s.key)));

async function searchIds(query: string): Promise<string[]> {
	const parsed = parseSearchParams(new URLSearchParams(`${query}&per_page=100`));
	if (!parsed.ok) throw new Error(parsed.error.message);
	const outcome = await searchServices(t.db, parsed.params, { now });
	expect(outcome.total).toBeLessThanOrEqual(100);
	return outcome.hits.map((h) => h.id);
}

async function mapFeatures(query: string) {
	const parsed = parseMapParams(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.error.message);
	return findMapFeatures(t.db, parsed.params, { now });
}

describe('findMapFeatures', () => {
	it.each([
		'area=sostegno-a-casa',
		'q=asilo',
		"q=soldi per l'affitto",
		'q=consulotrio',
		'area=scuola&free=true',
		'municipio=2',
		'audience=anziani',
		'open_now=true',
		'near=45.4642,9.19&radius_km=3',
		'q=nido&municipio=9',
		'q=zqxjvwk'
	])('places the same services as /cerca for %s', async (query) => {
		const expected = (await searchIds(query)).filter((id) => located.has(id)).sort();
		// past the last zoom with clusters, every place of the city
		const collection = await mapFeatures(`${query}&zoom=18`);
		expect(collection.clustered).toBe(false);
		const onMap = [...new Set(collection.features.map((f) => (f as MapPointFeature).properties.service_id))].sort();
		expect(onMap).toEqual(expected);
		expect(collection.total_in_view).toBe(collection.features.length);
	});

	it('finds something for most of those searches (the comparison is not of empty lists)', async () => {
		const all = await mapFeatures('zoom=18');
		expect(all.features.length).toBe(located.size - 1); // the inactive service is not on the map
		expect((await mapFeatures('area=sostegno-a-casa')).features.length).toBeGreaterThan(0);
		expect((await mapFeatures('q=asilo')).features.length).toBeGreaterThan(0);
	});

	it('gives each point its service, link, organization, areas and address', async () => {
		const { features } = await mapFeatures('q=badante&zoom=18');
		const carers = features.find(
			(f) => !f.properties.cluster && f.properties.service_id === fixtureId('assistenti-familiari')
		) as MapPointFeature;
		expect(carers.geometry.type).toBe('Point');
		expect(carers.properties).toMatchObject({
			cluster: false,
			name: expect.stringMatching(/\w/),
			url: expect.stringMatching(/^\/servizi\/[a-z0-9-]+$/),
			organization: expect.stringMatching(/^Ente /),
			areas: expect.arrayContaining([expect.any(String)]),
			address: expect.stringMatching(/^Via|^Viale/)
		});
	});

	it('keeps to the view: a view of one municipio shows only its places; one outside Milan none', async () => {
		// Municipio 9's fixture point is at 45.5096, 9.1721
		const north = await mapFeatures('bbox=9.16,45.50,9.18,45.52&zoom=18');
		expect(north.features.length).toBeGreaterThan(0);
		for (const f of north.features) expect(f.geometry.coordinates).toEqual([9.172105, 45.509625]);
		// a street-level view reads its own places through the spatial index: the same ones
		const street = await mapFeatures('bbox=9.165,45.505,9.18,45.515&zoom=18');
		expect(street.features.map((f) => f.id).sort()).toEqual(north.features.map((f) => f.id).sort());
		const rome = await mapFeatures('bbox=12.4,41.8,12.6,42&zoom=12');
		expect(rome.features).toEqual([]);
		const world = await mapFeatures('bbox=-180,-90,180,90&zoom=3');
		expect(world.bbox).toEqual([MILAN_EXTENT.west, MILAN_EXTENT.south, MILAN_EXTENT.east, MILAN_EXTENT.north]);
		expect(world).toMatchObject({ clustered: true, total_in_view: located.size - 1 });
		expect(world.features.length).toBeLessThan(located.size - 1);
	});

	it('stores each place at the pixel the grid code computes', async () => {
		const points = await selectRows<{ latitude: number; longitude: number; x: number; y: number }>(
			t.db,
			sql`SELECT latitude, longitude, x, y FROM search_point`
		);
		expect(points.length).toBeGreaterThan(10);
		for (const p of points) expect({ x: p.x, y: p.y }).toEqual(toPixel(p.longitude, p.latitude));
	});

	it('groups the whole city: counts add up, each centre inside its box, each group split by its zoom', async () => {
		const city = await mapFeatures('zoom=9');
		expect(city.clustered).toBe(true);
		expect(city.features.length).toBeLessThan(located.size - 1);
		const counted = city.features.reduce((n, f) => n + (f.properties.cluster ? f.properties.point_count : 1), 0);
		expect(counted).toBe(city.total_in_view);
		expect(city.total_in_view).toBe(located.size - 1);
		const groups = city.features.filter((f): f is MapClusterFeature => f.properties.cluster);
		expect(groups.some((g) => g.properties.expansion_zoom <= CLUSTER_MAX_ZOOM)).toBe(true);
		for (const group of groups) {
			const [w, s, e, n] = group.properties.bbox;
			const [lon, lat] = group.geometry.coordinates;
			expect(lon).toBeGreaterThanOrEqual(w);
			expect(lon).toBeLessThanOrEqual(e);
			expect(lat).toBeGreaterThanOrEqual(s);
			expect(lat).toBeLessThanOrEqual(n);
			const zoom = group.properties.expansion_zoom;
			expect(zoom).toBeGreaterThan(9);
			if (zoom > CLUSTER_MAX_ZOOM) continue; // places at one spot
			// at the zoom it names, the group's places no longer share one cell
			const box = [w - 1e-5, s - 1e-5, e + 1e-5, n + 1e-5].map((v) => v.toFixed(6)).join(',');
			const inside = await mapFeatures(`bbox=${box}&zoom=${zoom}`);
			expect(inside.features.length).toBeGreaterThan(1);
			expect(inside.total_in_view).toBe(group.properties.point_count);
		}
	});

	it('keeps a group whole on the edge of the view, and counts in view only the places inside it', async () => {
		// the fixture's places sit at the nine municipi's centres: at zoom 9 they share a few cells
		const city = await mapFeatures('zoom=9');
		const group = city.features.find(
			(f): f is MapClusterFeature => f.properties.cluster && f.properties.bbox[0] < f.properties.bbox[2]
		)!;
		const [w, s, e, n] = group.properties.bbox;
		// a view covering only the western part of the group's box
		const cut = await mapFeatures(`bbox=${[w - 0.05, s, (w + e) / 2, n].map((v) => v.toFixed(6)).join(',')}&zoom=9`);
		const same = cut.features.find((f) => f.id === group.id) as MapClusterFeature | undefined;
		expect(same?.properties.point_count).toBe(group.properties.point_count);
		expect(cut.total_in_view).toBeLessThanOrEqual(group.properties.point_count);
	});
});
