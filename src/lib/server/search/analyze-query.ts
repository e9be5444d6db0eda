/**
 * Query analysis against the database: the stems of the typed words (the same piazza_it
 * stemmer as the documents), which are conversational stop words, which the corpus does not
 * know (typo correction through the trigram index of search_word), the thesaurus entries the
 * query triggers and how many services use each stem. Only folded [a-z0-9] words and stems
 * ever reach SQL, always as parameters.
 */
import { sql } from 'drizzle-orm';
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
		return { groups: [], retrieval: null, candidates: 0, titleCandidates: 0, phraseEstimate: false, covering: null, documents: 0, correctedQuery: null };
	}
	const words = [...new Set(tokens.map((t) => t.word))];

	const known = await selectRows<{
		word: string;
		lexeme: string | null;
		stop: boolean;
		documents: number;
		in_thesaurus: boolean;
		total: number;
	}>(
		db,
		sql`
			SELECT w.word, w.lexeme, sw.word IS NOT NULL AS stop,
				coalesce(l.documents, 0)::int AS documents,
				-- asked only of the words the corpus lacks (a typo or a word of the thesaurus alone):
				-- the planner scans the thesaurus for each word it is asked of
				(w.lexeme IS NOT NULL AND sw.word IS NULL AND l.documents IS NULL AND EXISTS (
					SELECT 1 FROM search_synonym s WHERE s.lexemes @> ARRAY[w.lexeme]
				)) AS in_thesaurus,
				coalesce((SELECT documents FROM search_corpus WHERE id = 1), 0)::int AS total
			FROM (
				SELECT word, (ts_lexize('italian_stem', word))[1] AS lexeme
				FROM unnest(${textArray(words)}) AS word
			) w
			LEFT JOIN search_stopword sw ON sw.word = w.word
			LEFT JOIN search_lexeme l ON l.lexeme = w.lexeme
		`
	);
	const info = new Map(known.map((k) => [k.word, k]));
	const total = known[0]?.total ?? 0;

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
	const [corrections, siblings] = await Promise.all([
		correctWords(db, unknown, editCap),
		findSiblings(db, words.filter((w) => !info.get(w)!.stop && info.get(w)!.lexeme !== null))
	]);

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
	const thesaurus = lexemes.length > 0 ? await matchThesaurus(db, lexemes, sequence) : [];

	const allLexemes = new Set([...lexemes, ...thesaurus.flatMap((m) => m.expansions.flat())]);
	const frequencies = await lexemeFrequencies(db, [...allLexemes].filter(isSafeLexeme));
	return buildQueryPlan({
		query,
		tokens: analysed,
		thesaurus,
		documentsOf: (l) => frequencies.get(l)?.documents ?? 0,
		titlesOf: (l) => frequencies.get(l)?.titles ?? 0,
		totalDocuments: total
	});
}

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
 * a different stem ("familiari" -> familiar, "familiare" -> famil). Candidates share the first
 * letters (an index range scan); isSibling() decides.
 */
async function findSiblings(db: DbOrTx, words: string[]): Promise<Map<string, string[]>> {
	const siblings = new Map<string, string[]>();
	const eligible = words.filter((w) => w.length >= SIBLING_PREFIX && /^[a-z]+$/.test(w));
	if (eligible.length === 0) return siblings;
	const prefixes = [...new Set(eligible.map((w) => w.slice(0, SIBLING_PREFIX)))];
	const rows = await selectRows<{ word: string; lexeme: string }>(
		db,
		sql`
			SELECT sw.word, sw.lexeme
			FROM unnest(${textArray(prefixes)}) AS p(prefix)
			JOIN search_word sw ON sw.word ~>=~ p.prefix AND sw.word ~<~ (p.prefix || '{')
		`
	);
	for (const w of eligible) {
		const lexemes = rows.filter((r) => isSibling(w, r.word)).map((r) => r.lexeme);
		if (lexemes.length > 0) siblings.set(w, [...new Set(lexemes)]);
	}
	return siblings;
}

/**
 * Thesaurus entries whose stems the query contains, in the same order ("home care" is not
 * "care home"; "prendono in giro" matches "prendere in giro" whatever sits between the words).
 */
async function matchThesaurus(db: DbOrTx, lexemes: string[], sequence: string[]): Promise<ThesaurusMatch[]> {
	const rows = await selectRows<{
		term: string;
		lexemes: string[];
		ordered: string[];
		weight: number;
		ambiguous: boolean;
		expansions: string;
	}>(
		db,
		// the expansions' stems as JSON text: both drivers hand it over the same way
		sql`
			SELECT s.term, s.lexemes, s.ordered, s.weight::float8 AS weight, s.ambiguous, s.expansion_lexemes::text AS expansions
			FROM search_synonym s
			WHERE s.lexemes <@ ${textArray(lexemes)} AND cardinality(s.expansions) > 0
			ORDER BY s.term COLLATE "C"
		`
	);
	return rows
		.filter((r) => inOrder(r.ordered, sequence))
		.map((r) => ({
			term: r.term,
			lexemes: r.lexemes,
			weight: r.weight,
			ambiguous: r.ambiguous,
			expansions: (JSON.parse(r.expansions) as string[][]).filter((stems) => stems.length > 0)
		}));
}

type LexemeFrequency = { lexeme: string; documents: number; titles: number };

/** How many active services use each stem, and how many in their name. */
async function lexemeFrequencies(db: DbOrTx, lexemes: string[]): Promise<Map<string, LexemeFrequency>> {
	if (lexemes.length === 0) return new Map();
	const rows = await selectRows<LexemeFrequency>(
		db,
		sql`SELECT lexeme, documents, titles FROM search_lexeme WHERE lexeme = ANY(${textArray(lexemes)})`
	);
	return new Map(rows.map((r) => [r.lexeme, r]));
}

/** A text[] parameter (one string, so both drivers bind it the same way). */
export function textArray(values: readonly string[]) {
	const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
	return sql`${literal}::text[]`;
}
