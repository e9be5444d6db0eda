/**
 * From what the database says about the words of a query (their stems, how many services use
 * them, thesaurus entries, typo corrections, inflected forms) to a plan: groups of weighted
 * alternatives the ranking sums, the tsquery that selects candidates, and the "did you mean"
 * text. Pure, so every ranking rule is unit-tested without a database.
 */
import { replaceTokens, type Token } from './normalize.ts';

/** One way a need can show up in a document: all these stems (AND). */
export type Alternative = {
	lexemes: string[];
	/** How much a match through this alternative counts, before idf: typed 1, thesaurus less. */
	factor: number;
	idf: number;
	/** Services containing it (an AND: its rarest stem). */
	documents: number;
	/** Services with it in their name (an AND: its rarest stem's count). */
	titles: number;
};

/**
 * One need of the query: a typed word with its inflections and synonyms, or a thesaurus phrase
 * together with the typed words it covers. A document scores its best alternative, plus a
 * little for each further one it also matches.
 */
export type Group = { label: string; weight: number; alternatives: Alternative[] };

export type QueryPlan = {
	groups: Group[];
	/** A tsquery (text form, only sanitised stems) selecting candidates; null when nothing can match. */
	retrieval: string | null;
	/** The alternatives the retrieval selects on. */
	retrievalAlternatives: Alternative[];
	/** How many services the retrieval may select, at most (its alternatives' counts summed). */
	candidates: number;
	/** How many services' names the retrieval may match, at most, counted the same way. */
	titleCandidates: number;
	/**
	 * The retrieval selects on a phrase, which `candidates` counts as its rarest word: the phrase
	 * itself may be in far fewer services ("ascolto" in 6,400, "sportello d'ascolto" in 544).
	 */
	phraseEstimate: boolean;
	/**
	 * The retrieval and, besides, any alternative of a need the retrieval does not select: the
	 * candidates meeting two needs or more, which coverage ranks first (null with one need). A
	 * common word draws its pool from these when they fill it (search-services.ts, rankPassing).
	 */
	covering: string | null;
	/** The active services the plan was made against (the idf's total). */
	documents: number;
	correctedQuery: string | null;
};

export const RANKING = {
	/** A word replaced by its closest vocabulary word counts a bit less than one typed right. */
	correctedFactor: 0.9,
	/** Another inflection of a typed word the stemmer reduces differently ("familiare"/"familiari"). */
	siblingFactor: 0.9,
	/** A thesaurus expansion of a single word counts less than the words typed. */
	synonymFactor: 0.6,
	/** A thesaurus phrase ("pagare l'affitto") says more than any of its words alone. */
	phraseFactor: 0.7,
	/** A typed word inside a matched thesaurus phrase: the phrase carries the meaning. */
	coveredFactor: 0.5,
	/** Each further expansion of a thesaurus entry counts this much less than the one before. */
	expansionDecay: 0.08,
	/**
	 * Stems used by more than this share of the services only rank, they do not select candidates
	 * (unless nothing else would): "servizio" alone should not pull in half the corpus.
	 */
	commonShare: 0.3,
	/** Candidates the retrieval aims at, at least (see retrievalQuery)... */
	candidateBudget: 3000,
	/** ...or this share of the directory, whichever is larger. */
	candidateShare: 0.03
};

export type AnalysedToken = {
	token: Token;
	/** Stem (null for PostgreSQL's Italian stop words). */
	lexeme: string | null;
	/** One of the thesaurus' conversational stop words ("vorrei", "cerco", "the"). */
	stop: boolean;
	correction: { word: string; lexeme: string } | null;
	/** Stems of other inflections of the word found in the corpus. */
	siblings: string[];
};

export type ThesaurusMatch = {
	term: string;
	lexemes: string[];
	weight: number;
	/** The typed word counts only together with one of the expansions. */
	ambiguous?: boolean;
	expansions: string[][];
};

/** Stems must be plain [a-z0-9] to appear in a tsquery literal; anything else is dropped. */
const SAFE_LEXEME = /^[a-z0-9]{1,60}$/;
export const isSafeLexeme = (lexeme: string) => SAFE_LEXEME.test(lexeme);

/** BM25's idf: rare stems weigh more; a stem in every document weighs almost nothing. */
export function idf(documents: number, total: number): number {
	if (documents <= 0) return 0;
	return Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
}

/** Whether `phrase` occurs in `sequence` in order, other words allowed in between. */
export function inOrder(phrase: readonly string[], sequence: readonly string[]): boolean {
	let at = 0;
	for (const item of sequence) if (at < phrase.length && item === phrase[at]) at++;
	return at === phrase.length;
}

