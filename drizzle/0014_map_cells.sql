CREATE TABLE "search_map_cell" (
	"cx" integer NOT NULL,
	"cy" integer NOT NULL,
	"n" integer NOT NULL,
	"sum_x" bigint NOT NULL,
	"sum_y" bigint NOT NULL,
	"x0" integer NOT NULL,
	"x1" integer NOT NULL,
	"y0" integer NOT NULL,
	"y1" integer NOT NULL,
	"place_key" bigint NOT NULL,
	CONSTRAINT "search_map_cell_cx_cy_pk" PRIMARY KEY("cx","cy")
);
--> statement-breakpoint
CREATE INDEX "search_point_map_cell_idx" ON "search_point" USING btree (("x" >> 12),("y" >> 12));--> statement-breakpoint
-- Hand-written below the generated part. Kept by statement triggers on search_point, which
-- piazza_refresh_search_points() writes (deleting and inserting a service's places): the cells
-- a statement touched are counted again from search_point, one set-based statement per write.
CREATE OR REPLACE FUNCTION piazza_recount_map_cells(p_cx integer[], p_cy integer[]) RETURNS void
	LANGUAGE plpgsql
	AS $$
BEGIN
	DELETE FROM search_map_cell c USING unnest(p_cx, p_cy) AS t(cx, cy) WHERE c.cx = t.cx AND c.cy = t.cy;
	INSERT INTO search_map_cell (cx, cy, n, sum_x, sum_y, x0, x1, y0, y1, place_key)
	SELECT p.x >> 12, p.y >> 12, count(*), sum(p.x), sum(p.y), min(p.x), max(p.x), min(p.y), max(p.y), min(p.place_key)
	FROM search_point p
	WHERE p.active AND (p.x >> 12, p.y >> 12) IN (SELECT t.cx, t.cy FROM unnest(p_cx, p_cy) AS t(cx, cy))
	GROUP BY 1, 2;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_sync_map_cells() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		TRUNCATE search_map_cell;
	ELSIF TG_OP = 'INSERT' THEN
		PERFORM piazza_recount_map_cells(array_agg(cx), array_agg(cy))
		FROM (SELECT DISTINCT n.x >> 12 AS cx, n.y >> 12 AS cy FROM new_points n) t;
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM piazza_recount_map_cells(array_agg(cx), array_agg(cy))
		FROM (SELECT DISTINCT o.x >> 12 AS cx, o.y >> 12 AS cy FROM old_points o) t;
	ELSE
		PERFORM piazza_recount_map_cells(array_agg(cx), array_agg(cy))
		FROM (
			SELECT o.x >> 12 AS cx, o.y >> 12 AS cy FROM old_points o
			UNION SELECT n.x >> 12, n.y >> 12 FROM new_points n
		) t;
	END IF;
	RETURN NULL;
END
$$;
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
INSERT INTO search_map_cell (cx, cy, n, sum_x, sum_y, x0, x1, y0, y1, place_key)
SELECT p.x >> 12, p.y >> 12, count(*), sum(p.x), sum(p.y), min(p.x), max(p.x), min(p.y), max(p.y), min(p.place_key)
FROM search_point p WHERE p.active
GROUP BY 1, 2;
--> statement-breakpoint
ANALYZE search_map_cell, search_point;
