-- Each place row gets a number the map aggregates cheaply (min over a uuid cast to text cost a
-- city view a third of its time on PostgreSQL 15); its one place of a group is read back by it.
ALTER TABLE "search_point" ADD COLUMN "place_key" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "search_point_place_key_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "search_point_place_key_idx" ON "search_point" USING btree ("place_key");