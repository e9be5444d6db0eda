/** Reads of the A-Z keyword index: the list by letter, one keyword, keywords near a query. */
import { asc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { keywordIndexEntry, type KeywordFilters } from '../db/schema/index.ts';
import { AppError } from '../shared/errors.ts';

export type KeywordEntry = {
	slug: string;
	word: string;
	explanation: string;
	explanationEn: string | null;
	query: string;
	filters: KeywordFilters;
	synonyms: string[];
};

export type KeywordSummary = Pick<KeywordEntry, 'slug' | 'word' | 'explanation' | 'explanationEn'>;

export type KeywordLetterGroup = { letter: string; entries: KeywordSummary[] };

const collator = new Intl.Collator('it', { sensitivity: 'base', numeric: true });

/** "Èrba" and "erba" file under E; anything not starting with a letter under "#". */
export function initialOf(word: string): string {
	const first = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().charAt(0).toUpperCase();
	return /^[A-Z]$/.test(first) ? first : '#';
}

/** The whole index in Italian alphabetical order, grouped by initial letter. */
export async function findKeywordIndex(db: DbOrTx): Promise<KeywordLetterGroup[]> {
	const rows = await db
		.select({
			slug: keywordIndexEntry.slug,
			word: keywordIndexEntry.word,
			explanation: keywordIndexEntry.explanation,
			explanationEn: keywordIndexEntry.explanationEn
		})
		.from(keywordIndexEntry);
	// Sorted here, not in SQL: database collations differ between PGlite and servers.
	rows.sort((a, b) => collator.compare(a.word, b.word));
	const groups: KeywordLetterGroup[] = [];
	for (const row of rows) {
		const letter = initialOf(row.word);
		const last = groups.at(-1);
		if (last?.letter === letter) last.entries.push(row);
		else groups.push({ letter, entries: [row] });
	}
	// Non-letters last, after Z.
	return groups.sort((a, b) => (a.letter === '#' ? 1 : b.letter === '#' ? -1 : a.letter.localeCompare(b.letter)));
}

/** One keyword by slug, or NOT_FOUND. */
export async function getKeyword(db: DbOrTx, slug: string): Promise<KeywordEntry> {
	const [row] = await db.select().from(keywordIndexEntry).where(eq(keywordIndexEntry.slug, slug)).limit(1);
	if (!row) throw new AppError('NOT_FOUND', 'Questa parola non è nell’indice.');
	return row;
}

/**
 * Keywords whose word or colloquial variants resemble the searched text, best first, to
 * suggest on a search with no results. Trigram similarity against each word of the text
 * tolerates typos ("afitto" -> affitto) and finds a keyword inside a sentence ("non riesco a
 * pagare le bollette" -> bollette).
 */
export async function findKeywordsNear(
	db: DbOrTx,
	words: string,
	{ limit = 6, threshold = 0.45 }: { limit?: number; threshold?: number } = {}
): Promise<KeywordSummary[]> {
	const text = words.trim().slice(0, 200);
	if (text.length < 2) return [];
	const normalized = sql`lower(piazza_unaccent(${text}))`;
	// A single typed word is also looked for inside longer keywords ("anziani" -> "centro
	// anziani"); a sentence is not, or its small words would match everything.
	const oneWord = !/\s/.test(text) && text.length >= 3;
	const similarity = (candidate: SQLWrapper) =>
		oneWord
			? sql`greatest(strict_word_similarity(${candidate}, ${normalized}), strict_word_similarity(${normalized}, ${candidate}))`
			: sql`strict_word_similarity(${candidate}, ${normalized})`;
	const score = sql<number>`greatest(
		${similarity(sql`lower(piazza_unaccent(${keywordIndexEntry.word}))`)},
		-- a variant counts a little less than the word itself, so "casa" ranks before "aiuto a casa"
		0.9 * coalesce((SELECT max(${similarity(sql`lower(piazza_unaccent(s))`)})
			FROM unnest(${keywordIndexEntry.synonyms}) AS s), 0)
	)`;
	const scored = db
		.select({
			slug: keywordIndexEntry.slug,
			word: keywordIndexEntry.word,
			explanation: keywordIndexEntry.explanation,
			explanationEn: keywordIndexEntry.explanationEn,
			score: score.as('score')
		})
		.from(keywordIndexEntry)
		.as('scored');
	const rows = await db
		.select({
			slug: scored.slug,
			word: scored.word,
			explanation: scored.explanation,
			explanationEn: scored.explanationEn
		})
		.from(scored)
		.where(sql`${scored.score} >= ${threshold}`)
		.orderBy(sql`${scored.score} desc`, asc(scored.word))
		.limit(limit);
	return rows;
}
