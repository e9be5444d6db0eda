import { describe, expect, it } from 'vitest';
import { slugCandidates, slugify } from './slug.ts';

describe('slugify', () => {
	it.each([
		["Centro Diurno Anziani – Via dell'Orso", 'centro-diurno-anziani-via-dell-orso'],
		['Servizio Sociale Professionale Territoriale – Municipio 2', 'servizio-sociale-professionale-territoriale-municipio-2'],
		['Città, perché più?', 'citta-perche-piu'],
		['  ---Già  fatto!!  ', 'gia-fatto'],
		['Straße Œuvre Ærø Łódź', 'strasse-oeuvre-aero-lodz'],
		['ABC 123', 'abc-123']
	])('%s -> %s', (text, slug) => {
		expect(slugify(text)).toBe(slug);
	});

	it('returns an empty string when nothing is left', () => {
		expect(slugify('中文 – …')).toBe('');
	});

	it('cuts long names at a word boundary within the limit', () => {
		const slug = slugify('sostegno economico alle famiglie con figli minori in difficoltà temporanea', 40);
		expect(slug).toBe('sostegno-economico-alle-famiglie-con');
		expect(slug.length).toBeLessThanOrEqual(40);
		expect(slugify('a'.repeat(100), 30)).toBe('a'.repeat(30));
	});
});

describe('slugCandidates', () => {
	it('adds growing suffixes from the id, and falls back when the base is empty', () => {
		const id = '3F2A1D8E-9B10-4c55-9a57-6f1c7a3e2b1d';
		expect(slugCandidates('sportello', id, 'servizio')).toEqual([
			'sportello',
			'sportello-3f2a1d',
			'sportello-3f2a1d8e9b10',
			'sportello-3f2a1d8e9b104c559a576f1c7a3e2b1d'
		]);
		expect(slugCandidates('', id, 'servizio')[0]).toBe('servizio');
	});
});
