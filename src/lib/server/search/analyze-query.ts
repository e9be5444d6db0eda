/**
 * Query analysis against the database: the stems of the typed words (the same piazza_it
 * stemmer as the documents), which are conversational stop words, which the corpus does not
 * know (typo correction through the trigram index of search_word), the thesaurus entries the
 * query triggers and how many services use each stem. Only folded [a-z0-9] words and stems
 * ever reach SQL, always as parameters.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { tokenize } from './normalize.ts';
import {
	buildQueryPlan,
	inOrder,
	isSafeLexeme,
	type AnalysedToken,
	type QueryPlan,
	type ThesaurusMatch
} from './query-plan.ts';
import { selectRows } from './rows.ts';
import {
	chooseCorrection,
	isSibling,
	MIN_CORRECTABLE_LENGTH,
	SIBLING_PREFIX,
	type CorrectionCandidate
} from './typos.ts';

/** A 200-character query has at most ~40 words; more are not worth ranking on. */
const MAX_TOKENS = 40;
const MAX_WORD_LENGTH = 40;
/** Trigram similarity a correction candidate needs (pg_trgm's default is 0.3). */
const MIN_SIMILARITY = 0.3;
/** From this many meaningful words a query is a sentence: corrections get stricter. */
const LONG_QUERY_WORDS = 4;

export async function analyzeQuery(db: DbOrTx, query: string): Promise<QueryPlan> {
	const tokens = tokenize(query)
		.filter((t) => t.word.length <= MAX_WORD_LENGTH)
		.slice(0, MAX_TOKENS);
	if (tokens.length === 0) {
		return { groups: [], retrieval: null, retrievalAlternatives: [], candidates: 0, titleCandidates: 0, phraseEstimate: false, covering: null, documents: 0, correctedQuery: null };
	}
	const words = [...new Set(tokens.map((t) => t.word))];
	const typed = await readTypedWords(db, words);
	const info = new Map(typed.words.map((k) => [k.word, k]));

	// in a sentence an unknown word is more often a real word the corpus lacks than a typo
	const contentWords = words.filter((w) => info.get(w)!.lexeme !== null && !info.get(w)!.stop).length;
	const editCap = contentWords >= LONG_QUERY_WORDS ? 1 : Infinity;
	const unknown = words.filter((w) => {
		const k = info.get(w)!;
		return (
			k.lexeme !== null &&
			!k.stop &&
			k.documents === 0 &&
			!k.in_thesaurus &&
			w.length >= MIN_CORRECTABLE_LENGTH &&
			/^[a-z]+$/.test(w)
		);
	});
	const corrections = await correctWords(db, unknown, editCap);
	const siblings = siblingsOf(
		words.filter((w) => !info.get(w)!.stop && info.get(w)!.lexeme !== null),
		typed.siblings
	);

	const analysed: AnalysedToken[] = tokens.map((token) => {
		const k = info.get(token.word)!;
		const lexeme = k.lexeme && isSafeLexeme(k.lexeme) ? k.lexeme : null;
		const correction = corrections.get(token.word) ?? null;
		return {
			token,
			lexeme,
			stop: k.stop,
			correction,
			siblings: siblings.get(correction?.word ?? token.word) ?? []
		};
	});

	const sequence = analysed.map((t) => t.correction?.lexeme ?? t.lexeme).filter((l): l is string => l !== null);
	const lexemes = [...new Set(sequence)];
	// the first statement read the vocabulary of the typed stems: a correction (or an unsafe stem) asks again
	const typedLexemes = new Set(typed.words.flatMap((k) => (k.lexeme === null ? [] : [k.lexeme])));
	const sameStems = lexemes.length === typedLexemes.size && lexemes.every((l) => typedLexemes.has(l));
	const vocabulary =
		lexemes.length === 0
			? { thesaurus: [], frequencies: [] }
			: sameStems
				? typed.vocabulary
				: await readVocabulary(db, lexemes);
	const thesaurus = matchThesaurus(vocabulary.thesaurus, sequence);
	const frequencies = new Map(vocabulary.frequencies.map((f) => [f.lexeme, f]));
	return buildQueryPlan({
		query,
		tokens: analysed,
		thesaurus,
		documentsOf: (l) => frequencies.get(l)?.documents ?? 0,
		titlesOf: (l) => frequencies.get(l)?.titles ?? 0,
		totalDocuments: typed.total
	});
}

