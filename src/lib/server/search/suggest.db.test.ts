import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { loadSearchFixture } from './search-fixture.ts';
import { suggest } from './suggest.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

describe('suggest', () => {
	it('completes the word being typed from the corpus, accents included', async () => {
		const words = (await suggest(t.db, 'assis')).filter((s) => s.kind === 'word').map((s) => s.label);
		expect(words).toContain('assistenza');
		expect(words.every((w) => w.startsWith('assist'))).toBe(true);
		const accented = (await suggest(t.db, 'difficol')).map((s) => s.label);
		expect(accented).toContain('difficoltà');
	});

	it('keeps the words already typed in front of the completion', async () => {
		const labels = (await suggest(t.db, 'Assistenza domic')).filter((s) => s.kind === 'word').map((s) => s.label);
		expect(labels).toContain('Assistenza domiciliare');
	});

	it('proposes services whose name has the words typed, with their page', async () => {
		const services = (await suggest(t.db, 'centro est')).filter((s) => s.kind === 'service');
		expect(services).toEqual([
			{ label: 'Centro estivo Piccoli Esploratori', kind: 'service', url: expect.stringMatching(/^\/servizi\/[a-z0-9-]+$/) }
		]);
		const nidi = (await suggest(t.db, 'nid')).filter((s) => s.kind === 'service').map((s) => s.label);
		expect(nidi).toEqual(['Nido comunale Girasole']);
	});

	it('knows the thesaurus words, even when no service uses them', async () => {
		expect((await suggest(t.db, 'badan')).map((s) => s.label)).toContain('badante');
	});

	it('respects the limit and ignores prefixes too short to help', async () => {
		expect(await suggest(t.db, 'a')).toEqual([]);
		expect(await suggest(t.db, '   ')).toEqual([]);
		expect(await suggest(t.db, 'co', 3)).toHaveLength(3);
	});

	it('never throws on hostile input', async () => {
		for (const raw of ["'; DROP TABLE service; --", 'a & | ! :*', '👶👶', '\u0000nido', 'x'.repeat(10_000)]) {
			await expect(suggest(t.db, raw)).resolves.toBeInstanceOf(Array);
		}
	});
});