/** Drops entries whose stems are a strict subset of another matched entry's: the longer phrase wins. */
export function keepLongestMatches(matches: ThesaurusMatch[]): ThesaurusMatch[] {
	return matches.filter(
		(m) =>
			!matches.some(
				(other) =>
					other.lexemes.length > m.lexemes.length && m.lexemes.every((l) => other.lexemes.includes(l))
			)
	);
}

const effectiveLexeme = (t: AnalysedToken) => t.correction?.lexeme ?? t.lexeme;
/** Numbers ("17 anni", "tre figli") rarely name a need; the thesaurus' own ("730", "104") still do. */
const isNumber = (t: AnalysedToken) => /^[0-9]+$/.test(t.token.word);

export function buildQueryPlan(input: {
	query: string;
	tokens: AnalysedToken[];
	thesaurus: ThesaurusMatch[];
	documentsOf: (lexeme: string) => number;
	titlesOf: (lexeme: string) => number;
	totalDocuments: number;
}): QueryPlan {
	const { tokens, documentsOf, titlesOf } = input;
	const total = Math.max(input.totalDocuments, 1);
	const alternative = (lexemes: string[], factor: number, maxIdf = Infinity): Alternative | null => {
		const unique = [...new Set(lexemes)];
		if (unique.length === 0 || !unique.every(isSafeLexeme)) return null;
		const weights = unique.map((l) => idf(documentsOf(l), total));
		// a stem no service uses makes the whole alternative unmatchable
		if (weights.some((w) => w === 0)) return null;
		return {
			lexemes: unique.sort(),
			factor,
			idf: Math.min(Math.max(...weights), maxIdf),
			documents: Math.min(...unique.map(documentsOf)),
			titles: Math.min(...unique.map(titlesOf))
		};
	};
	const matches = keepLongestMatches(input.thesaurus);
	const inThesaurus = new Set(matches.flatMap((m) => m.lexemes));

	// a query made only of conversational words ("aiuto") searches for them after all
	const content = (t: AnalysedToken) =>
		effectiveLexeme(t) !== null && ((!t.stop && !isNumber(t)) || inThesaurus.has(effectiveLexeme(t)!));
	const onlyFiller = !tokens.some(content);

	type Node = Group & { merged?: Node };
	const root = (n: Node): Node => (n.merged ? root(n.merged) : n);
	const byLexeme = new Map<string, Node>();
	const nodes: Node[] = [];
	for (const t of tokens) {
		const lexeme = effectiveLexeme(t);
		if (!lexeme || (!content(t) && !onlyFiller) || byLexeme.has(lexeme)) continue;
		const typed = alternative([lexeme], t.correction ? RANKING.correctedFactor : 1);
		const siblings = t.siblings
			.filter((s) => s !== lexeme)
			.map((s) => alternative([s], RANKING.siblingFactor, typed?.idf ?? Infinity));
		const node: Node = {
			label: t.correction?.word ?? t.token.word,
			weight: 1,
			alternatives: [typed, ...siblings].filter((a): a is Alternative => a !== null)
		};
		byLexeme.set(lexeme, node);
		nodes.push(node);
	}

	for (const match of matches) {
		const single = match.lexemes.length === 1 ? byLexeme.get(match.lexemes[0]!) : undefined;
		const factor = single ? RANKING.synonymFactor : RANKING.phraseFactor;
		// expansions are listed from the closest meaning to the loosest
		const expansions = match.expansions
			.map((lexemes, i) => alternative(lexemes, factor * Math.max(0.5, 1 - RANKING.expansionDecay * i)))
			.filter((a): a is Alternative => a !== null);
		if (single) {
			const group = root(single);
			if (match.ambiguous) {
				// "asilo" counts where "nido" (or another expansion) is also found, not in "richiedenti asilo"
				group.alternatives = group.alternatives.flatMap((typed) =>
					match.expansions
						.map((e) => alternative([...typed.lexemes, ...e], typed.factor))
						.filter((a): a is Alternative => a !== null)
				);
			}
			group.alternatives.push(...expansions);
			group.weight = Math.min(group.weight, match.weight);
			continue;
		}
		const phrase: Node = { label: match.term, weight: match.weight, alternatives: expansions };
		nodes.push(phrase);
		for (const l of match.lexemes) {
			const covered = byLexeme.get(l);
			if (!covered) continue;
			const group = root(covered);
			if (group === phrase) continue;
			// the typed words join the phrase's group, so the need counts once
			for (const a of group.alternatives) {
				phrase.alternatives.push({ ...a, factor: Math.min(a.factor, RANKING.coveredFactor) });
			}
			phrase.weight = Math.max(phrase.weight, group.weight);
			group.alternatives = [];
			group.merged = phrase;
		}
	}

	const groups = nodes
		.filter((n) => !n.merged)
		.map(({ label, weight, alternatives }) => ({ label, weight, alternatives: dedupeAlternatives(alternatives) }))
		.filter((g) => g.alternatives.length > 0);
	return {
		groups,
		...retrievalQuery(groups, total),
		documents: input.totalDocuments,
		correctedQuery: correctedText(input.query, tokens)
	};
}