type TypedWord = {
	word: string;
	lexeme: string | null;
	stop: boolean;
	documents: number;
	in_thesaurus: boolean;
};
type ThesaurusRow = {
	term: string;
	lexemes: string[];
	ordered: string[];
	weight: number;
	ambiguous: boolean;
	expansions: string[][];
};
type LexemeFrequency = { lexeme: string; documents: number; titles: number };
/** The thesaurus entries a set of stems may trigger, and how many services use each stem. */
type Vocabulary = { thesaurus: ThesaurusRow[]; frequencies: LexemeFrequency[] };

/**
 * Everything the analysis needs of the typed words, in one statement (a sentence's four round
 * trips were 5 ms on PostgreSQL, 7 on PGlite): each word's stem, whether it is a conversational
 * stop word, how many services use it and whether the thesaurus knows it; the size of the
 * directory; the corpus' words sharing a typed word's first letters (siblings); and the
 * vocabulary of the typed stems, which serves unless a word is corrected.
 */
async function readTypedWords(
	db: DbOrTx,
	words: string[]
): Promise<{ words: TypedWord[]; total: number; siblings: { word: string; lexeme: string }[]; vocabulary: Vocabulary }> {
	const [row] = await selectRows<{ analysis: string }>(
		db,
		sql`
			WITH typed AS MATERIALIZED (
				SELECT word, (ts_lexize('italian_stem', word))[1] AS lexeme
				FROM unnest(${textArray(words)}) AS word
			),
			known AS (
				SELECT t.word, t.lexeme, sw.word IS NOT NULL AS stop,
					coalesce(l.documents, 0)::int AS documents,
					-- asked only of the words the corpus lacks (a typo or a word of the thesaurus alone):
					-- the planner scans the thesaurus for each word it is asked of
					(t.lexeme IS NOT NULL AND sw.word IS NULL AND l.documents IS NULL AND EXISTS (
						SELECT 1 FROM search_synonym s WHERE s.lexemes @> ARRAY[t.lexeme]
					)) AS in_thesaurus
				FROM typed t
				LEFT JOIN search_stopword sw ON sw.word = t.word
				LEFT JOIN search_lexeme l ON l.lexeme = t.lexeme
			),
			-- candidates only: siblingsOf() decides
			prefix AS (
				SELECT DISTINCT left(word, ${SIBLING_PREFIX}) AS prefix FROM known
				WHERE NOT stop AND lexeme IS NOT NULL AND length(word) >= ${SIBLING_PREFIX}
			)
			SELECT json_build_object(
				'words', (SELECT json_agg(known) FROM known),
				'total', coalesce((SELECT documents FROM search_corpus WHERE id = 1), 0),
				'siblings', coalesce((
					SELECT json_agg(json_build_object('word', sw.word, 'lexeme', sw.lexeme))
					FROM prefix p JOIN search_word sw ON sw.word ~>=~ p.prefix AND sw.word ~<~ (p.prefix || '{')
				), '[]'),
				'vocabulary', (${vocabularyOf(sql`ARRAY(SELECT lexeme FROM typed WHERE lexeme IS NOT NULL)`)})
			)::text AS analysis
		`
	);
	return JSON.parse(row!.analysis);
}

/** The vocabulary of stems the typed words were not (a correction's). */
async function readVocabulary(db: DbOrTx, lexemes: string[]): Promise<Vocabulary> {
	const [row] = await selectRows<{ vocabulary: string }>(
		db,
		sql`SELECT (${vocabularyOf(textArray(lexemes))})::text AS vocabulary`
	);
	return JSON.parse(row!.vocabulary);
}

