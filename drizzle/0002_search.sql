-- Custom migration: Italian full-text search and distance queries.
-- Drizzle cannot express text-search configurations, SQL functions or expression indexes.

-- "piazza_it": the built-in italian stemmer behind unaccent, so "città" matches "citta"
-- and "più" matches "piu" while "affitti" and "affitto" share the stem "affitt".
CREATE TEXT SEARCH CONFIGURATION piazza_it (COPY = italian);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION piazza_it
	ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;
--> statement-breakpoint

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets it appear in index expressions.
CREATE OR REPLACE FUNCTION piazza_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint

-- The search document of one service. Weights: A the name, B keywords and the names of its
-- taxonomy terms (areas, sub-categories, audiences), C the description, D the practical text
-- (who it is for, how to access, organization name).
CREATE OR REPLACE FUNCTION piazza_service_document(p_service_id uuid) RETURNS tsvector
	LANGUAGE sql STABLE
	AS $$
	SELECT
		setweight(to_tsvector('piazza_it', coalesce(s.name, '') || ' ' || coalesce(s.alternate_name, '')), 'A') ||
		setweight(to_tsvector('piazza_it',
			array_to_string(s.keywords, ' ') || ' ' ||
			coalesce((SELECT string_agg(tt.name, ' ')
				FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id
				WHERE a.link_entity = 'service' AND a.link_id = s.id), '')), 'B') ||
		setweight(to_tsvector('piazza_it', coalesce(s.description, '')), 'C') ||
		setweight(to_tsvector('piazza_it',
			coalesce(s.audience_description, '') || ' ' || coalesce(s.eligibility_description, '') || ' ' ||
			coalesce(s.how_to_access, '') || ' ' || coalesce(s.what_you_get, '') || ' ' ||
			coalesce(o.name, '')), 'D')
	FROM service s JOIN organization o ON o.id = s.organization_id
	WHERE s.id = p_service_id
	$$;
--> statement-breakpoint

-- Distance queries ("near me") use earthdistance's cube-based points.
CREATE INDEX location_earth_idx ON location USING gist (ll_to_earth(latitude, longitude))
	WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
