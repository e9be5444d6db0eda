import { describe, expect, it } from 'vitest';
import { toPixel } from './grid.ts';
import { CLUSTER_MAX_ZOOM, itemsOfCells, MARKER_GAP_PX } from './map-features.ts';
import type { MapCell } from './queries.ts';

const place = (id: string, lat: number, lon: number): MapCell => ({
	n: 1,
	in_view: 1,
	lat,
	lon,
	south: lat,
	north: lat,
	west: lon,
	east: lon,
	place_id: id
});

// 400 places on a grid in Brera, two of them outside the view
const brera: MapCell = {
	n: 400,
	in_view: 398,
	lat: 45.4738,
	lon: 9.18475,
	south: 45.47,
	north: 45.4776,
	west: 9.18,
	east: 9.1895,
	place_id: null
};

describe('itemsOfCells', () => {
	it('shows a cell with one place as that place, one with more as a group', () => {
		const view = itemsOfCells([brera, place('baggio', 45.4611, 9.0869)], 11);
		expect(view).toMatchObject({ total: 399, clustered: true });
		expect(view.items[1]).toEqual({ kind: 'place', id: 'baggio', coordinates: [9.0869, 45.4611], inView: 1 });
		expect(view.items[0]).toMatchObject({
			kind: 'cluster',
			count: 400,
			coordinates: [9.18475, 45.4738],
			bbox: [9.18, 45.47, 9.1895, 45.4776]
		});
	});

	it('names a group after its box, so the same places keep their id', () => {
		const [a] = itemsOfCells([brera], 11).items;
		const [b] = itemsOfCells([brera], 12).items;
		expect(a!.kind === 'cluster' && a!.id).toBe(b!.kind === 'cluster' && b!.id);
	});

	it('zooms a click at least one level in and never past the last zoom with groups', () => {
		const [wide] = itemsOfCells([brera], 11).items;
		expect(wide).toMatchObject({ expansionZoom: expect.any(Number) });
		const zoom = wide!.kind === 'cluster' ? wide!.expansionZoom : 0;
		expect(zoom).toBeGreaterThan(11);
		expect(zoom).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM + 1);
		const stacked: MapCell = { ...brera, n: 3, south: 45.47, north: 45.47, west: 9.18, east: 9.18 };
		expect(itemsOfCells([stacked], 16).items[0]).toMatchObject({ expansionZoom: CLUSTER_MAX_ZOOM + 1 });
		expect(itemsOfCells([brera], CLUSTER_MAX_ZOOM).items[0]).toMatchObject({ expansionZoom: CLUSTER_MAX_ZOOM + 1 });
	});

	it('answers nothing for no cells, and leaves out a cell with nothing inside the view', () => {
		expect(itemsOfCells([], 12)).toEqual({ total: 0, clustered: false, items: [] });
		expect(itemsOfCells([{ ...place('outside', 45.5, 9.2), in_view: 0 }], 12)).toEqual({ total: 0, clustered: false, items: [] });
	});
});

describe('mergeCrowded', () => {
	it('merges markers that would overlap on the screen, the largest group absorbing its neighbours', () => {
		// two cells either side of an edge, 20 m apart, and a place across the city
		const items = itemsOfCells(
			[
				{ ...brera, n: 5, lat: 45.47, lon: 9.18, south: 45.4699, north: 45.4701, west: 9.1799, east: 9.1801 },
				{ ...brera, n: 2, lat: 45.47, lon: 9.18025, south: 45.47, north: 45.47, west: 9.1802, east: 9.1803 },
				place('niguarda', 45.515, 9.19)
			],
			14
		).items;
		expect(items).toHaveLength(2);
		const group = items.find((i) => i.kind === 'cluster')!;
		expect(group).toMatchObject({ count: 7, bbox: [9.1799, 45.4699, 9.1803, 45.4701] });
		expect(group.kind === 'cluster' && group.expansionZoom).toBeGreaterThan(14);
		expect(items.find((i) => i.kind === 'place')).toMatchObject({ id: 'niguarda' });
	});

	it('keeps markers apart that do not touch, and leaves every place alone past the last zoom with groups', () => {
		const apart = [place('a', 45.47, 9.18), place('b', 45.47, 9.19)];
		expect(itemsOfCells(apart, 16).items.map((i) => i.kind)).toEqual(['place', 'place']);
		const close = [place('a', 45.47, 9.18), place('b', 45.47, 9.18001)];
		expect(itemsOfCells(close, 16).items).toHaveLength(1);
		expect(itemsOfCells(close, CLUSTER_MAX_ZOOM + 1).items).toHaveLength(2);
	});

	it('never leaves two markers closer than the gap', () => {
		const crowd = Array.from({ length: 200 }, (_, i) => place(`p${i}`, 45.46 + (i % 20) * 0.0007, 9.17 + Math.floor(i / 20) * 0.0009));
		for (const zoom of [13, 15, 17]) {
			const items = itemsOfCells(crowd, zoom).items;
			expect(items.reduce((n, i) => n + (i.kind === 'cluster' ? i.count : 1), 0)).toBe(200);
			const px = items.map((i) => {
				const p = toPixel(i.coordinates[0], i.coordinates[1]);
				return { x: p.x * 2 ** (zoom - 22), y: p.y * 2 ** (zoom - 22) };
			});
			for (let a = 0; a < px.length; a++)
				for (let b = a + 1; b < px.length; b++)
					expect(Math.hypot(px[a]!.x - px[b]!.x, px[a]!.y - px[b]!.y)).toBeGreaterThanOrEqual(MARKER_GAP_PX);
		}
	});
});
