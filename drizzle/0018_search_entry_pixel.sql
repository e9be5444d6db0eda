ALTER TABLE "search_entry" ADD COLUMN "x" integer;--> statement-breakpoint
ALTER TABLE "search_entry" ADD COLUMN "y" integer;--> statement-breakpoint
-- The pixel of a point at the grid's zoom (map/grid.ts, toPixel): web-mercator, 2^30 pixels around
-- the world. search_point and search_entry store the same pixels.
CREATE OR REPLACE FUNCTION piazza_pixel_x(lon double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT floor((lon + 180) / 360 * 1073741824)::int $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_pixel_y(lat double precision) RETURNS integer
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT floor((1 - ln(tan(radians(LEAST(GREATEST(lat, -85.0511), 85.0511)))
		+ 1 / cos(radians(LEAST(GREATEST(lat, -85.0511), 85.0511)))) / pi()) / 2 * 1073741824)::int $$;--> statement-breakpoint
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
			l.latitude, l.longitude, piazza_pixel_x(l.longitude) AS x, piazza_pixel_y(l.latitude) AS y
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
-- the entries with one place (their point set) take its pixel; the next refresh keeps them
UPDATE "search_entry" e SET "x" = p."x", "y" = p."y"
FROM "search_point" p
WHERE e."earth" IS NOT NULL AND p."service_id" = e."service_id";--> statement-breakpoint
CREATE INDEX "search_entry_unplaced_idx" ON "search_entry" USING btree ("service_id") WHERE x IS NULL;--> statement-breakpoint
-- the update wrote every placed entry's stems into the documents' index's pending list, which
-- every search would read through until the next refresh merges it
SELECT gin_clean_pending_list('search_entry_document_idx'::regclass);
