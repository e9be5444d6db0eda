import { describe, expect, it } from 'vitest';
import { CLUSTER_MAX_ZOOM, itemsOfCells } from './map-features.ts';
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
		expect(view.items[1]).toEqual({ kind: 'place', id: 'baggio', coordinates: [9.0869, 45.4611] });
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
