-- Custom migration: the SQL functions, triggers and indexes of the search engine, which Drizzle
-- cannot express. See docs/search.md.

-- The text of each service by weight: A the name, B keywords and the names of its taxonomy
-- terms, C the description, D the practical text (who it is for, how to access, what one gets,
-- fees, organization, neighbourhoods of its locations). NULL ids: every service. Set-based on
-- purpose: a per-service SQL function is planned again for every row (minutes for 100,000
-- services); this is one inlinable query.
CREATE OR REPLACE FUNCTION piazza_service_texts(p_ids uuid[])
	RETURNS TABLE (service_id uuid, a text, b text, c text, d text)
	LANGUAGE sql STABLE
	AS $$
	SELECT s.id,
		coalesce(s.name, '') || ' ' || coalesce(s.alternate_name, ''),
		array_to_string(s.keywords, ' ') || ' ' || coalesce(terms.names, ''),
		coalesce(s.description, ''),
		coalesce(s.audience_description, '') || ' ' || coalesce(s.eligibility_description, '') || ' ' ||
			coalesce(s.how_to_access, '') || ' ' || coalesce(s.what_you_get, '') || ' ' ||
			coalesce(s.fees_description, '') || ' ' || coalesce(o.name, '') || ' ' || coalesce(places.names, '')
	FROM service s
	JOIN organization o ON o.id = s.organization_id
	LEFT JOIN LATERAL (
		SELECT string_agg(tt.name, ' ') AS names
		FROM attribute at JOIN taxonomy_term tt ON tt.id = at.taxonomy_term_id
		WHERE at.link_entity = 'service' AND at.link_id = s.id
	) terms ON true
	LEFT JOIN LATERAL (
		SELECT string_agg(DISTINCT l.nil_name, ' ') AS names
		FROM service_at_location sal JOIN location l ON l.id = sal.location_id
		WHERE sal.service_id = s.id
	) places ON true
	WHERE p_ids IS NULL OR s.id = ANY (p_ids)
	$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION piazza_texts_document(a text, b text, c text, d text) RETURNS tsvector
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$
	SELECT setweight(to_tsvector('piazza_it', a), 'A') || setweight(to_tsvector('piazza_it', b), 'B') ||
		setweight(to_tsvector('piazza_it', c), 'C') || setweight(to_tsvector('piazza_it', d), 'D')
	$$;
--> statement-breakpoint

-- The document of one service (0002's function, now defined on the shared text).
CREATE OR REPLACE FUNCTION piazza_service_document(p_service_id uuid) RETURNS tsvector
	LANGUAGE sql STABLE
	AS $$ SELECT piazza_texts_document(t.a, t.b, t.c, t.d) FROM piazza_service_texts(ARRAY[p_service_id]) t $$;
--> statement-breakpoint

-- Minutes of the week (Monday 00:00 = 0 .. 10080) covered by one weekly schedule: every day
-- listed in byday (RFC 5545 two-letter codes; every day for a DAILY rule or no rule), from
-- opens_at to closes_at ("HH:MM" or "HH:MM:SS"). A closing time not after the opening time runs
-- past midnight into the next day (a night shelter open 20:00-08:00). Ordinal days ("1MO"),
-- other frequencies and unreadable times give an empty range: such a service is never shown as
-- "open now" rather than wrongly shown as open. PL/pgSQL, which keeps its plans for the session.
CREATE OR REPLACE FUNCTION piazza_schedule_week(p_freq text, p_byday text, p_opens_at text, p_closes_at text)
	RETURNS int4multirange
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	AS $$
DECLARE
	time_pattern constant text := '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9](:[0-5][0-9])?\s*$';
	day_codes constant text[] := ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
	o int;
	c int;
	days text[];
	ranges int4range[] := '{}';
	d int;
BEGIN
	IF p_opens_at IS NULL OR p_closes_at IS NULL
		OR p_opens_at !~ time_pattern OR p_closes_at !~ time_pattern THEN
		RETURN '{}';
	END IF;
	o := split_part(trim(p_opens_at), ':', 1)::int * 60 + split_part(trim(p_opens_at), ':', 2)::int;
	c := split_part(trim(p_closes_at), ':', 1)::int * 60 + split_part(trim(p_closes_at), ':', 2)::int;
	IF o >= 1440 THEN
		RETURN '{}';
	END IF;
	days := array_remove(string_to_array(upper(regexp_replace(coalesce(p_byday, ''), '\s', '', 'g')), ','), '');
	FOR d IN 0..6 LOOP
		IF (cardinality(days) = 0 AND upper(coalesce(p_freq, 'DAILY')) = 'DAILY')
			OR (day_codes[d + 1] = ANY (days) AND upper(coalesce(p_freq, 'WEEKLY')) IN ('WEEKLY', 'DAILY')) THEN
			IF c > o THEN
				ranges := ranges || int4range(d * 1440 + o, d * 1440 + c);
			ELSE
				-- closes at or before it opens: runs past midnight into the next day
				ranges := ranges || int4range(d * 1440 + o, d * 1440 + 1440);
				IF c > 0 THEN
					ranges := ranges || int4range(((d + 1) % 7) * 1440, ((d + 1) % 7) * 1440 + c);
				END IF;
			END IF;
		END IF;
	END LOOP;
	RETURN (SELECT coalesce(range_agg(r), '{}') FROM unnest(ranges) AS r);
END
$$;
--> statement-breakpoint

-- The facet signature of a search entry: a 52-bit hash of its facet values (fits a JavaScript
-- number; collisions negligible).
CREATE OR REPLACE FUNCTION piazza_facet_signature(p_areas text[], p_audiences text[], p_municipi smallint[], p_free boolean)
	RETURNS bigint
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$
	SELECT ('x' || substr(md5(coalesce(p_areas::text, '') || '|' || coalesce(p_audiences::text, '') || '|' ||
		coalesce(p_municipi::text, '') || '|' || coalesce(p_free::text, '')), 1, 13))::bit(52)::bigint
	$$;
--> statement-breakpoint

-- search_signature.services (active services per signature) follows search_entry, so a browse
-- counts its facets from a few hundred signatures.
CREATE OR REPLACE FUNCTION piazza_count_signatures() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE search_signature s SET services = s.services - d.n
		FROM (SELECT signature, count(*)::int AS n FROM old_entries WHERE active GROUP BY signature) d
		WHERE s.signature = d.signature;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		UPDATE search_signature s SET services = s.services + d.n
		FROM (SELECT signature, count(*)::int AS n FROM new_entries WHERE active GROUP BY signature) d
		WHERE s.signature = d.signature;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_entry_count_insert AFTER INSERT ON search_entry
	REFERENCING NEW TABLE AS new_entries
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_count_signatures();
--> statement-breakpoint
CREATE TRIGGER search_entry_count_update AFTER UPDATE ON search_entry
	REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_count_signatures();
--> statement-breakpoint
CREATE TRIGGER search_entry_count_delete AFTER DELETE ON search_entry
	REFERENCING OLD TABLE AS old_entries
	FOR EACH STATEMENT EXECUTE FUNCTION piazza_count_signatures();
--> statement-breakpoint

-- Opening hours reach a service through its service_at_location rows too: without this index
-- every refresh of a search entry and every "open now" check scans all schedules.
CREATE INDEX IF NOT EXISTS schedule_service_at_location_id_idx ON schedule (service_at_location_id);
