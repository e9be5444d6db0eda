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
import type { SearchParams } from '../search/types.ts';
import type { Bbox } from './inputs.ts';

/**
 * One place of a matching service, identified by its service_at_location id (a location may
 * host several services): a service with three sites gives three.
 */
export type MapPlace = { id: string; serviceId: string; lat: number; lon: number };

/**
 * Every located place, inside `extent`, of the active services matching `params`: a service
 * counts as it does in /cerca's total (text and every filter), whatever its rank.
 */
export async function selectMapPlaces(
	db: DbOrTx,
	params: SearchParams,
	clock: RomeClock,
	extent: Bbox
): Promise<MapPlace[]> {
	const plan = params.q ? await analyzeQuery(db, params.q) : null;
	const q = buildQuery(params, plan, clock);
	if (q.empty) return [];
	const f = q.filters;
	const rows = await selectRows<{ i: string; s: string; y: number; x: number }>(
		db,
		sql`${q.ctes.length > 0 ? sql`WITH ${sql.join(q.ctes, sql`, `)}` : sql``}
			SELECT sal.id AS i, e.service_id AS s, l.latitude AS y, l.longitude AS x
			FROM ${q.from}
			JOIN service_at_location sal ON sal.service_id = e.service_id
			JOIN location l ON l.id = sal.location_id
			WHERE ${q.where} AND ${f.area} AND ${f.audience} AND ${f.municipio} AND ${f.free} AND ${f.openNow}
				AND l.latitude BETWEEN ${extent.south}::float8 AND ${extent.north}::float8
				AND l.longitude BETWEEN ${extent.west}::float8 AND ${extent.east}::float8`
	);
	return rows.map((r) => ({ id: r.i, serviceId: r.s, lat: r.y, lon: r.x }));
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
			JOIN search_entry e ON e.service_id = s.id
			LEFT JOIN LATERAL (
				SELECT ad.address_1 FROM address ad
				WHERE ad.location_id = sal.location_id AND ad.address_type = 'physical' ORDER BY ad.id LIMIT 1
			) a ON true
			WHERE sal.id = ANY(${`{${ids.join(',')}}`}::uuid[])`
	);
}
