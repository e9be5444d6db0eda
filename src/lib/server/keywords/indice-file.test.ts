import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { initialOf } from './queries.ts';
import { loadKeywordIndex, parseKeywordIndex } from './install-keyword-index.ts';

const entries = loadKeywordIndex();
const terms = loadReferenceTaxonomy().terms;
const areaOf = new Map(
	terms.filter((t) => t.kind === 'area' || t.kind === 'subcategory').map((t) => [t.code, t.parentCode ?? t.code])
);

const validEntry = {
	slug: 'nido',
	word: 'nido',
	explanation: 'Servizio educativo per bambini piccoli.',
	explanation_en: 'Early-years service.',
	query: 'nido',
	filters: { area: 'nidi-micronidi' },
	synonyms: ['asilo nido']
};

describe('data/reference/indice.json', () => {
	it('has at least 90 keywords with unique slugs', () => {
		expect(entries.length).toBeGreaterThanOrEqual(90);
		expect(new Set(entries.map((e) => e.slug)).size).toBe(entries.length);
		expect(new Set(entries.map((e) => e.word.toLowerCase())).size).toBe(entries.length);
	});

	it('covers all 11 areas of need through its filters', () => {
		const covered = new Set(entries.flatMap((e) => (e.filters.area ? [areaOf.get(e.filters.area)] : [])));
		expect([...covered].sort()).toEqual(terms.filter((t) => t.kind === 'area').map((t) => t.code).sort());
	});

	it('holds the words families use', () => {
		const words = new Set(entries.map((e) => e.word.toLowerCase()));
		for (const w of ['assegno', 'casa', 'affitto', 'badante', 'nido', 'centro estivo', 'isee', 'sfratto',
			'casa popolare', 'pacco alimentare', 'psicologo', 'mediazione familiare', 'violenza', 'consultorio',
			'invalidità civile', 'caregiver', 'telesoccorso', "scuola dell'infanzia", 'corsi di italiano',
			'tirocinio', 'carta acquisti', 'permesso di soggiorno', 'ludoteca', 'piscina', 'volontariato'])
			expect(words, w).toContain(w);
	});

	it('explains each word in one to three sentences, in Italian and English', () => {
		for (const e of entries) {
			for (const text of [e.explanation, e.explanation_en]) {
				const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
				expect(sentences.length, `${e.slug}: ${text}`).toBeGreaterThanOrEqual(1);
				expect(sentences.length, `${e.slug}: ${text}`).toBeLessThanOrEqual(3);
				expect(text, e.slug).toMatch(/[.!?]$/);
			}
			// No amounts: they change and belong to each service's own page.
			expect(e.explanation, e.slug).not.toMatch(/€|\beuro\b/i);
		}
	});

	it('files every word under a letter A-Z', () => {
		expect(entries.filter((e) => initialOf(e.word) === '#').map((e) => e.word)).toEqual([]);
	});
});

describe('parseKeywordIndex', () => {
	it('accepts a valid entry', () => {
		expect(parseKeywordIndex({ entries: [validEntry] })).toHaveLength(1);
	});

	it('fails loudly on an unknown area id, naming the entry', () => {
		const bad = { entries: [validEntry, { ...validEntry, slug: 'x', filters: { area: 'nidi' } }] };
		expect(() => parseKeywordIndex(bad)).toThrowError(AppError);
		expect(() => parseKeywordIndex(bad)).toThrowError(/entries\.1\.filters\.area/);
	});

	it('fails on an unknown audience id', () => {
		const bad = { entries: [{ ...validEntry, filters: { audience: 'bambini' } }] };
		expect(() => parseKeywordIndex(bad)).toThrowError(/filters\.audience/);
	});

	it('fails on a duplicate slug', () => {
		expect(() => parseKeywordIndex({ entries: [validEntry, validEntry] })).toThrowError(/slug duplicato: nido/);
	});

	it('fails on an unknown field, a bad slug or a missing explanation', () => {
		expect(() => parseKeywordIndex({ entries: [{ ...validEntry, extra: 1 }] })).toThrowError(AppError);
		expect(() => parseKeywordIndex({ entries: [{ ...validEntry, slug: 'Nido Comunale' }] })).toThrowError(/slug/);
		expect(() => parseKeywordIndex({ entries: [{ ...validEntry, explanation: ' ' }] })).toThrowError(/explanation/);
	});
});

describe('initialOf', () => {
	it('files accented and lower-case words under their base letter', () => {
		expect(initialOf('èrba')).toBe('E');
		expect(initialOf('ISEE')).toBe('I');
		expect(initialOf('020202')).toBe('#');
	});
});
