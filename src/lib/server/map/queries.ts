/**
 * Reads of the map: the located places of the services a search matches, grouped on the grid,
 * and the details shown for the single places in view. Matching is the search engine's own (`buildQuery` of
 * search-services.ts): the same text, thesaurus, typo correction and filters as /cerca.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { analyzeQuery } from '../search/analyze-query.ts';
import type { RomeClock } from '../search/clock.ts';
import { selectRows } from '../search/rows.ts';
import { buildQuery } from '../search/search-services.ts';
import { distanceKm } from '../search/inputs.ts';
import type { SearchParams } from '../search/types.ts';
import { alignToCells, fromPixel, pixelsToBbox, viewPixels, type PixelBox } from './grid.ts';
import type { Bbox } from './inputs.ts';

/**
 * The places of a search in a view, grouped by grid cell (grid.ts): how many, how many inside
 * the view itself, their mean position and box, and the place's id when a cell holds one. With
 * `shift` null every place is its own row (past the last zoom with groups).
 */
export type MapCell = {
	n: number;
	in_view: number;
	lat: number;
	lon: number;
	south: number;
	north: number;
	west: number;
	east: number;
	/** The place (service_at_location id) when the cell holds only one. */
	place_id: string | null;
};

/**
 * Every located place, in the cells the view touches, of the active services matching `params`
 * (text and every filter, as /cerca counts them, whatever their rank), grouped on the grid in
 * one pass, with each place's pixel stored: over search_point, which carries each service's
 * filter columns; for words in a view wider than a street, over the documents' matches, which
 * carry the pixel of a service's one place (the services with several are joined to their
 * places), rather than every place of the city joined to the matches. A small view is found
 * through the GiST index of the points instead of a scan; the whole directory, without words,
 * filters or a point, from its places counted per cell (countedCellsStatement). `fromPlaces`
 * asks for every place read from search_point whatever the search (the tests compare the ways).
 */
export async function selectMapCells(
	db: DbOrTx,
	params: SearchParams,
	clock: RomeClock,
	view: Bbox,
	{ shift, small, fromPlaces = false }: { shift: number | null; small: boolean; fromPlaces?: boolean }
): Promise<MapCell[]> {
	const inView = viewPixels(view);
	// whole cells, and one more on every side: a group on the edge keeps all its places, and
	// markers that would overlap merge the same way whatever the view (map-features.ts)
	const box = shift === null ? inView : alignToCells(inView, shift, 1);
	if (!fromPlaces && !small && shift !== null && shift >= COUNTED_CELL_SHIFT && isWholeDirectory(params)) {
		return (await selectRows<PixelCell>(db, countedCellsStatement(inView, box, shift))).map(toMapCell);
	}
	const plan = params.q ? await analyzeQuery(db, params.q) : null;
	const q = buildQuery(params, plan, clock);
	if (q.empty) return [];
	const fromEntries = !fromPlaces && Boolean(plan?.retrieval) && !small && shift !== null && !params.near;
	const places = fromEntries
		? // the pixel of a service's one place is on its entry; a service with several has none
			sql`SELECT e.x, e.y, NULL::bigint AS place_key FROM search_entry e
				WHERE ${q.where} AND ${q.passingOnEntry} AND e.x IS NOT NULL
				UNION ALL
				SELECT p.x, p.y, NULL FROM search_entry e JOIN search_point p ON p.service_id = e.service_id
				WHERE ${q.where} AND ${q.passingOnEntry} AND e.x IS NULL`
		: sql`SELECT e.x, e.y, e.place_key FROM search_point e${q.join}
				WHERE e.active AND ${q.matchesText} AND ${q.passingOnPlace} ${smallViewCircle(small, box)}`;
	// a group's one place: its number, when read from search_point; else the one place of the
	// search at the group's pixel, found through the index of the points' cells
	const onePlace = fromEntries
		? sql`SELECT p.place_id::text FROM search_point p JOIN search_entry e ON e.service_id = p.service_id
				WHERE (p.x >> 12) = (c.x0 >> 12) AND (p.y >> 12) = (c.y0 >> 12) AND p.x = c.x0 AND p.y = c.y0
					AND ${q.where} AND ${q.passingOnEntry}
				ORDER BY p.place_key LIMIT 1`
		: sql`SELECT p.place_id::text FROM search_point p WHERE p.place_key = c.place_key`;
	// the shift is written into the statement, not bound: with a bound one, a prepared statement's
	// generic plan cannot tell how many cells there are and sorts every place to group them
	const groups = shift === null ? sql`e.place_key` : sql.raw(`e.x >> ${Math.trunc(shift)}, e.y >> ${Math.trunc(shift)}`);
	// the groups' centres and boxes in pixels, and a group's one place, read back in the same
	// statement (the same snapshot): integer aggregates cost a city view less than the
	// coordinates and the place id as text did (docs/geo.md); one core groups a city's places
	// faster than two workers and their start (PostgreSQL 15, 2 cores: 37 ms against 66 for
	// 98,000 places), and the app's connections plan none (client.ts)
	const rows = await selectRows<PixelCell>(
		db,
		sql`WITH ${sql.join(
			[
				...q.ctes,
				sql`cells AS (
					SELECT count(*)::int AS n,
						count(*) FILTER (WHERE e.x BETWEEN ${inView.x0}::int AND ${inView.x1}::int
							AND e.y BETWEEN ${inView.y0}::int AND ${inView.y1}::int)::int AS in_view,
						avg(e.x)::float8 AS x, avg(e.y)::float8 AS y,
						min(e.x) AS x0, max(e.x) AS x1, min(e.y) AS y0, max(e.y) AS y1, min(e.place_key) AS place_key
					FROM (${places}) e
					WHERE e.x BETWEEN ${box.x0}::int AND ${box.x1}::int AND e.y BETWEEN ${box.y0}::int AND ${box.y1}::int
					GROUP BY ${groups}
				)`
			],
			sql`, `
		)}
		SELECT c.n, c.in_view, c.x, c.y, c.x0, c.x1, c.y0, c.y1, CASE WHEN c.n = 1 THEN (${onePlace}) END AS place_id
		FROM cells c`
	);
	return rows.map(toMapCell);
}

