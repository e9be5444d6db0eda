ALTER TABLE "search_synonym" ADD COLUMN "ordered" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_synonym" ADD COLUMN "expansion_lexemes" jsonb DEFAULT '[]'::jsonb NOT NULL;