-- search_point is derived data: emptied here, refilled at the end by piazza_refresh_search_extras(NULL).
TRUNCATE "search_point";--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "place_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "x" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "y" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "active" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "area_codes" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "audience_codes" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "municipi" smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "free" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "open_week" "int4multirange" NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "dated_schedules" boolean NOT NULL;--> statement-breakpoint
-- Hand-written below the generated part: the same function as in 0006, now also copying the
-- entry's filter columns to each place and its Web Mercator pixel at zoom 22 (latitudes clamped
-- to the projection's limits), and naming the place by its service_at_location.
CREATE OR REPLACE FUNCTION piazza_refresh_search_extras(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_filter_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_filter_entry (service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk)
	SELECT service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk
	FROM search_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);

	DELETE FROM search_point WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_point (service_id, location_id, place_id, earth, latitude, longitude, x, y,
		active, area_codes, audience_codes, municipi, free, open_week, dated_schedules)
	SELECT p.service_id, p.location_id, p.place_id, ll_to_earth(p.latitude, p.longitude), p.latitude, p.longitude,
		floor((p.longitude + 180) / 360 * 1073741824)::int,
		floor((1 - ln(tan(radians(p.clamped)) + 1 / cos(radians(p.clamped))) / pi()) / 2 * 1073741824)::int,
		e.active, e.area_codes, e.audience_codes, e.municipi, e.free, e.open_week, e.dated_schedules
	FROM (
		SELECT DISTINCT ON (sal.service_id, l.id) sal.service_id, l.id AS location_id, sal.id AS place_id,
			l.latitude, l.longitude, LEAST(GREATEST(l.latitude, -85.0511), 85.0511) AS clamped
		FROM service_at_location sal JOIN location l ON l.id = sal.location_id
		WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
			AND (p_ids IS NULL OR sal.service_id = ANY(p_ids))
		ORDER BY sal.service_id, l.id, sal.id
	) p
	JOIN search_filter_entry e ON e.service_id = p.service_id;

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
SELECT piazza_refresh_search_extras(NULL);--> statement-breakpoint
-- the map's plans depend on the statistics of the new columns (PGlite has no autovacuum to gather them)
ANALYZE search_point;
