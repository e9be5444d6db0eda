/**
 * Reads of the map: the located places of the services a search matches, and the details
 * shown for the points in view. Matching is the search engine's own (`buildQuery` of
 * search-services.ts): the same text, thesaurus, typo correction and filters as /cerca.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { analyzeQuery } from '../search/analyze-query.ts';
import type { RomeClock } from '../search/clock.ts';
import { selectRows } from '../search/rows.ts';
import { buildQuery } from '../search/search-services.ts';
import { distanceKm } from '../search/inputs.ts';
import type { SearchParams } from '../search/types.ts';
import type { Bbox } from './inputs.ts';

/**
 * One place of a matching service, identified by its service_at_location id (a location may
 * host several services): a service with three sites gives three.
 */
export type MapPlace = { id: string; lat: number; lon: number };

/**
 * Every located place, inside `view`, of the active services matching `params`: a service
 * counts as it does in /cerca's total (text and every filter), whatever its rank. The places
 * travel as one text value ("id lat lon,…"): with 100,000 rows PGlite's per-row cost is most of
 * the time otherwise. A small view is found through the GiST index of locations (the circle
 * around the view, then the box); a large one reads the matching places in full.
 */
export async function selectMapPlaces(
	db: DbOrTx,
	params: SearchParams,
	clock: RomeClock,
	view: Bbox,
	{ small = false }: { small?: boolean } = {}
): Promise<MapPlace[]> {
	const plan = params.q ? await analyzeQuery(db, params.q) : null;
	const q = buildQuery(params, plan, clock);
	if (q.empty) return [];
	const f = q.filters;
	const centre = { lat: (view.south + view.north) / 2, lon: (view.west + view.east) / 2 };
	const halfDiagonalMeters = distanceKm(centre, { lat: view.north, lon: view.east }) * 1000 + 1;
	const circle = small
		? sql`AND earth_box(ll_to_earth(${centre.lat}::float8, ${centre.lon}::float8), ${halfDiagonalMeters}::float8)
				@> ll_to_earth(l.latitude, l.longitude)`
		: sql``;
	const [row] = await selectRows<{ places: string | null }>(
		db,
		sql`${q.ctes.length > 0 ? sql`WITH ${sql.join(q.ctes, sql`, `)}` : sql``}
			SELECT string_agg(sal.id::text || ' ' || l.latitude::text || ' ' || l.longitude::text, ',') AS places
			FROM ${q.from}
			JOIN service_at_location sal ON sal.service_id = e.service_id
			JOIN location l ON l.id = sal.location_id
			WHERE ${q.where} AND ${f.area} AND ${f.audience} AND ${f.municipio} AND ${f.free} AND ${f.openNow}
				AND l.latitude BETWEEN ${view.south}::float8 AND ${view.north}::float8
				AND l.longitude BETWEEN ${view.west}::float8 AND ${view.east}::float8
				${circle}`
	);
	if (!row?.places) return [];
	return row.places.split(',').map((place) => {
		const [id, lat, lon] = place.split(' ');
		return { id: id!, lat: Number(lat), lon: Number(lon) };
	});
}

export type MapPlaceDetails = {
	id: string;
	serviceId: string;
	name: string;
	slug: string;
	organization: string;
	/** Codes of the service's areas of need and sub-categories. */
	areas: string[];
	address: string | null;
};

/** Names and links of the places about to be shown (a few hundred at most). */
export async function selectPlaceDetails(db: DbOrTx, ids: string[]): Promise<MapPlaceDetails[]> {
	if (ids.length === 0) return [];
	return selectRows<MapPlaceDetails>(
		db,
		sql`SELECT sal.id, s.id AS "serviceId", s.name, s.slug, o.name AS organization,
				e.area_codes AS areas, a.address_1 AS address
			FROM service_at_location sal
			JOIN service s ON s.id = sal.service_id
			JOIN organization o ON o.id = s.organization_id
			JOIN search_filter_entry e ON e.service_id = s.id
			LEFT JOIN LATERAL (
				SELECT ad.address_1 FROM address ad
				WHERE ad.location_id = sal.location_id AND ad.address_type = 'physical' ORDER BY ad.id LIMIT 1
			) a ON true
			WHERE sal.id = ANY(${`{${ids.join(',')}}`}::uuid[])`
	);
}
