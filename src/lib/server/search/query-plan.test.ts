import { describe, expect, it } from 'vitest';
import { tokenize } from './normalize.ts';
import {
	buildQueryPlan,
	idf,
	inOrder,
	keepLongestMatches,
	RANKING,
	type AnalysedToken,
	type ThesaurusMatch
} from './query-plan.ts';

/** Tokens of a query with the stems a test gives (default: the word itself). */
function analyse(
	query: string,
	info: Record<string, Partial<Omit<AnalysedToken, 'token'>>> = {}
): AnalysedToken[] {
	return tokenize(query).map((token) => ({
		token,
		lexeme: token.word,
		stop: false,
		correction: null,
		siblings: [],
		...info[token.word]
	}));
}

const documents: Record<string, number> = { affitt: 5, sold: 1, contrib: 20, canon: 8, nid: 4, micronid: 2, servizi: 90, mal: 3, scuol: 30, bullism: 1 };
const plan = (query: string, info: Parameters<typeof analyse>[1] = {}, thesaurus: ThesaurusMatch[] = []) =>
	buildQueryPlan({
		query,
		tokens: analyse(query, info),
		thesaurus,
		documentsOf: (l) => documents[l] ?? 0,
		titlesOf: () => 0,
		totalDocuments: 100
	});

describe('inOrder', () => {
	it('finds a phrase in order, with words in between', () => {
		expect(inOrder(['prend', 'gir'], ['figl', 'prend', 'in', 'gir', 'scuol'])).toBe(true);
		expect(inOrder(['hom', 'car'], ['car', 'hom'])).toBe(false);
		expect(inOrder([], ['x'])).toBe(true);
	});
});

describe('idf', () => {
	it('weighs rare stems more and unknown ones not at all', () => {
		expect(idf(1, 100)).toBeGreaterThan(idf(20, 100));
		expect(idf(0, 100)).toBe(0);
		expect(idf(100, 100)).toBeGreaterThan(0);
	});
});

describe('buildQueryPlan', () => {
	it('makes a group per meaningful word and drops stop words and numbers', () => {
		const p = plan('vorrei nid per 17 affitt', { vorrei: { stop: true }, per: { lexeme: null } });
		expect(p.groups.map((g) => g.label)).toEqual(['nid', 'affitt']);
		expect(p.groups[0]!.alternatives).toEqual([{ lexemes: ['nid'], factor: 1, idf: idf(4, 100), documents: 4, titles: 0 }]);
	});

	it('searches conversational words when the query has nothing else', () => {
		expect(plan('mal', { mal: { stop: true } }).groups.map((g) => g.label)).toEqual(['mal']);
	});

	it('adds the thesaurus expansions of a word to its group, at a lower factor and weight', () => {
		const p = plan('asil', {}, [{ term: 'asilo', lexemes: ['asil'], weight: 0.8, expansions: [['nid'], ['micronid']] }]);
		expect(p.groups).toHaveLength(1);
		expect(p.groups[0]!.weight).toBe(0.8);
		const factors = Object.fromEntries(p.groups[0]!.alternatives.map((a) => [a.lexemes.join(' '), a.factor]));
		// "asil" is used by no service: only the expansions remain
		expect(factors).toEqual({ nid: RANKING.synonymFactor, micronid: RANKING.synonymFactor * (1 - RANKING.expansionDecay) });
	});

	it('merges the words of a matched phrase into the phrase group', () => {
		const p = plan('sold per l affitt', { per: { lexeme: null }, l: { lexeme: null } }, [
			{ term: 'soldi per l affitto', lexemes: ['affitt', 'sold'], weight: 1, expansions: [['affitt', 'contrib'], ['canon']] },
			{ term: 'affitto', lexemes: ['affitt'], weight: 1, expansions: [['scuol']] }
		]);
		expect(p.groups).toHaveLength(1);
		const alternatives = p.groups[0]!.alternatives.map((a) => `${a.lexemes.join('&')}:${a.factor.toFixed(2)}`);
		expect(alternatives.sort()).toEqual(
			[`affitt&contrib:${RANKING.phraseFactor.toFixed(2)}`, 'canon:0.64', 'affitt:0.50', 'sold:0.50'].sort()
		);
	});

	it('counts an ambiguous word only together with one of its expansions', () => {
		const p = plan('affitt', {}, [
			{ term: 'affitto', lexemes: ['affitt'], weight: 1, ambiguous: true, expansions: [['canon'], ['contrib']] }
		]);
		const alternatives = p.groups[0]!.alternatives.map((a) => `${a.lexemes.join('&')}:${a.factor.toFixed(2)}`);
		expect(alternatives).toEqual(['affitt&canon:1.00', 'affitt&contrib:1.00', 'canon:0.60', 'contrib:0.55']);
	});

	it('keeps the longest thesaurus matches only', () => {
		const single = { term: 'affitto', lexemes: ['affitt'], weight: 1, expansions: [] };
		const phrase = { term: 'pagare l affitto', lexemes: ['affitt', 'pag'], weight: 1, expansions: [] };
		expect(keepLongestMatches([single, phrase])).toEqual([phrase]);
	});

	it('selects candidates with the rarer stems, not with a word every service uses', () => {
		expect(plan('servizi nid').retrieval).toBe("'nid'");
		expect(plan('servizi').retrieval).toBe("'servizi'");
		expect(plan('xyz').retrieval).toBeNull();
	});

	it('selects by the typed word before its synonyms, even when the word is common', () => {
		const p = plan('servizi', {}, [{ term: 'servizi', lexemes: ['servizi'], weight: 1, expansions: [['bullism']] }]);
		expect(p.retrieval).toBe("'servizi' | 'bullism'");
	});

	it('builds tsqueries only from safe stems', () => {
		const p = plan('nid', { nid: { lexeme: "nid' | !x" } });
		expect(p.retrieval).toBeNull();
	});

	it('reports corrections in the words as typed', () => {
		const p = plan('Bulismo a scuola', { bulismo: { correction: { word: 'bullismo', lexeme: 'bullism' } } });
		expect(p.correctedQuery).toBe('bullismo a scuola');
		expect(p.groups[0]!.alternatives[0]).toMatchObject({ lexemes: ['bullism'], factor: RANKING.correctedFactor });
	});

	it('adds other inflections the corpus uses, never weightier than the typed word', () => {
		const p = plan('affitt', { affitt: { siblings: ['bullism'] } });
		const sibling = p.groups[0]!.alternatives.find((a) => a.lexemes[0] === 'bullism')!;
		expect(sibling.factor).toBe(RANKING.siblingFactor);
		expect(sibling.idf).toBe(idf(5, 100));
	});
});

