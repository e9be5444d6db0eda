-- Derived tables, emptied and refilled below by piazza_refresh_search_extras(NULL): new NOT NULL
-- columns need no default, and no table is left with a dead copy of every row.
TRUNCATE "search_filter_entry", "search_point", "search_dated_opening";--> statement-breakpoint
ALTER TABLE "search_filter_entry" ADD COLUMN "title" "tsvector" NOT NULL;--> statement-breakpoint
ALTER TABLE "search_filter_entry" ADD COLUMN "head" "tsvector" NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "signature" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "sort_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "search_point" ADD COLUMN "general_desk" boolean NOT NULL;--> statement-breakpoint
-- Hand-written below the generated part: the function of 0008, now also keeping the title (A
-- stems: the name) and the head (A and B stems: name, keywords, categories) of each document,
-- giving each place all its service's entry values (a search within a radius then reads
-- search_point alone) and writing the places in the order of their map tiles.
CREATE OR REPLACE FUNCTION piazza_refresh_search_extras(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_filter_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_filter_entry (service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk, title, head)
	SELECT service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk, ts_filter(document, '{a}'), ts_filter(document, '{a,b}')
	FROM search_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);

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
CREATE INDEX "search_filter_entry_title_idx" ON "search_filter_entry" USING gin ("title");--> statement-breakpoint
CREATE INDEX "search_filter_entry_head_idx" ON "search_filter_entry" USING gin ("head");--> statement-breakpoint
ANALYZE search_filter_entry, search_point, search_dated_opening;
