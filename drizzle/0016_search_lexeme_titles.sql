ALTER TABLE "search_lexeme" ADD COLUMN "titles" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written below the generated part: the counts of the directory as it is, until the next
-- vocabulary refresh (refresh-search-vocabulary.ts) counts them again.
UPDATE search_lexeme l SET titles = t.ndoc
FROM ts_stat($$SELECT title FROM search_filter_entry WHERE active$$) t
WHERE t.word = l.lexeme;
