/** GET /api/map over HTTP: GeoJSON, clamps, and clear 400s for bad input (never a 500). */
import { describe, expect, test } from 'vitest';
import { getJson } from '../support/app.ts';

type Collection = {
	type: 'FeatureCollection';
	bbox: [number, number, number, number];
	zoom: number;
	total_in_view: number;
	clustered: boolean;
	features: {
		type: 'Feature';
		id: string;
		geometry: { type: 'Point'; coordinates: [number, number] };
		properties: Record<string, unknown>;
	}[];
};

async function map(query: string): Promise<Collection> {
	const { status, body, headers } = await getJson(`/api/map?${query}`);
	expect(status, `GET /api/map?${query} → ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
	expect(headers.get('content-type')).toContain('application/geo+json');
	return body as Collection;
}

describe('GET /api/map', () => {
	test('answers GeoJSON points with what a popup needs, inside the view', async () => {
		const view = [9.17, 45.45, 9.21, 45.48] as const;
		const body = await map(`bbox=${view.join(',')}&zoom=17`);
		expect(body.type).toBe('FeatureCollection');
		expect(body.bbox).toEqual([...view]);
		expect(body.features.length).toBeGreaterThan(0);
		for (const f of body.features) {
			const [lon, lat] = f.geometry.coordinates;
			if (f.properties.cluster) {
				// a group on the edge of the view comes whole: its box meets the view
				const [w, s, e, n] = f.properties.bbox as [number, number, number, number];
				expect(w <= view[2] && e >= view[0] && s <= view[3] && n >= view[1], `${f.properties.bbox}`).toBe(true);
				continue;
			}
			expect(lon >= view[0] && lon <= view[2] && lat >= view[1] && lat <= view[3], `${lon},${lat}`).toBe(true);
			expect(f.properties).toMatchObject({
				service_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				name: expect.any(String),
				url: expect.stringMatching(/^\/servizi\/[a-z0-9-]+$/),
				organization: expect.any(String)
			});
		}
	});

	test('clusters the whole city, each cluster with its count, box and the zoom that splits it', async () => {
		const body = await map('zoom=11');
		expect(body.clustered).toBe(true);
		const clusters = body.features.filter((f) => f.properties.cluster);
		expect(clusters.length).toBeGreaterThan(0);
		for (const c of clusters) {
			expect(c.properties.point_count as number).toBeGreaterThan(1);
			expect(c.properties.expansion_zoom as number).toBeGreaterThan(11);
			expect(c.properties.bbox).toHaveLength(4);
		}
		expect(body.features.reduce((n, f) => n + ((f.properties.point_count as number | undefined) ?? 1), 0)).toBe(body.total_in_view);
	});

	test('clamps a view of the whole world to Milan, and a radius of 10,000 km to the maximum', async () => {
		const world = await map('bbox=-180,-90,180,90&zoom=2');
		expect(world.bbox[0]).toBeGreaterThan(9);
		expect(world.bbox[2]).toBeLessThan(9.3);
		expect(world.total_in_view).toBeGreaterThan(100);
		const far = await map('near=45.4642,9.19&radius_km=10000&zoom=18');
		expect(far.total_in_view).toBeGreaterThan(0);
		const rome = await map('bbox=12.4,41.8,12.6,42&zoom=12');
		expect(rome.features).toEqual([]);
	});

	test.each([
		['bbox=abc', 'bbox'],
		['bbox=9.1,45.4,9.2', 'bbox'],
		['bbox=9.3,45.4,9.2,45.5', 'bbox'],
		['bbox=9.1,45.4,9.2,1e999', 'bbox'],
		['bbox=NaN,45.4,9.2,45.5', 'bbox'],
		['zoom=21', 'zoom'],
		['zoom=-1', 'zoom'],
		['zoom=abc', 'zoom'],
		['zoom=12.5', 'zoom'],
		['near=41.9,12.5', 'near'],
		['near=91,9', 'near'],
		['near=45.46,9.19&radius_km=-3', 'radius_km'],
		['municipio=12', 'municipio'],
		['area=non-esiste', 'area']
	])('%s → 400 INVALID_INPUT on %s', async (query, field) => {
		const { status, body } = await getJson(`/api/map?${query}`);
		expect(status).toBe(400);
		expect(body).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String), field } });
		expect((body as { error: { message: string } }).error.message).toMatch(/[a-zà-ù]{4,}/);
	});

	test('the municipi outlines are GeoJSON of the nine municipi', async () => {
		const { status, body } = await getJson('/mappa/municipi.geojson');
		expect(status).toBe(200);
		const outline = body as { features: { properties: { municipio: number } }[] };
		expect(outline.features.map((f) => f.properties.municipio)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
});
