/**
 * The map's data: the places of the services a search matches, inside the view, as GeoJSON.
 * Places that would overlap on the screen are clustered on the server with supercluster (a view
 * with hundreds of places always is), each cluster carrying its count, its weighted centre, the
 * box of its places and the zoom that splits it.
 *
 * Indexing 100,000 places costs seconds on PGlite (almost all of it reading them), a view of a
 * built index well under a millisecond; so the index of each search (its text and filters,
 * without page or view) is kept in a small in-process LRU for INDEX_TTL_MS, per database, under
 * the search version (search_state.version, moved by every committed change), so the server
 * never answers from a stale index; browsers may keep a response for the minute its
 * cache-control allows. "Open now" searches are keyed by the minute too. A street-level view of a
 * search not yet indexed reads only its own places instead. docs/geo.md has the measurements
 * behind these choices (npm run bench:map).
 */
import Supercluster from 'supercluster';
import type { DbOrTx } from '../db/client.ts';
import { romeClock, type RomeClock } from '../search/clock.ts';
import { readSearchVersion } from '../search/result-cache.ts';
import type { SearchParams } from '../search/types.ts';
import { MILAN_EXTENT, type Bbox, type MapParams } from './inputs.ts';
import { selectMapPlaces, selectPlaceDetails, type MapPlace } from './queries.ts';

/** Places closer than this on the screen (256-pixel tiles) are merged into a cluster. */
export const CLUSTER_RADIUS_PX = 60;
/** The last zoom with clusters: from the next one on, a view shows every place. */
export const CLUSTER_MAX_ZOOM = 17;
export const INDEX_TTL_MS = 60_000;
export const INDEX_CACHE_SIZE = 16;
/**
 * Places kept in all cached indexes together: an index costs about 0.84 kB per place (measured:
 * 84 MB for 100,000), so this bounds the cache near 250 MB however large the directory.
 */
export const INDEX_CACHE_PLACES = 300_000;

type BoxProps = { w: number; s: number; e: number; n: number };
type PlaceProps = { id: string; x: number; y: number };
type Index = Supercluster<PlaceProps, BoxProps>;

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

type Entry = { index: Promise<Index>; expires: number; places: number };

/** How many places each index holds (supercluster does not say). */
const placeCounts = new WeakMap<Index, number>();

/** Indexes of recent searches, least recently used first (a Map keeps insertion order). */
export class ClusterIndexCache {
	readonly #entries = new Map<string, Entry>();
	readonly #size: number;
	readonly #places: number;
	readonly #ttl: number;
	/** Indexes built (for the benchmark's cold/warm figures and the tests). */
	builds = 0;

	constructor(options: { size?: number; places?: number; ttlMs?: number } = {}) {
		this.#size = options.size ?? INDEX_CACHE_SIZE;
		this.#places = options.places ?? INDEX_CACHE_PLACES;
		this.#ttl = options.ttlMs ?? INDEX_TTL_MS;
	}

	/** The index of a search when it is kept and fresh, without building it. */
	peek(key: string, now = Date.now()): Promise<Index> | undefined {
		const hit = this.#entries.get(key);
		return hit && hit.expires > now ? this.get(key, () => hit.index, now) : undefined;
	}

	get(key: string, build: () => Promise<Index>, now = Date.now()): Promise<Index> {
		const hit = this.#entries.get(key);
		this.#entries.delete(key);
		if (hit && hit.expires > now) {
			this.#entries.set(key, hit);
			return hit.index;
		}
		this.builds++;
		const index = build();
		const entry: Entry = { index, expires: now + this.#ttl, places: 0 };
		// a failed build is not remembered; concurrent requests for one search share one build
		index.then(
			(built) => {
				entry.places = placeCounts.get(built) ?? 0;
				this.#trim(entry);
			},
			() => this.#entries.get(key) === entry && this.#entries.delete(key)
		);
		this.#entries.set(key, entry);
		this.#trim(entry);
		return index;
	}

	/** Forgets the least recently used searches beyond the size or the places budget (never `keep`). */
	#trim(keep: Entry): void {
		let places = 0;
		for (const e of this.#entries.values()) places += e.places;
		for (const [key, e] of this.#entries) {
			if (this.#entries.size <= this.#size && places <= this.#places) break;
			if (e === keep) continue;
			this.#entries.delete(key);
			places -= e.places;
		}
	}

	clear(): void {
		this.#entries.clear();
	}
}

const caches = new WeakMap<object, ClusterIndexCache>();
/** The indexes of one database (tests open many in one process; each has its own). */
function cacheOf(db: DbOrTx): ClusterIndexCache {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new ClusterIndexCache()));
	return cache;
}

/** What identifies the set of matching places: the search without its page. */
export function indexKey(search: SearchParams, clock: RomeClock): string {
	const { q, area, audience, municipio, near, radiusKm, free, openNow } = search;
	return JSON.stringify([q, area, audience, municipio, near, radiusKm, free, openNow, openNow ? clock : null]);
}

