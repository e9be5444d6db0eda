/**
 * The map's data: the places of the services a search matches, inside the view, as GeoJSON.
 * Places that would overlap on the screen are grouped on the server on a grid of CELL_PX-pixel
 * cells (grid.ts), in the database, in one pass over the search's places: each group carries its
 * count, its mean position, the box of its places and the zoom that splits it; a cell with one
 * place shows that place. A group on the edge of the view comes whole (its places outside the view
 * count in it, not in the view's total), so groups do not change as the family pans. Nothing is kept between requests, so every answer is as fresh as the
 * data and the first view of a search costs what any other does; browsers may keep a response
 * for the minute its cache-control allows. docs/geo.md has the measurements behind this design
 * (npm run bench:map).
 */
import type { DbOrTx } from '../db/client.ts';
import { romeClock } from '../search/clock.ts';
import { cellShift, splittingZoom } from './grid.ts';
import type { Bbox, MapParams } from './inputs.ts';
import { selectMapCells, selectPlaceDetails, type MapCell } from './queries.ts';

/** The last zoom with groups: from the next one on, a view shows every place. */
export const CLUSTER_MAX_ZOOM = 17;

/** [west, south, east, north], as GeoJSON writes a bounding box. */
export type BboxArray = [number, number, number, number];

export type MapPointFeature = {
	type: 'Feature';
	id: string;
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: {
		cluster: false;
		service_id: string;
		name: string;
		url: string;
		organization: string;
		areas: string[];
		address: string | null;
	};
};

export type MapClusterFeature = {
	type: 'Feature';
	id: string;
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: { cluster: true; point_count: number; expansion_zoom: number; bbox: BboxArray };
};

export type MapFeatureCollection = {
	type: 'FeatureCollection';
	/** The view answered: the asked one clamped to Milan. */
	bbox: BboxArray;
	zoom: number;
	/** How many places of the search fall in the view, whether shown one by one or clustered. */
	total_in_view: number;
	clustered: boolean;
	features: (MapPointFeature | MapClusterFeature)[];
};

/**
 * A street-level view (about 2.5 × 2 km, zoom 16 on a wide screen, 15 on a phone): its places
 * are found through the spatial index rather than by reading the search's places in full.
 */
export function isSmallView(view: Bbox): boolean {
	return view.east - view.west <= SMALL_VIEW.width && view.north - view.south <= SMALL_VIEW.height;
}
export const SMALL_VIEW = { width: 0.032, height: 0.018 };

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export type ViewItem =
	| { kind: 'place'; id: string; coordinates: [number, number] }
	| { kind: 'cluster'; id: string; coordinates: [number, number]; count: number; expansionZoom: number; bbox: BboxArray };

/**
 * What a view shows at a zoom, from the cells of its places: a cell with one place is that
 * place, one with more a group; past CLUSTER_MAX_ZOOM every place is its own cell. `total` counts
 * the places inside the view (a group on its edge may hold a few outside it).
 */
export function itemsOfCells(cells: MapCell[], zoom: number): { total: number; clustered: boolean; items: ViewItem[] } {
	let total = 0;
	let clustered = false;
	// a cell of the widened view with nothing inside the view itself is not shown
	const items = cells.flatMap((cell): ViewItem[] => {
		if (cell.in_view === 0) return [];
		total += cell.in_view;
		const coordinates: [number, number] = [round(cell.lon), round(cell.lat)];
		if (cell.place_id) return [{ kind: 'place', id: cell.place_id, coordinates }];
		clustered = true;
		const bbox: BboxArray = [round(cell.west), round(cell.south), round(cell.east), round(cell.north)];
		const splits = splittingZoom(cell);
		return [
			{
				kind: 'cluster',
				// the group's box names it: the same places give the same id at every zoom
				id: `cluster-${bbox.join('_')}`,
				coordinates,
				count: cell.n,
				expansionZoom: Math.min(Math.max(splits ?? CLUSTER_MAX_ZOOM + 1, zoom + 1), CLUSTER_MAX_ZOOM + 1),
				bbox
			}
		];
	});
	return { total, clustered, items };
}

export async function findMapFeatures(
	db: DbOrTx,
	{ search, bbox, zoom }: MapParams,
	options: { now?: Date } = {}
): Promise<MapFeatureCollection> {
	const clock = romeClock(options.now ?? new Date());
	const empty = bbox.west === bbox.east || bbox.south === bbox.north;
	const cells = empty
		? []
		: await selectMapCells(db, search, clock, bbox, {
				shift: zoom > CLUSTER_MAX_ZOOM ? null : cellShift(zoom),
				small: isSmallView(bbox)
			});
	const { total, clustered, items } = itemsOfCells(cells, zoom);
	const placeIds = items.flatMap((item) => (item.kind === 'place' ? [item.id] : []));
	const details = new Map((await selectPlaceDetails(db, placeIds)).map((d) => [d.id, d]));
	const features = items.flatMap((item): (MapPointFeature | MapClusterFeature)[] => {
		const geometry = { type: 'Point' as const, coordinates: item.coordinates };
		if (item.kind === 'cluster') {
			return [
				{
					type: 'Feature',
					id: item.id,
					geometry,
					properties: { cluster: true, point_count: item.count, expansion_zoom: item.expansionZoom, bbox: item.bbox }
				}
			];
		}
		const d = details.get(item.id);
		// a place deleted between the two reads is left out
		if (!d) return [];
		return [
			{
				type: 'Feature',
				id: d.id,
				geometry,
				properties: {
					cluster: false,
					service_id: d.serviceId,
					name: d.name,
					url: `/servizi/${d.slug}`,
					organization: d.organization,
					areas: d.areas,
					address: d.address
				}
			}
		];
	});
	return {
		type: 'FeatureCollection',
		bbox: [bbox.west, bbox.south, bbox.east, bbox.north],
		zoom,
		total_in_view: total,
		clustered,
		features
	};
}
