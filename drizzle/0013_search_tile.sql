ALTER TABLE "search_entry" ADD COLUMN "tile" integer;--> statement-breakpoint
ALTER TABLE "search_entry" ADD COLUMN "earth" "earth";--> statement-breakpoint
ALTER TABLE "search_filter_entry" ADD COLUMN "tile" integer;--> statement-breakpoint
ALTER TABLE "search_filter_entry" ADD COLUMN "earth" "earth";--> statement-breakpoint
CREATE INDEX "search_entry_tile_idx" ON "search_entry" USING btree ("tile");--> statement-breakpoint
CREATE INDEX "search_filter_entry_tile_idx" ON "search_filter_entry" USING btree ("tile");--> statement-breakpoint
-- Hand-written below the generated part. The map tile of about 860 m (zoom 15 of Web Mercator,
-- as the map's pixels at zoom 22 shifted right by 15 bits: search/near-tiles.ts computes the
-- same in TypeScript) of a point, as one number: its column times 32,768 plus its row. One
-- expression without FROM, so that PostgreSQL inlines it: called as a function, 2.7 µs a point.
CREATE OR REPLACE FUNCTION piazza_tile(p_latitude float8, p_longitude float8) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT (LEAST(floor((p_longitude + 180) / 360 * 32768), 32767)::int << 15)
		| LEAST(floor((1 - ln(tan(radians(LEAST(GREATEST(p_latitude, -85.0511), 85.0511)))
			+ 1 / cos(radians(LEAST(GREATEST(p_latitude, -85.0511), 85.0511)))) / pi()) / 2 * 32768), 32767)::int
$$;--> statement-breakpoint
-- refreshSearchDocuments() fills the columns from now on; the services already there get theirs here
UPDATE search_entry e SET tile = t.tile, earth = t.earth
FROM (
	SELECT sal.service_id,
		CASE WHEN count(DISTINCT piazza_tile(l.latitude, l.longitude)) = 1 THEN min(piazza_tile(l.latitude, l.longitude)) END AS tile,
		CASE WHEN count(DISTINCT l.id) = 1 THEN ll_to_earth(min(l.latitude), min(l.longitude)) END AS earth
	FROM service_at_location sal JOIN location l ON l.id = sal.location_id
	WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
	GROUP BY sal.service_id
) t
WHERE e.service_id = t.service_id;--> statement-breakpoint
-- The derived tables' refresh, until now one function replaced whole by every migration that
-- changed a part of it (0006, 0008, 0009), in one function per table: the next change replaces
-- only its own. The filter entries now copy the tile and the point; the rest is as in 0009.
CREATE OR REPLACE FUNCTION piazza_refresh_filter_entries(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_filter_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_filter_entry (service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk, title, head, tile, earth)
	SELECT service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk, ts_filter(document, '{a}'), ts_filter(document, '{a,b}'), tile, earth
	FROM search_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_refresh_search_points(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_point WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_point (service_id, location_id, place_id, earth, latitude, longitude, x, y,
		active, area_codes, audience_codes, municipi, free, open_week, dated_schedules, signature, sort_key, general_desk)
	SELECT p.service_id, p.location_id, p.place_id, ll_to_earth(p.latitude, p.longitude), p.latitude, p.longitude,
		p.x, p.y, e.active, e.area_codes, e.audience_codes, e.municipi, e.free, e.open_week, e.dated_schedules,
		e.signature, e.sort_key, e.general_desk
	FROM (
		SELECT DISTINCT ON (sal.service_id, l.id) sal.service_id, l.id AS location_id, sal.id AS place_id,
			l.latitude, l.longitude,
			floor((l.longitude + 180) / 360 * 1073741824)::int AS x,
			floor((1 - ln(tan(radians(LEAST(GREATEST(l.latitude, -85.0511), 85.0511)))
				+ 1 / cos(radians(LEAST(GREATEST(l.latitude, -85.0511), 85.0511)))) / pi()) / 2 * 1073741824)::int AS y
		FROM service_at_location sal JOIN location l ON l.id = sal.location_id
		WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
			AND (p_ids IS NULL OR sal.service_id = ANY(p_ids))
		ORDER BY sal.service_id, l.id, sal.id
	) p
	JOIN search_filter_entry e ON e.service_id = p.service_id
	-- stored by tiles of about 1.7 km: the places within a radius share few pages (a full refresh,
	-- the usual case after an import, writes the whole table in this order)
	ORDER BY p.y >> 16, p.x >> 16, p.y, p.x;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_refresh_dated_openings(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_dated_opening WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_dated_opening (service_id, valid_from, valid_to, week)
	SELECT sc.service_id, GREATEST(sc.valid_from, sc.dtstart), LEAST(sc.valid_to, sc.until),
		coalesce(piazza_schedule_week(sc.freq, sc.byday, sc.opens_at, sc.closes_at), '{}')
	FROM (
		SELECT sch.service_id, sch.freq, sch.byday, sch.opens_at, sch.closes_at,
			sch.valid_from, sch.valid_to, sch.dtstart, sch.until
		FROM schedule sch WHERE sch.service_id IS NOT NULL
		UNION ALL
		SELECT sal.service_id, sch.freq, sch.byday, sch.opens_at, sch.closes_at,
			sch.valid_from, sch.valid_to, sch.dtstart, sch.until
		FROM service_at_location sal JOIN schedule sch ON sch.service_at_location_id = sal.id
	) sc
	WHERE (sc.valid_from IS NOT NULL OR sc.valid_to IS NOT NULL OR sc.dtstart IS NOT NULL OR sc.until IS NOT NULL)
		AND (p_ids IS NULL OR sc.service_id = ANY(p_ids));
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_refresh_search_extras(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	-- the points copy the filter entries' values
	PERFORM piazza_refresh_filter_entries(p_ids);
	PERFORM piazza_refresh_search_points(p_ids);
	PERFORM piazza_refresh_dated_openings(p_ids);
END
$$;--> statement-breakpoint
-- derived tables, refilled whole (emptied first, so that no table keeps a dead copy of every row)
TRUNCATE "search_filter_entry", "search_point", "search_dated_opening";--> statement-breakpoint
SELECT piazza_refresh_search_extras(NULL);--> statement-breakpoint
-- the planner combines the tile's index with the text's on the statistics of the new column
ANALYZE search_entry, search_filter_entry, search_point, search_dated_opening;
