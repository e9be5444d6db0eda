CREATE TABLE "search_dated_opening" (
	"service_id" uuid NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"week" "int4multirange" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_filter_entry" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"active" boolean NOT NULL,
	"signature" bigint NOT NULL,
	"area_codes" text[] NOT NULL,
	"audience_codes" text[] NOT NULL,
	"municipi" smallint[] NOT NULL,
	"free" boolean NOT NULL,
	"open_week" "int4multirange" NOT NULL,
	"dated_schedules" boolean NOT NULL,
	"sort_key" text NOT NULL,
	"general_desk" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_point" (
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"earth" "earth" NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	CONSTRAINT "search_point_service_id_location_id_pk" PRIMARY KEY("service_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "search_state" (
	"id" smallint PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_entry_sort_key_idx";--> statement-breakpoint
DROP INDEX "search_entry_area_codes_idx";--> statement-breakpoint
DROP INDEX "search_entry_municipi_idx";--> statement-breakpoint
ALTER TABLE "search_dated_opening" ADD CONSTRAINT "search_dated_opening_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_filter_entry" ADD CONSTRAINT "search_filter_entry_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_point" ADD CONSTRAINT "search_point_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_point" ADD CONSTRAINT "search_point_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_dated_opening_service_idx" ON "search_dated_opening" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "search_filter_entry_sort_key_idx" ON "search_filter_entry" USING btree ("sort_key") WHERE active;--> statement-breakpoint
CREATE INDEX "search_filter_entry_area_codes_idx" ON "search_filter_entry" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "search_filter_entry_municipi_idx" ON "search_filter_entry" USING gin ("municipi");--> statement-breakpoint
CREATE INDEX "search_point_earth_idx" ON "search_point" USING gist ("earth");--> statement-breakpoint
CREATE INDEX "search_point_location_idx" ON "search_point" USING btree ("location_id");--> statement-breakpoint
-- Hand-written below the generated part.
-- What refreshSearchDocuments() derives from search_entry and the directory, for the given
-- services (all when p_ids is NULL): the narrow copy of the entry, the located points, and the
-- weeks of schedules valid between dates (GREATEST/LEAST skip NULLs: the tighter bound wins).
CREATE OR REPLACE FUNCTION piazza_refresh_search_extras(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM search_filter_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_filter_entry (service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk)
	SELECT service_id, active, signature, area_codes, audience_codes, municipi, free,
		open_week, dated_schedules, sort_key, general_desk
	FROM search_entry WHERE p_ids IS NULL OR service_id = ANY(p_ids);

	DELETE FROM search_point WHERE p_ids IS NULL OR service_id = ANY(p_ids);
	INSERT INTO search_point (service_id, location_id, earth, latitude, longitude)
	SELECT DISTINCT sal.service_id, l.id, ll_to_earth(l.latitude, l.longitude), l.latitude, l.longitude
	FROM service_at_location sal JOIN location l ON l.id = sal.location_id
	WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
		AND (p_ids IS NULL OR sal.service_id = ANY(p_ids));

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
-- The version counter is a row updated in the writing transaction, so a new version becomes
-- visible exactly when the data it stands for commits (a sequence would move before the commit
-- and let a cache store old results under the new number).
INSERT INTO "search_state" ("id", "version") VALUES (1, 0);--> statement-breakpoint
CREATE OR REPLACE FUNCTION piazza_bump_search_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_state SET version = version + 1 WHERE id = 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER search_entry_version AFTER INSERT OR UPDATE OR DELETE ON search_entry
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_point_version AFTER INSERT OR UPDATE OR DELETE ON search_point
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_dated_opening_version AFTER INSERT OR UPDATE OR DELETE ON search_dated_opening
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_synonym_version AFTER INSERT OR UPDATE OR DELETE ON search_synonym
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_stopword_version AFTER INSERT OR UPDATE OR DELETE ON search_stopword
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_word_version AFTER INSERT OR UPDATE OR DELETE ON search_word
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_lexeme_version AFTER INSERT OR UPDATE OR DELETE ON search_lexeme
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();--> statement-breakpoint
CREATE TRIGGER search_corpus_version AFTER INSERT OR UPDATE OR DELETE ON search_corpus
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_bump_search_version();
