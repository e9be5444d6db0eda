/**
 * The map's data: the places of the services a search matches, inside the view, as GeoJSON.
 * Places that would overlap on the screen are grouped on the server on a grid of CELL_PX-pixel
 * cells (grid.ts), in the database, in one pass over the search's places: each group carries its
 * count, its mean position, the box of its places and the zoom that splits it; a cell with one
 * place shows that place, and markers still too close merge (mergeCrowded). A group on the edge
 * of the view comes whole (its places outside the view count in it, not in the view's total), so
 * groups do not change as the family pans. Nothing is kept between requests, so every answer is
 * as fresh as the data and the first view of a search costs what any other does; browsers may
 * keep a response for the minute its cache-control allows. docs/geo.md has the measurements
 * behind this design (npm run bench:map).
 */
import type { DbOrTx } from '../db/client.ts';
import { romeClock } from '../search/clock.ts';
import { cellShift, PIXEL_ZOOM, splittingZoom, toPixel } from './grid.ts';
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

/** A marker of the view; `inView` counts its places inside the view itself. */
export type ViewItem =
	| { kind: 'place'; id: string; coordinates: [number, number]; inView: number }
	| {
			kind: 'cluster';
			id: string;
			coordinates: [number, number];
			count: number;
			expansionZoom: number;
			bbox: BboxArray;
			inView: number;
	  };

const countOf = (item: ViewItem) => (item.kind === 'cluster' ? item.count : 1);

/**
 * What a view shows at a zoom, from the cells of its places (the view widened by a cell on every
 * side): a cell with one place is that place, one with more a group, and markers that would
 * overlap merge; past CLUSTER_MAX_ZOOM every place is its own cell. What has no place inside
 * the view itself is then left out, and `total` counts the places inside it (a group on its
 * edge may hold a few outside).
 */
export function itemsOfCells(cells: MapCell[], zoom: number): { total: number; clustered: boolean; items: ViewItem[] } {
	let items = cells.map((cell) => cellItem(cell, zoom));
	if (zoom <= CLUSTER_MAX_ZOOM) {
		// a merged group sits at its weighted centre, which may now crowd another: again until none does
		for (let merged = mergeCrowded(items, zoom); merged.length < items.length; merged = mergeCrowded(items, zoom)) {
			items = merged;
		}
	}
	const shown = items.filter((item) => item.inView > 0);
	return {
		total: shown.reduce((n, item) => n + item.inView, 0),
		clustered: shown.some((item) => item.kind === 'cluster'),
		items: shown
	};
}

/** A cell with one place is that place, one with more a group. */
function cellItem(cell: MapCell, zoom: number): ViewItem {
	const coordinates: [number, number] = [round(cell.lon), round(cell.lat)];
	if (cell.place_id) return { kind: 'place', id: cell.place_id, coordinates, inView: cell.in_view };
	const bbox: BboxArray = [round(cell.west), round(cell.south), round(cell.east), round(cell.north)];
	return clusterItem(cell.n, coordinates, bbox, cell.in_view, zoom);
}

/** Markers closer than this on the screen (centre to centre) would cover each other: they merge. */
export const MARKER_GAP_PX = 60;

/**
 * Cells are squares: two places either side of an edge stay apart however close, and their
 * markers would overlap (too small a target to tap, one hiding the other). Items whose centres
 * fall closer than MARKER_GAP_PX on the screen are merged into one group, the largest first
 * absorbing its neighbours, as supercluster does with its radius.
 */
export function mergeCrowded(items: ViewItem[], zoom: number): ViewItem[] {
	const scale = 2 ** (zoom - PIXEL_ZOOM);
	const screen = items.map((item) => {
		const p = toPixel(item.coordinates[0], item.coordinates[1]);
		return { item, x: p.x * scale, y: p.y * scale };
	});
	const bucketOf = (x: number, y: number) => `${Math.floor(x / MARKER_GAP_PX)} ${Math.floor(y / MARKER_GAP_PX)}`;
	const buckets = new Map<string, number[]>();
	screen.forEach((s, i) => {
		const key = bucketOf(s.x, s.y);
		const bucket = buckets.get(key);
		if (bucket) bucket.push(i);
		else buckets.set(key, [i]);
	});
	const taken = new Set<number>();
	const largestFirst = screen.map((_, i) => i).sort((a, b) => countOf(items[b]!) - countOf(items[a]!));
	const merged: ViewItem[] = [];
	for (const i of largestFirst) {
		if (taken.has(i)) continue;
		taken.add(i);
		const centre = screen[i]!;
		const near: number[] = [];
		const bx = Math.floor(centre.x / MARKER_GAP_PX);
		const by = Math.floor(centre.y / MARKER_GAP_PX);
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				for (const j of buckets.get(`${bx + dx} ${by + dy}`) ?? []) {
					const other = screen[j]!;
					if (!taken.has(j) && Math.hypot(other.x - centre.x, other.y - centre.y) < MARKER_GAP_PX) near.push(j);
				}
			}
		}
		for (const j of near) taken.add(j);
		merged.push(near.length === 0 ? centre.item : groupOf([centre.item, ...near.map((j) => items[j]!)], zoom));
	}
	return merged;
}

/** One group of several items: their count, weighted centre, box and the zoom that splits it. */
function groupOf(items: ViewItem[], zoom: number): ViewItem {
	let count = 0;
	let inView = 0;
	let lon = 0;
	let lat = 0;
	const box: BboxArray = [Infinity, Infinity, -Infinity, -Infinity];
	for (const item of items) {
		const n = countOf(item);
		const [w, s, e, north] = item.kind === 'cluster' ? item.bbox : [...item.coordinates, ...item.coordinates];
		count += n;
		inView += item.inView;
		lon += item.coordinates[0] * n;
		lat += item.coordinates[1] * n;
		box[0] = Math.min(box[0], w);
		box[1] = Math.min(box[1], s);
		box[2] = Math.max(box[2], e);
		box[3] = Math.max(box[3], north);
	}
	return clusterItem(count, [round(lon / count), round(lat / count)], box, inView, zoom);
}

function clusterItem(
	count: number,
	coordinates: [number, number],
	bbox: BboxArray,
	inView: number,
	zoom: number
): ViewItem {
	const splits = splittingZoom({ west: bbox[0], south: bbox[1], east: bbox[2], north: bbox[3] });
	return {
		kind: 'cluster',
		// the group's box names it: the same places give the same id at every zoom
		id: `cluster-${bbox.join('_')}`,
		coordinates,
		count,
		expansionZoom: Math.min(Math.max(splits ?? CLUSTER_MAX_ZOOM + 1, zoom + 1), CLUSTER_MAX_ZOOM + 1),
		bbox,
		inView
	};
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
