import { describe, expect, it } from 'vitest';
import { chooseCorrection, editDistance, isSibling, maxEdits } from './typos.ts';

const candidate = (word: string, similarity: number, documents = 1) => ({ word, lexeme: word, documents, similarity });

describe('editDistance', () => {
	it('counts insertions, deletions, substitutions and adjacent swaps', () => {
		expect(editDistance('bulismo', 'bullismo')).toBe(1);
		expect(editDistance('impeigo', 'impiego')).toBe(1);
		expect(editDistance('comprare', 'compilare')).toBe(2);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('nido', 'nido')).toBe(0);
	});
});

describe('chooseCorrection', () => {
	it('takes the closest spelling, then the most similar, then the most common', () => {
		expect(chooseCorrection('dormitoio', [candidate('dormitori', 0.5), candidate('dormitorio', 0.6)])?.word).toBe(
			'dormitorio'
		);
		expect(chooseCorrection('alimentri', [candidate('alimenti', 0.5), candidate('alimentari', 0.5, 9)])?.word).toBe(
			'alimentari'
		);
	});

	it('refuses candidates too far away for the word length', () => {
		expect(maxEdits(3)).toBe(0);
		expect(maxEdits(8)).toBe(1);
		expect(maxEdits(11)).toBe(2);
		expect(chooseCorrection('comprare', [candidate('compilare', 0.5)])).toBeNull();
		expect(chooseCorrection('cittadinaza', [candidate('cittadinanza', 0.7)], 1)?.word).toBe('cittadinanza');
		expect(chooseCorrection('asistenzza', [candidate('assistenza', 0.6)], 1)).toBeNull();
	});
});

describe('isSibling', () => {
	it('recognises Italian inflections of one word', () => {
		expect(isSibling('familiari', 'familiare')).toBe(true);
		expect(isSibling('domiciliare', 'domicilio')).toBe(true);
		expect(isSibling('anziano', 'anziani')).toBe(true);
	});

	it('rejects different words that share a beginning', () => {
		expect(isSibling('sport', 'sportello')).toBe(false);
		expect(isSibling('scuola', 'scuolabus')).toBe(false);
		expect(isSibling('mensa', 'mensile')).toBe(false);
		expect(isSibling('nido', 'nido')).toBe(false);
	});
});
