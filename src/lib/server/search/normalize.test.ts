import { describe, expect, it } from 'vitest';
import { cleanQuery, foldTerm, foldText, replaceTokens, tokenize } from './normalize.ts';

describe('cleanQuery', () => {
	it('trims, removes control characters and collapses blanks', () => {
		expect(cleanQuery('  asilo\u0000\u0007   nido\u202e\n')).toBe('asilo nido');
	});

	it('keeps at most 200 characters without splitting an emoji', () => {
		expect(cleanQuery('x'.repeat(10_000))).toHaveLength(200);
		const emoji = cleanQuery('👶'.repeat(300));
		expect(Array.from(emoji)).toHaveLength(200);
		expect(emoji).not.toMatch(/[\ud800-\udbff]$/);
	});
});

describe('foldText', () => {
	it('lower-cases and removes accents as unaccent does', () => {
		expect(foldText('Città PERCHÉ più Ünïcödé')).toBe('citta perche piu unicode');
	});
});

describe('tokenize', () => {
	it('splits Italian elisions and remembers offsets', () => {
		expect(tokenize("Soldi per l'affitto")).toEqual([
			{ word: 'soldi', start: 0, end: 5 },
			{ word: 'per', start: 6, end: 9 },
			{ word: 'l', start: 10, end: 11 },
			{ word: 'affitto', start: 12, end: 19 }
		]);
	});

	it('turns operators, quotes, SQL and emoji into separators', () => {
		expect(tokenize(`'; DROP TABLE service; -- a & | ! :* "x" 🏠<nido>`).map((t) => t.word)).toEqual([
			'drop',
			'table',
			'service',
			'a',
			'x',
			'nido'
		]);
		expect(tokenize('&|!:*()<>\'"')).toEqual([]);
	});
});

describe('foldTerm and replaceTokens', () => {
	it('folds a thesaurus term to its stored form', () => {
		expect(foldTerm("Soldi per l'Affitto")).toBe('soldi per l affitto');
	});

	it('replaces only the given words, keeping the rest as typed', () => {
		const text = 'Asistenza  DOMICILIARE, anziani!';
		const [first] = tokenize(text);
		expect(replaceTokens(text, [{ token: first!, word: 'assistenza' }])).toBe('assistenza  DOMICILIARE, anziani!');
	});
});