/** The same stems reached twice in one group count once, at the better factor. */
function dedupeAlternatives(alternatives: Alternative[]): Alternative[] {
	const best = new Map<string, Alternative>();
	for (const a of alternatives) {
		const key = a.lexemes.join(' ');
		const seen = best.get(key);
		if (!seen || seen.factor < a.factor) best.set(key, a);
	}
	return [...best.values()];
}

/** A tsquery text for one stem. */
export const lexemeQuery = (lexeme: string) => `'${lexeme}'`;

/** A tsquery text for one alternative: 'a' or ('a' & 'b'). */
export function alternativeQuery(a: Alternative): string {
	const terms = a.lexemes.map(lexemeQuery);
	return terms.length === 1 ? terms[0]! : `(${terms.join(' & ')})`;
}

/** The same stems as an OR: what ts_rank scores once the AND matched. */
export function alternativeRankQuery(a: Alternative): string {
	return a.lexemes.map(lexemeQuery).join(' | ');
}

/**
 * The candidates: services matching the best alternative (the typed word before its synonyms)
 * of the weightiest group, then the best alternatives of the other groups and then lighter
 * alternatives, heaviest first, while the candidates they add (counted generously, as if they
 * never overlapped) stay within a budget: a sentence full of common words must not drag the
 * whole directory into ranking and counting, and a service matching only what was left out
 * would rank below the ones found anyway. A group whose best alternative is in more than 30% of
 * the services selects nothing when another group can; lighter alternatives that common never
 * select. On a small directory the budget never binds.
 */
function retrievalQuery(
	groups: Group[],
	total: number
): Pick<QueryPlan, 'retrieval' | 'retrievalAlternatives' | 'candidates' | 'titleCandidates' | 'phraseEstimate' | 'covering'> {
	if (groups.length === 0) {
		return { retrieval: null, retrievalAlternatives: [], candidates: 0, titleCandidates: 0, phraseEstimate: false, covering: null };
	}
	const weightOf = new Map<Alternative, number>();
	for (const g of groups) for (const a of g.alternatives) weightOf.set(a, g.weight * a.factor * a.idf);
	const byWeight = (x: Alternative, y: Alternative) => weightOf.get(y)! - weightOf.get(x)!;
	const best = groups.map((g) => [...g.alternatives].sort((x, y) => y.factor - x.factor || y.idf - x.idf)[0]!);
	const lighter = groups.flatMap((g) => g.alternatives).filter((a) => !best.includes(a));
	const selective = (a: Alternative) => a.documents / total <= RANKING.commonShare;
	const leading = best.some(selective) ? best.filter(selective) : best;
	const candidates = [...leading.sort(byWeight), ...lighter.filter(selective).sort(byWeight)];
	const budget = Math.max(RANKING.candidateBudget, total * RANKING.candidateShare);
	const chosen = [candidates[0]!];
	let estimate = candidates[0]!.documents;
	for (const a of candidates.slice(1)) {
		if (estimate + a.documents > budget) continue;
		chosen.push(a);
		estimate += a.documents;
	}
	const retrieval = selectingQuery(chosen);
	const others = groups.filter((g) => !g.alternatives.some((a) => chosen.includes(a))).flatMap((g) => g.alternatives);
	return {
		retrieval,
		retrievalAlternatives: chosen,
		candidates: estimate,
		titleCandidates: chosen.reduce((n, a) => n + a.titles, 0),
		phraseEstimate: chosen.some((a) => a.lexemes.length > 1),
		covering: others.length > 0 ? `(${retrieval}) & (${selectingQuery(others)})` : null
	};
}

/** Alternatives as one tsquery text: any of them. */
export const orQuery = (alternatives: Alternative[]) => [...new Set(alternatives.map(alternativeQuery))].join(' | ');

/**
 * The same for selecting only, not ranking: an alternative needing every stem of another one
 * ("inserimento lavorativo" beside "lavoro") selects nothing more and is left out, so the index
 * reads fewer lists ("sono una mamma sola...", its covering names and keywords: 12-26 -> 9-15 ms).
 */
function selectingQuery(alternatives: Alternative[]): string {
	const needsMore = (a: Alternative, b: Alternative) =>
		b.lexemes.length < a.lexemes.length && b.lexemes.every((l) => a.lexemes.includes(l));
	return orQuery(alternatives.filter((a) => !alternatives.some((b) => needsMore(a, b))));
}

function correctedText(query: string, tokens: AnalysedToken[]): string | null {
	const replacements = tokens
		.filter((t) => t.correction && t.correction.word !== t.token.word)
		.map((t) => ({ token: t.token, word: t.correction!.word }));
	return replacements.length > 0 ? replaceTokens(query, replacements) : null;
}