/** A small view's places are found through the GiST index of the points: those in the circle around its box. */
function smallViewCircle(small: boolean, box: PixelBox): SQL {
	if (!small) return sql``;
	const reach = pixelsToBbox(box);
	const centre = { lat: (reach.south + reach.north) / 2, lon: (reach.west + reach.east) / 2 };
	const halfDiagonalMeters = distanceKm(centre, { lat: reach.north, lon: reach.east }) * 1000 + 1;
	return sql`AND earth_box(ll_to_earth(${centre.lat}::float8, ${centre.lon}::float8), ${halfDiagonalMeters}::float8) @> e.earth`;
}

/** The cells of search_map_cell: a stored pixel without its 12 lowest bits (drizzle/0014). */
const COUNTED_CELL_SHIFT = 12;

/** Every active service, anywhere: no words, filters or point. */
const isWholeDirectory = (p: SearchParams) =>
	!p.q && !p.area && !p.audience && p.municipio === null && !p.free && !p.openNow && !p.near;

/**
 * The groups of the whole directory from its places counted per cell of 4,096 pixels
 * (search_map_cell): the view's cells are made of whole counted cells, so a group is the sum of
 * its counted cells, its mean the sum of their sums over their count (divided as avg() divides,
 * the same figures to the last digit as from the places). A counted cell inside the view is in
 * it whole, one outside not at all; only the few its edge crosses count their places again,
 * through the index of the cells on search_point. The city's view groups 6,400 rows instead of
 * 98,000 at 100,000 services.
 */
function countedCellsStatement(inView: PixelBox, box: PixelBox, shift: number): SQL {
	const up = sql.raw(String(Math.trunc(shift) - COUNTED_CELL_SHIFT));
	const [vx0, vx1, vy0, vy1] = [inView.x0, inView.x1, inView.y0, inView.y1].map((v) => sql`${v}::int`);
	return sql`WITH counted AS (
			SELECT c.*, CASE
				WHEN c.x0 >= ${vx0} AND c.x1 <= ${vx1} AND c.y0 >= ${vy0} AND c.y1 <= ${vy1} THEN c.n
				WHEN c.x1 < ${vx0} OR c.x0 > ${vx1} OR c.y1 < ${vy0} OR c.y0 > ${vy1} THEN 0
				ELSE (
					SELECT count(*)::int FROM search_point p
					WHERE (p.x >> 12) = c.cx AND (p.y >> 12) = c.cy AND p.active
						AND p.x BETWEEN ${vx0} AND ${vx1} AND p.y BETWEEN ${vy0} AND ${vy1}
				)
			END AS in_view
			FROM search_map_cell c
			WHERE c.cx BETWEEN ${box.x0 >> COUNTED_CELL_SHIFT}::int AND ${box.x1 >> COUNTED_CELL_SHIFT}::int
				AND c.cy BETWEEN ${box.y0 >> COUNTED_CELL_SHIFT}::int AND ${box.y1 >> COUNTED_CELL_SHIFT}::int
		),
		cells AS (
			SELECT sum(n)::int AS n, sum(in_view)::int AS in_view,
				(sum(sum_x)::numeric / sum(n))::float8 AS x, (sum(sum_y)::numeric / sum(n))::float8 AS y,
				min(x0) AS x0, max(x1) AS x1, min(y0) AS y0, max(y1) AS y1, min(place_key) AS place_key
			FROM counted GROUP BY cx >> ${up}, cy >> ${up}
		)
		SELECT c.n, c.in_view, c.x, c.y, c.x0, c.x1, c.y0, c.y1,
			CASE WHEN c.n = 1 THEN (SELECT p.place_id::text FROM search_point p WHERE p.place_key = c.place_key) END AS place_id
		FROM cells c`;
}

/** A group as selectMapCells reads it: mean and extreme pixels of its places. */
type PixelCell = Pick<MapCell, 'n' | 'in_view' | 'place_id'> & { x: number; y: number; x0: number; x1: number; y0: number; y1: number };

/** Pixels back to degrees, each at the centre of its pixel (a few centimetres wide). */
function toMapCell({ n, in_view, place_id, x, y, x0, x1, y0, y1 }: PixelCell): MapCell {
	const centre = fromPixel(x + 0.5, y + 0.5);
	const northWest = fromPixel(x0 + 0.5, y0 + 0.5);
	const southEast = fromPixel(x1 + 0.5, y1 + 0.5);
	return {
		n,
		in_view,
		lat: centre.lat,
		lon: centre.lon,
		south: southEast.lat,
		north: northWest.lat,
		west: northWest.lon,
		east: southEast.lon,
		place_id
	};
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
