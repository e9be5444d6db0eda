CREATE TABLE "search_week" (
	"week_key" bigint PRIMARY KEY NOT NULL,
	"week" "int4multirange" NOT NULL
);
--> statement-breakpoint
-- a week's key: a hash of its text (the canonical form of the ranges), as the facet signature is
-- of its values
CREATE OR REPLACE FUNCTION piazza_week_key(week int4multirange) RETURNS bigint
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT hashtextextended(week::text, 0) $$;
--> statement-breakpoint
-- search_point rebuilt with the key of its weekly hours among the fixed-width columns, after the
-- facet signature (a column added at the end is found by walking the whole row: probing it cost
-- more than checking the ranges); otherwise as drizzle/0015 left it
CREATE TABLE search_point_reordered (
	signature bigint NOT NULL,
	week_key bigint NOT NULL,
	place_key bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
	latitude double precision NOT NULL,
	longitude double precision NOT NULL,
	x integer NOT NULL,
	y integer NOT NULL,
	active boolean NOT NULL,
	free boolean NOT NULL,
	dated_schedules boolean NOT NULL,
	general_desk boolean NOT NULL,
	service_id uuid NOT NULL,
	location_id uuid NOT NULL,
	place_id uuid NOT NULL,
	municipi smallint[] NOT NULL,
	area_codes text[] NOT NULL,
	audience_codes text[] NOT NULL,
	open_week int4multirange NOT NULL,
	earth earth NOT NULL,
	sort_key text NOT NULL
);
--> statement-breakpoint
INSERT INTO search_point_reordered (signature, week_key, place_key, latitude, longitude, x, y, active, free,
	dated_schedules, general_desk, service_id, location_id, place_id, municipi, area_codes, audience_codes, open_week,
	earth, sort_key)
OVERRIDING SYSTEM VALUE
SELECT signature, piazza_week_key(open_week), place_key, latitude, longitude, x, y, active, free,
	dated_schedules, general_desk, service_id, location_id, place_id, municipi, area_codes, audience_codes, open_week,
	earth, sort_key
FROM search_point;
--> statement-breakpoint
INSERT INTO search_week (week_key, week)
SELECT DISTINCT ON (week_key) week_key, open_week FROM search_point_reordered;
--> statement-breakpoint
DROP TABLE search_point;
--> statement-breakpoint
ALTER TABLE search_point_reordered RENAME TO search_point;
--> statement-breakpoint
ALTER SEQUENCE search_point_reordered_place_key_seq RENAME TO search_point_place_key_seq;
--> statement-breakpoint
SELECT setval('search_point_place_key_seq', coalesce((SELECT max(place_key) FROM search_point), 0) + 1, false);
--> statement-breakpoint
ALTER TABLE search_point ADD CONSTRAINT search_point_service_id_location_id_pk PRIMARY KEY (service_id, location_id);
--> statement-breakpoint
ALTER TABLE search_point ADD CONSTRAINT search_point_service_id_service_id_fk
	FOREIGN KEY (service_id) REFERENCES service(id) ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE search_point ADD CONSTRAINT search_point_location_id_location_id_fk
	FOREIGN KEY (location_id) REFERENCES location(id) ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX search_point_earth_idx ON search_point USING gist (earth);
--> statement-breakpoint
CREATE INDEX search_point_location_idx ON search_point USING btree (location_id);
--> statement-breakpoint
CREATE INDEX search_point_map_cell_idx ON search_point USING btree ((x >> 12), (y >> 12));
--> statement-breakpoint
CREATE UNIQUE INDEX search_point_place_key_idx ON search_point USING btree (place_key);
--> statement-breakpoint
CREATE INDEX search_point_sample_idx ON search_point USING btree (uuid_hash(service_id));
--> statement-breakpoint
CREATE TRIGGER search_point_version AFTER INSERT OR UPDATE OR DELETE ON search_point
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();
--> statement-breakpoint
CREATE TRIGGER search_point_map_cells_insert AFTER INSERT ON search_point
	REFERENCING NEW TABLE AS new_points
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_map_cells();
--> statement-breakpoint
CREATE TRIGGER search_point_map_cells_update AFTER UPDATE ON search_point
	REFERENCING OLD TABLE AS old_points NEW TABLE AS new_points
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_map_cells();
--> statement-breakpoint
CREATE TRIGGER search_point_map_cells_delete AFTER DELETE ON search_point
	REFERENCING OLD TABLE AS old_points
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_map_cells();
--> statement-breakpoint
CREATE TRIGGER search_point_map_cells_truncate AFTER TRUNCATE ON search_point
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_map_cells();
--> statement-breakpoint
ANALYZE search_point;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_refresh_search_points(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_point WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_point (service_id, location_id, place_id, earth, latitude, longitude, x, y, week_key,
		active, area_codes, audience_codes, municipi, free, open_week, dated_schedules, signature, sort_key, general_desk)
	SELECT p.service_id, p.location_id, p.place_id, ll_to_earth(p.latitude, p.longitude), p.latitude, p.longitude,
		p.x, p.y, piazza_week_key(e.open_week), e.active, e.area_codes, e.audience_codes, e.municipi, e.free, e.open_week,
		e.dated_schedules, e.signature, e.sort_key, e.general_desk
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
	INSERT INTO search_week (week_key, week)
	SELECT DISTINCT ON (week_key) week_key, open_week FROM search_point
	WHERE p_ids IS NULL OR service_id = ANY(p_ids)
	ON CONFLICT (week_key) DO NOTHING;
END
$$;
