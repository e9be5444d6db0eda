/**
 * Completion as the person types: words of the corpus and of the thesaurus that start with
 * the last (partial) word, and services whose name contains all the words typed, the last
 * one as a prefix. Only folded [a-z0-9] text reaches SQL, as parameters.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { textArray } from './analyze-query.ts';
import { cleanQuery, tokenize } from './normalize.ts';
import { isSafeLexeme } from './query-plan.ts';
import { selectRows } from './rows.ts';

export type Suggestion = { label: string; kind: 'word' | 'service'; url?: string };

export const MAX_SUGGESTIONS = 20;
/** Shorter prefixes match too much to help. */
const MIN_PREFIX = 2;

export async function suggest(db: DbOrTx, prefix: string, limit = 8): Promise<Suggestion[]> {
	const text = cleanQuery(prefix);
	const tokens = tokenize(text).slice(-6);
	const last = tokens.at(-1);
	const size = Math.max(1, Math.min(Math.floor(limit), MAX_SUGGESTIONS));
	if (!last || last.word.length < MIN_PREFIX) return [];
	// after a space the last word is finished: no word to complete, only names to find
	const partial = !/\s$/.test(prefix);

	const before = text.slice(0, last.start);
	const [words, services] = await Promise.all([
		partial ? completeWord(db, last.word, size) : [],
		findServices(
			db,
			tokens.map((t) => t.word),
			partial,
			size
		)
	]);
	const wordSuggestions = words
		.filter((w) => w.word !== last.word)
		.map((w): Suggestion => ({ label: `${before}${w.display}`, kind: 'word' }));
	const serviceSuggestions = services.map(
		(s): Suggestion => ({ label: s.name, kind: 'service', url: `/servizi/${s.slug}` })
	);
	// half words, half services, each filling in when the other has fewer
	const wordCount = Math.min(wordSuggestions.length, Math.max(Math.ceil(size / 2), size - serviceSuggestions.length));
	return [...wordSuggestions.slice(0, wordCount), ...serviceSuggestions].slice(0, size);
}

async function completeWord(db: DbOrTx, prefix: string, limit: number) {
	return selectRows<{ word: string; display: string }>(
		db,
		sql`SELECT word, display FROM search_word
			WHERE word ~>=~ ${prefix} AND word ~<~ ${`${prefix}{`}
			ORDER BY documents DESC, length(word), word
			LIMIT ${limit}`
	);
}

/**
 * Services whose name (weight A of the document) has every word typed: the complete words by
 * their stem, the last one, when still being typed, as a prefix of a stem.
 */
async function findServices(db: DbOrTx, words: string[], partial: boolean, limit: number) {
	const rows = await selectRows<{ word: string; lexeme: string | null }>(
		db,
		sql`SELECT word, (ts_lexize('italian_stem', word))[1] AS lexeme FROM unnest(${textArray(words)}) AS word`
	);
	const stemOf = new Map(rows.map((r) => [r.word, r.lexeme]));
	const parts = words.flatMap((word, i) => {
		const stem = stemOf.get(word) ?? null;
		if (partial && i === words.length - 1) {
			// "assistenz" is on its way to "assistenza", whose stem is "assistent": match on less
			const start = (stem && stem.length < word.length ? stem : word).slice(0, Math.max(3, word.length - 2));
			return isSafeLexeme(start) ? [`'${start}':*A`] : [];
		}
		// a stop word ("per", "di") says nothing about a name
		return stem && isSafeLexeme(stem) ? [`'${stem}':A`] : [];
	});
	if (parts.length === 0) return [];
	const query = parts.join(' & ');
	return selectRows<{ name: string; slug: string }>(
		db,
		sql`SELECT s.name, s.slug
			FROM service s JOIN search_entry e ON e.service_id = s.id
			WHERE e.active AND s.search_document @@ ${query}::tsquery
			ORDER BY ts_rank('{0,0,0,1}', s.search_document, ${query}::tsquery) DESC, e.sort_key
			LIMIT ${limit}`
	);
}