/** The index of the places of a search, in the whole city or, for a small view, in that view. */
export async function buildClusterIndex(
	db: DbOrTx,
	search: SearchParams,
	clock: RomeClock,
	view: Bbox = MILAN_EXTENT
): Promise<Index> {
	return clusterPlaces(await selectMapPlaces(db, search, clock, view, { small: isSmallView(view) }));
}

/**
 * A street-level view (about 2.5 × 2 km, zoom 16 on a wide screen, 15 on a phone): its places
 * are quicker to read and cluster on their own than the whole city's.
 */
export function isSmallView(view: Bbox): boolean {
	return view.east - view.west <= SMALL_VIEW.width && view.north - view.south <= SMALL_VIEW.height;
}
export const SMALL_VIEW = { width: 0.032, height: 0.018 };

/** The supercluster index of the places, each cluster keeping the box of its places. */
export function clusterPlaces(places: MapPlace[]): Index {
	const index: Index = new Supercluster<PlaceProps, BoxProps>({
		maxZoom: CLUSTER_MAX_ZOOM,
		radius: CLUSTER_RADIUS_PX,
		extent: 256,
		map: (p) => ({ w: p.x, s: p.y, e: p.x, n: p.y }),
		reduce: (a, b) => {
			a.w = Math.min(a.w, b.w);
			a.s = Math.min(a.s, b.s);
			a.e = Math.max(a.e, b.e);
			a.n = Math.max(a.n, b.n);
		}
	});
	index.load(
		places.map((p) => ({
			type: 'Feature' as const,
			geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
			properties: { id: p.id, x: p.lon, y: p.lat }
		}))
	);
	placeCounts.set(index, places.length);
	return index;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export type ViewItem =
	| { kind: 'place'; id: string; coordinates: [number, number] }
	| { kind: 'cluster'; coordinates: [number, number]; clusterId: number; count: number; expansionZoom: number; bbox: BboxArray };

/**
 * What a view shows at a zoom: places that would overlap on the screen (closer than
 * CLUSTER_RADIUS_PX) merged into clusters, so a view with hundreds of places always comes
 * clustered and a few places far apart come one by one; past CLUSTER_MAX_ZOOM, every place.
 */
export function placesInView(
	index: Index,
	bbox: Bbox,
	zoom: number
): { total: number; clustered: boolean; items: ViewItem[] } {
	if (bbox.west === bbox.east || bbox.south === bbox.north) return { total: 0, clustered: false, items: [] };
	const found = index.getClusters([bbox.west, bbox.south, bbox.east, bbox.north], zoom);
	let total = 0;
	let clustered = false;
	const items = found.map((f): ViewItem => {
		const [lon, lat] = f.geometry.coordinates as [number, number];
		const coordinates: [number, number] = [round(lon), round(lat)];
		if (!('cluster' in f.properties)) {
			total += 1;
			return { kind: 'place', id: (f.properties as PlaceProps).id, coordinates };
		}
		const c = f.properties;
		total += c.point_count;
		clustered = true;
		return {
			kind: 'cluster',
			coordinates,
			clusterId: c.cluster_id,
			count: c.point_count,
			expansionZoom: Math.min(index.getClusterExpansionZoom(c.cluster_id), CLUSTER_MAX_ZOOM + 1),
			bbox: [round(c.w), round(c.s), round(c.e), round(c.n)]
		};
	});
	return { total, clustered, items };
}

export async function findMapFeatures(
	db: DbOrTx,
	{ search, bbox, zoom }: MapParams,
	options: { now?: Date; cache?: ClusterIndexCache } = {}
): Promise<MapFeatureCollection> {
	const clock = romeClock(options.now ?? new Date());
	const cache = options.cache ?? cacheOf(db);
	// the version moves with every committed change to what search reads (search/result-cache.ts)
	const key = `${await readSearchVersion(db)} ${indexKey(search, clock)}`;
	// a street-level view of a search not yet indexed reads only its own places; any other
	// view builds (or reuses) the index of the whole city
	const kept = cache.peek(key);
	const index = kept
		? await kept
		: isSmallView(bbox)
			? await buildClusterIndex(db, search, clock, bbox)
			: await cache.get(key, () => buildClusterIndex(db, search, clock));
	const { total, clustered, items } = placesInView(index, bbox, zoom);
	const placeIds = items.flatMap((item) => (item.kind === 'place' ? [item.id] : []));
	const details = new Map((await selectPlaceDetails(db, placeIds)).map((d) => [d.id, d]));
	const features = items.flatMap((item): (MapPointFeature | MapClusterFeature)[] => {
		const geometry = { type: 'Point' as const, coordinates: item.coordinates };
		if (item.kind === 'cluster') {
			return [
				{
					type: 'Feature',
					id: `cluster-${item.clusterId}`,
					geometry,
					properties: { cluster: true, point_count: item.count, expansion_zoom: item.expansionZoom, bbox: item.bbox }
				}
			];
		}
		const d = details.get(item.id);
		// a place deleted since the index was built is left out
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