/**
 * The vocabulary of the stems `lexemes` (an SQL text[]) as one JSON value: the thesaurus entries
 * whose stems are all among them, with the stems stored at install (the order of the term's
 * stems, each expansion's stems), and the counts of the stems and of the entries' expansions.
 */
const vocabularyOf = (lexemes: SQL) => sql`
	WITH entry AS (
		SELECT s.term, s.lexemes, s.ordered, s.weight::float8 AS weight, s.ambiguous, s.expansion_lexemes AS expansions
		FROM search_synonym s
		WHERE s.lexemes <@ ${lexemes} AND cardinality(s.expansions) > 0
	)
	SELECT json_build_object(
		'thesaurus', coalesce((SELECT json_agg(e ORDER BY e.term COLLATE "C") FROM entry e), '[]'),
		'frequencies', coalesce((
			SELECT json_agg(l) FROM (
				SELECT lexeme, documents, titles FROM search_lexeme
				WHERE lexeme = ANY(${lexemes} || ARRAY(
					SELECT jsonb_array_elements_text(jsonb_array_elements(e.expansions)) FROM entry e
				))
			) l
		), '[]')
	)`;

async function correctWords(
	db: DbOrTx,
	words: string[],
	editCap: number
): Promise<Map<string, { word: string; lexeme: string }>> {
	const corrections = new Map<string, { word: string; lexeme: string }>();
	if (words.length === 0) return corrections;
	const rows = await selectRows<CorrectionCandidate & { typed: string }>(
		db,
		sql`
			SELECT u.typed, c.word, c.lexeme, c.documents, c.similarity
			FROM unnest(${textArray(words)}) AS u(typed)
			CROSS JOIN LATERAL (
				SELECT sw.word, sw.lexeme, sw.documents, similarity(sw.word, u.typed)::float8 AS similarity
				FROM search_word sw
				WHERE sw.word % u.typed AND similarity(sw.word, u.typed) >= ${MIN_SIMILARITY}
				ORDER BY similarity(sw.word, u.typed) DESC, sw.documents DESC
				LIMIT 10
			) c
		`
	);
	for (const typed of words) {
		const choice = chooseCorrection(
			typed,
			rows.filter((r) => r.typed === typed),
			editCap
		);
		if (choice && isSafeLexeme(choice.lexeme)) corrections.set(typed, { word: choice.word, lexeme: choice.lexeme });
	}
	return corrections;
}

/**
 * Other inflections of the typed words that the corpus uses, when the stemmer reduces them to
 * a different stem ("familiari" -> familiar, "familiare" -> famil), among the corpus' words
 * sharing their first letters (`candidates`, an index range scan); isSibling() decides.
 */
function siblingsOf(words: string[], candidates: { word: string; lexeme: string }[]): Map<string, string[]> {
	const siblings = new Map<string, string[]>();
	for (const w of words) {
		if (w.length < SIBLING_PREFIX || !/^[a-z]+$/.test(w)) continue;
		const lexemes = candidates.filter((r) => isSibling(w, r.word)).map((r) => r.lexeme);
		if (lexemes.length > 0) siblings.set(w, [...new Set(lexemes)]);
	}
	return siblings;
}

/**
 * Thesaurus entries whose stems the query contains, in the same order ("home care" is not
 * "care home"; "prendono in giro" matches "prendere in giro" whatever sits between the words).
 */
function matchThesaurus(rows: ThesaurusRow[], sequence: string[]): ThesaurusMatch[] {
	return rows
		.filter((r) => inOrder(r.ordered, sequence))
		.map((r) => ({
			term: r.term,
			lexemes: r.lexemes,
			weight: r.weight,
			ambiguous: r.ambiguous,
			expansions: r.expansions.filter((stems) => stems.length > 0)
		}));
}

/** A text[] parameter (one string, so both drivers bind it the same way). */
export function textArray(values: readonly string[]) {
	const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
	return sql`${literal}::text[]`;
}
