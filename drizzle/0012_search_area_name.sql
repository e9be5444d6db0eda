-- Each search entry once under each of its area codes, in name order: browsing an area walks its
-- services by name here instead of walking every service's name (see the schema's comment).
CREATE TABLE "search_area_name" (
	"code" text NOT NULL,
	"sort_key" text NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "search_area_name_code_sort_key_service_id_pk" PRIMARY KEY("code","sort_key","service_id")
);
--> statement-breakpoint
CREATE INDEX "search_area_name_service_idx" ON "search_area_name" USING btree ("service_id");
--> statement-breakpoint
-- Kept by statement triggers on search_filter_entry, which piazza_refresh_search_extras() writes
-- (deleting and inserting a service's entry): one set-based statement per write, as for the
-- signature counts.
CREATE OR REPLACE FUNCTION piazza_sync_area_names() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		TRUNCATE search_area_name;
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		DELETE FROM search_area_name a USING old_entries o WHERE a.service_id = o.service_id;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		INSERT INTO search_area_name (code, sort_key, service_id)
		SELECT DISTINCT c.code, n.sort_key, n.service_id FROM new_entries n, unnest(n.area_codes) AS c(code);
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_filter_entry_area_names_insert AFTER INSERT ON search_filter_entry
	REFERENCING NEW TABLE AS new_entries
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_area_names();
--> statement-breakpoint
CREATE TRIGGER search_filter_entry_area_names_update AFTER UPDATE ON search_filter_entry
	REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_area_names();
--> statement-breakpoint
CREATE TRIGGER search_filter_entry_area_names_delete AFTER DELETE ON search_filter_entry
	REFERENCING OLD TABLE AS old_entries
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_area_names();
--> statement-breakpoint
CREATE TRIGGER search_filter_entry_area_names_truncate AFTER TRUNCATE ON search_filter_entry
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_sync_area_names();
--> statement-breakpoint
INSERT INTO search_area_name (code, sort_key, service_id)
SELECT DISTINCT c.code, e.sort_key, e.service_id FROM search_filter_entry e, unnest(e.area_codes) AS c(code);
--> statement-breakpoint
ANALYZE search_area_name;
