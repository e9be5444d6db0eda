import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { AREAS_TAXONOMY, AUDIENCE_TAXONOMY } from '../taxonomy/reference.ts';

/** Sub-categories of the general information desks, which get a small ranking prior. */
const GENERAL_DESK_CODES = ['orientamento-servizi-sociali', 'sportelli-informativi'];

/**
 * Recomputes the full-text document, the search entry (document, filters, facet signature,
 * opening hours, the map tile, and the point and pixel of a single place) and what derives from it (the entry without its
 * document, the located points, the weeks of dated schedules) of the given services (or of all
 * when `ids` is omitted). Every write that changes a service, its terms, its locations or
 * schedules, or its organization calls this in the same transaction, so search never sees a
 * half-updated record.
 */
export async function refreshSearchDocuments(db: DbOrTx, ids?: readonly string[]): Promise<void> {
	if (ids && ids.length === 0) return;
	const idList = ids ? toUuidArray(ids) : sql`NULL::uuid[]`;
	await db.execute(sql`
		UPDATE service SET search_document = piazza_texts_document(t.a, t.b, t.c, t.d)
		FROM piazza_service_texts(${idList}) t
		WHERE service.id = t.service_id
	`);
	const only = ids ? sql`WHERE s.id = ANY(${idList})` : sql``;
	await db.execute(sql`
		WITH computed AS (
			SELECT
				s.id,
				s.status = 'active' AS active,
				coalesce(s.search_document, ''::tsvector) AS document,
				coalesce(terms.areas, '{}') AS areas,
				coalesce(terms.audiences, '{}') AS audiences,
				coalesce(places.municipi, '{}') AS municipi,
				places.tile,
				places.earth,
				places.x,
				places.y,
				coalesce(s.free_of_charge, false) AS free,
				coalesce(hours.week, '{}') AS week,
				coalesce(hours.dated, false) AS dated,
				lower(piazza_unaccent(s.name)) AS sort_key,
				coalesce(terms.areas && ${toTextArray(GENERAL_DESK_CODES)}, false) AS general_desk
			FROM service s
			LEFT JOIN LATERAL (
				SELECT
					array_agg(DISTINCT code ORDER BY code) FILTER (WHERE tax = ${AREAS_TAXONOMY}) AS areas,
					array_agg(DISTINCT code ORDER BY code) FILTER (WHERE tax = ${AUDIENCE_TAXONOMY}) AS audiences
				FROM (
					SELECT tt.taxonomy AS tax, tt.code FROM attribute a
					JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id
					WHERE a.link_entity = 'service' AND a.link_id = s.id AND tt.code IS NOT NULL
					UNION ALL
					-- a sub-category implies its area, so the area filter finds it
					SELECT p.taxonomy, p.code FROM attribute a
					JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id
					JOIN taxonomy_term p ON p.id = tt.parent_id
					WHERE a.link_entity = 'service' AND a.link_id = s.id AND p.code IS NOT NULL
				) c
			) terms ON true
			LEFT JOIN LATERAL (
				SELECT a.municipi, a.tile,
					-- the point and the map pixel of its one located place
					CASE WHEN a.located = 1 THEN ll_to_earth(a.latitude, a.longitude) END AS earth,
					CASE WHEN a.located = 1 THEN piazza_pixel_x(a.longitude) END AS x,
					CASE WHEN a.located = 1 THEN piazza_pixel_y(a.latitude) END AS y
				FROM (
					SELECT array_agg(DISTINCT l.municipio ORDER BY l.municipio) FILTER (WHERE l.municipio IS NOT NULL) AS municipi,
						-- the one map tile of all its located places (none when they span several)
						CASE WHEN count(DISTINCT piazza_tile(l.latitude, l.longitude)) = 1
							THEN min(piazza_tile(l.latitude, l.longitude)) END AS tile,
						count(DISTINCT l.id) FILTER (WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL) AS located,
						min(l.latitude) AS latitude, min(l.longitude) AS longitude
					FROM service_at_location sal JOIN location l ON l.id = sal.location_id
					WHERE sal.service_id = s.id
				) a
			) places ON true
			LEFT JOIN LATERAL (
				SELECT
					range_agg(r) FILTER (WHERE NOT sc.dated) AS week,
					bool_or(sc.dated) AS dated
				FROM (
					SELECT sch.freq, sch.byday, sch.opens_at, sch.closes_at,
						(sch.valid_from IS NOT NULL OR sch.valid_to IS NOT NULL
							OR sch.dtstart IS NOT NULL OR sch.until IS NOT NULL) AS dated
					FROM schedule sch WHERE sch.service_id = s.id
					UNION ALL
					SELECT sch.freq, sch.byday, sch.opens_at, sch.closes_at,
						(sch.valid_from IS NOT NULL OR sch.valid_to IS NOT NULL
							OR sch.dtstart IS NOT NULL OR sch.until IS NOT NULL)
					FROM service_at_location sal JOIN schedule sch ON sch.service_at_location_id = sal.id
					WHERE sal.service_id = s.id
				) sc
				LEFT JOIN LATERAL unnest(piazza_schedule_week(sc.freq, sc.byday, sc.opens_at, sc.closes_at)) r ON true
			) hours ON true
			${only}
		),
		signed AS (
			SELECT *, piazza_facet_signature(areas, audiences, municipi, free) AS signature FROM computed
		),
		new_signatures AS (
			INSERT INTO search_signature (signature, area_codes, audience_codes, municipi, free)
			SELECT DISTINCT ON (signature) signature, areas, audiences, municipi, free FROM signed
			ON CONFLICT (signature) DO NOTHING
		)
		INSERT INTO search_entry (service_id, active, document, signature, area_codes, audience_codes, municipi,
			free, open_week, dated_schedules, sort_key, general_desk, tile, earth, x, y)
		SELECT id, active, document, signature, areas, audiences, municipi, free, week, dated, sort_key, general_desk, tile, earth, x, y
		FROM signed
		ON CONFLICT (service_id) DO UPDATE SET
			active = excluded.active,
			document = excluded.document,
			signature = excluded.signature,
			area_codes = excluded.area_codes,
			audience_codes = excluded.audience_codes,
			municipi = excluded.municipi,
			free = excluded.free,
			open_week = excluded.open_week,
			dated_schedules = excluded.dated_schedules,
			sort_key = excluded.sort_key,
			general_desk = excluded.general_desk,
			tile = excluded.tile,
			earth = excluded.earth,
			x = excluded.x,
			y = excluded.y
	`);
	// the narrow copy, the points and the dated opening weeks (drizzle/0013)
	await db.execute(sql`SELECT piazza_refresh_search_extras(${idList})`);
}

const toUuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const toTextArray = (values: readonly string[]) =>
	sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
