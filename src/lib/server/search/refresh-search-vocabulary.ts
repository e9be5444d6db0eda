/**
 * Rebuilds what search learns from the whole corpus: how many active services use each stem
 * (idf) and how many have it in their name, the total, and the plain words of the corpus and of
 * the thesaurus (typo correction, completion). Whole-corpus work, so it runs after imports and
 * the seed, not on every write: a single edited service only shifts these figures slightly until
 * the next refresh.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { textArray } from './analyze-query.ts';
import { selectRows } from './rows.ts';

export type VocabularyRefresh = { documents: number; lexemes: number; words: number };

/** The tables a bulk refresh rewrites, whose statistics and indexes it settles afterwards. */
export const SEARCH_TABLES = [
	'search_entry',
	'search_filter_entry',
	'search_point',
	'search_dated_opening',
	'search_area_name',
	'search_signature',
	'search_week',
	'search_word',
	'search_lexeme'
];

/** Words shorter than this are neither corrected nor completed. */
const MIN_WORD_LENGTH = 3;

export async function refreshSearchVocabulary(db: DbOrTx): Promise<VocabularyRefresh> {
	const run = async (tx: DbOrTx) => {
		await tx.execute(sql`DELETE FROM search_lexeme`);
		await tx.execute(sql`
			INSERT INTO search_lexeme (lexeme, documents)
			SELECT word, ndoc FROM ts_stat($$
				SELECT s.search_document FROM service s JOIN search_entry e ON e.service_id = s.id
				WHERE e.active AND s.search_document IS NOT NULL
			$$)
		`);
		await tx.execute(sql`
			UPDATE search_lexeme l SET titles = t.ndoc
			FROM ts_stat($$SELECT title FROM search_filter_entry WHERE active$$) t
			WHERE t.word = l.lexeme
		`);
		await tx.execute(sql`DELETE FROM search_word`);
		await tx.execute(sql`
			INSERT INTO search_word (word, display, lexeme, documents)
			SELECT DISTINCT ON (w.word) w.word, w.display, w.lexeme, sum(w.documents) OVER (PARTITION BY w.word)
			FROM (
				SELECT piazza_unaccent(word) AS word, word AS display,
					(ts_lexize('italian_stem', piazza_unaccent(word)))[1] AS lexeme, ndoc AS documents
				FROM ts_stat($$
					SELECT to_tsvector('simple', t.a || ' ' || t.b || ' ' || t.c || ' ' || t.d)
					FROM piazza_service_texts(NULL) t JOIN search_entry e ON e.service_id = t.service_id
					WHERE e.active
				$$)
				UNION ALL
				-- the thesaurus' own words ("badante") are known words too, even with no service using them
				SELECT word, word, (ts_lexize('italian_stem', word))[1], 0
				FROM search_synonym, unnest(string_to_array(term, ' ')) AS word
			) w
			WHERE w.lexeme IS NOT NULL AND length(w.word) >= ${MIN_WORD_LENGTH} AND w.word ~ '^[a-z0-9]+$'
			ORDER BY w.word, w.documents DESC, w.display
		`);
		await tx.execute(sql`
			INSERT INTO search_corpus (id, documents, refreshed_at)
			SELECT 1, count(*), now() FROM search_entry WHERE active
			ON CONFLICT (id) DO UPDATE SET documents = excluded.documents, refreshed_at = excluded.refreshed_at
		`);
		// after an import the planner's statistics of the search tables are stale (PGlite has no
		// autovacuum to gather them: an area's list unanalyzed, browsing it sorted 10,000 rows)
		await tx.execute(sql.raw(`ANALYZE ${SEARCH_TABLES.join(', ')}`));
		// a bulk write leaves its rows in the GIN indexes' pending lists (up to 4 MB each), which
		// every text search then reads through in full until a vacuum merges them, and PGlite never
		// vacuums (the single mother's sentence over 15,000 pending entries: 145 -> 75 ms on PostgreSQL)
		await tx.execute(sql`
			SELECT gin_clean_pending_list(i.indexrelid)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
			WHERE a.amname = 'gin' AND pg_has_role(c.relowner, 'USAGE')
				AND i.indrelid::regclass::text = ANY(${textArray(SEARCH_TABLES)})
		`);
		const [row] = await selectRows<VocabularyRefresh>(tx, sql`
			SELECT (SELECT documents FROM search_corpus WHERE id = 1) AS documents,
				(SELECT count(*)::int FROM search_lexeme) AS lexemes,
				(SELECT count(*)::int FROM search_word) AS words
		`);
		return row!;
	};
	return db.transaction(run);
}
