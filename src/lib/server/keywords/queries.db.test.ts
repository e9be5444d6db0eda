import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { keywordIndexEntry } from '../db/schema/index.ts';
import { AppError } from '../shared/errors.ts';
import { installKeywordIndex, loadKeywordIndex, type KeywordFileEntry } from './install-keyword-index.ts';
import { findKeywordIndex, findKeywordsNear, getKeyword } from './queries.ts';

let t: TestDb;
const fileEntries = loadKeywordIndex();

beforeAll(async () => {
	t = await createTestDb(); // installs the real index through installReferenceData
});
afterAll(() => t.destroy());

const entry = (slug: string, word: string, extra: Partial<KeywordFileEntry> = {}): KeywordFileEntry => ({
	slug,
	word,
	explanation: `Spiegazione di ${word}.`,
	explanation_en: `About ${word}.`,
	query: word,
	filters: {},
	synonyms: [],
	...extra
});

describe('installKeywordIndex', () => {
	it('is part of the reference data and installs every entry of the file', async () => {
		expect(await t.db.$count(keywordIndexEntry)).toBe(fileEntries.length);
		const nido = await getKeyword(t.db, 'nido');
		expect(nido.filters).toEqual({ area: 'nidi-micronidi' });
		expect(nido.synonyms).toContain('asilo nido');
		expect(nido.explanationEn).toMatch(/nurser(y|ies)/i);
	});

	it('replaces the rows, dropping entries removed from the file', async () => {
		await installKeywordIndex(t.db, [entry('zucca', 'zucca')]);
		expect(await t.db.$count(keywordIndexEntry)).toBe(1);
		await installKeywordIndex(t.db);
		expect(await t.db.$count(keywordIndexEntry)).toBe(fileEntries.length);
	});

	it('leaves the old rows in place when the new ones cannot be written', async () => {
		const dup = [entry('uno', 'uno'), entry('uno', 'due')]; // primary-key clash inside the insert
		await expect(installKeywordIndex(t.db, dup)).rejects.toThrow();
		expect(await t.db.$count(keywordIndexEntry)).toBe(fileEntries.length);
	});
});

describe('findKeywordIndex', () => {
	it('groups every keyword by initial letter in Italian alphabetical order', async () => {
		const groups = await findKeywordIndex(t.db);
		expect(groups.flatMap((g) => g.entries)).toHaveLength(fileEntries.length);
		const letters = groups.map((g) => g.letter);
		expect(letters).toEqual([...letters].sort());
		expect(new Set(letters).size).toBe(letters.length);
		const c = groups.find((g) => g.letter === 'C')!.entries.map((e) => e.word);
		expect(c.indexOf('casa')).toBeLessThan(c.indexOf('casa popolare'));
		expect(c.indexOf('casa popolare')).toBeLessThan(c.indexOf('consultorio'));
		const i = groups.find((g) => g.letter === 'I')!.entries.map((e) => e.word);
		expect(i).toContain('ISEE');
		expect(i).toContain('invalidità civile');
	});
});

describe('getKeyword', () => {
	it('returns the search a keyword stands for', async () => {
		const k = await getKeyword(t.db, 'badante');
		expect(k).toMatchObject({ word: 'badante', query: 'badante', filters: { area: 'badanti' } });
	});

	it('throws NOT_FOUND for an unknown slug', async () => {
		const err = await getKeyword(t.db, 'non-esiste').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).code).toBe('NOT_FOUND');
	});
});

describe('findKeywordsNear', () => {
	const near = async (q: string) => (await findKeywordsNear(t.db, q)).map((k) => k.slug);

	it('suggests a keyword despite a typo', async () => {
		expect((await near('afitto'))[0]).toBe('affitto');
		expect(await near('bollete')).toContain('bollette');
		expect(await near('telesocorso')).toContain('telesoccorso');
	});

	it('finds a keyword inside a sentence', async () => {
		expect(await near('non riesco a pagare le bollette')).toContain('bollette');
	});

	it('matches colloquial variants and accents', async () => {
		expect(await near('strizzacervelli')).toContain('psicologo');
		expect(await near('disabilita')).toContain('disabilita');
	});

	it('ranks the word itself first, then longer keywords holding it', async () => {
		expect((await near('casa'))[0]).toBe('casa');
		const slugs = await near('anziani');
		expect(slugs[0]).toBe('anziani');
		expect(slugs).toContain('centro-anziani');
	});

	it('suggests nothing for unrelated text or a stray letter', async () => {
		expect(await near('xqzwv')).toEqual([]);
		expect(await near('a')).toEqual([]);
		expect(await near('   ')).toEqual([]);
	});

	it('respects the limit', async () => {
		expect((await findKeywordsNear(t.db, 'casa', { limit: 2 })).length).toBe(2);
	});
});
