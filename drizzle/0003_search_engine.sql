CREATE TABLE "search_corpus" (
	"id" smallint PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_entry" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"active" boolean NOT NULL,
	"document" "tsvector" NOT NULL,
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
CREATE TABLE "search_lexeme" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_signature" (
	"signature" bigint PRIMARY KEY NOT NULL,
	"area_codes" text[] NOT NULL,
	"audience_codes" text[] NOT NULL,
	"municipi" smallint[] NOT NULL,
	"free" boolean NOT NULL,
	"services" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_stopword" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_word" (
	"word" text PRIMARY KEY NOT NULL,
	"display" text NOT NULL,
	"lexeme" text NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_synonym" ADD COLUMN "lexemes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_synonym" ADD COLUMN "weight" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_synonym" ADD COLUMN "ambiguous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entry" ADD CONSTRAINT "search_entry_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entry_document_idx" ON "search_entry" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_entry_sort_key_idx" ON "search_entry" USING btree ("sort_key") WHERE active;--> statement-breakpoint
CREATE INDEX "search_entry_area_codes_idx" ON "search_entry" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "search_entry_municipi_idx" ON "search_entry" USING gin ("municipi");--> statement-breakpoint
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_word_prefix_idx" ON "search_word" USING btree ("word" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_synonym_lexemes_idx" ON "search_synonym" USING gin ("lexemes");