-- A hash of each service's id, indexed where search samples: a search reaching thousands of
-- services counts on those whose hash lies in the lowest share of the range, read through the
-- index (and combined with the text and filter indexes) instead of every page of the table.
CREATE INDEX "search_entry_sample_idx" ON "search_entry" USING btree (uuid_hash("service_id"));--> statement-breakpoint
CREATE INDEX "search_filter_entry_sample_idx" ON "search_filter_entry" USING btree (uuid_hash("service_id"));--> statement-breakpoint
CREATE INDEX "search_point_sample_idx" ON "search_point" USING btree (uuid_hash("service_id"));--> statement-breakpoint
-- the planner needs the expressions' statistics to combine the sample with the other indexes
ANALYZE search_entry, search_filter_entry, search_point;