describe('retrieval budget', () => {
	it('keeps the best alternative of each group and drops light common ones on a big directory', () => {
		const big: Record<string, number> = { affitt: 2000, canon: 9000, contrib: 20000, sfratt: 500, cas: 25000 };
		const named: Record<string, number> = { affitt: 300, canon: 900, contrib: 4000, sfratt: 20 };
		const p = buildQueryPlan({
			query: 'affitt sfratt',
			tokens: analyse('affitt sfratt'),
			thesaurus: [{ term: 'affitto', lexemes: ['affitt'], weight: 1, expansions: [['canon'], ['contrib']] }],
			documentsOf: (l) => big[l] ?? 0,
			titlesOf: (l) => named[l] ?? 0,
			totalDocuments: 100_000
		});
		// budget 3000: affitt (2000) and sfratt (500) in; canon and contrib would blow it
		expect(p.retrieval).toBe("'sfratt' | 'affitt'");
		// the names the retrieval can match, at most: those of what it selects
		expect(p.titleCandidates).toBe(320);
		// they still rank whatever the retrieval brought in
		expect(p.groups[0]!.alternatives.map((a) => a.lexemes[0])).toEqual(['affitt', 'canon', 'contrib']);
	});

	it('says which candidates meet another need besides the ones selecting them', () => {
		const big: Record<string, number> = { affitt: 2000, cas: 25000, canon: 9000 };
		const p = buildQueryPlan({
			query: 'affitt cas',
			tokens: analyse('affitt cas'),
			thesaurus: [{ term: 'affitto', lexemes: ['affitt'], weight: 1, expansions: [['canon']] }],
			documentsOf: (l) => big[l] ?? 0,
			titlesOf: () => 0,
			totalDocuments: 100_000
		});
		// "cas" would blow the budget: it only ranks, and the services meeting both needs come first
		expect(p.retrieval).toBe("'affitt'");
		expect(p.covering).toBe("('affitt') & ('cas')");
		// one need, or every need selecting: nothing to cover besides
		expect(plan('nid').covering).toBeNull();
		expect(plan('nid affitt').retrieval).toBe("'nid' | 'affitt'");
		expect(plan('nid affitt').covering).toBeNull();
	});

	it('selects without the alternatives that need every stem of another one', () => {
		const big: Record<string, number> = { affitt: 2000, cas: 25000, lavor: 30000, inser: 8000 };
		const p = buildQueryPlan({
			query: 'affitt lavor',
			tokens: analyse('affitt lavor'),
			thesaurus: [{ term: 'lavoro', lexemes: ['lavor'], weight: 1, expansions: [['inser', 'lavor'], ['cas']] }],
			documentsOf: (l) => big[l] ?? 0,
			titlesOf: () => 0,
			totalDocuments: 100_000
		});
		// "inserimento lavorativo" selects nothing "lavoro" does not: only ranking still sees it
		expect(p.covering).toBe("('affitt') & ('lavor' | 'cas')");
		expect(p.groups[1]!.alternatives.map((a) => a.lexemes.join(' '))).toContain('inser lavor');
	});
});
