-- Custom migration: PostgreSQL extensions used by search and geography.
-- Drizzle cannot express extensions; PGlite ships all four, Debian's postgresql package too.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
