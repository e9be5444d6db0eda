import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { analyzeQuery } from './analyze-query.ts';
import { loadSearchFixture } from './search-fixture.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

const lexemesOf = async (query: string) =>
	(await analyzeQuery(t.db, query)).groups.map((g) => g.alternatives.flatMap((a) => a.lexemes));

describe('thesaurus phrases', () => {
	// the thesaurus says "a chi lasciare il bambino" means childcare; "lasciarsi" alone means a
	// separation (the fixture's legal counselling, "consulenza legale"). The phrase's stop words ("a", "chi") have no stem: on PostgreSQL they once came
	// back as the text "NULL", the phrase never matched and the query was read as a separation.
	it('matches a phrase with stop words inside, on either engine', async () => {
		const groups = await lexemesOf('non so a chi lasciare il bambino');
		expect(groups.flat()).toContain('nid');
		expect(groups.flat()).not.toContain('consulent');
	});

	it('still reads the single word when no phrase covers it', async () => {
		expect((await lexemesOf('lasciarsi')).flat()).toContain('consulent');
	});
});

describe('typo correction', () => {
	// the thesaurus is first read for the typed stems: a corrected word's must be read afresh
	it('reads the thesaurus and the counts of the corrected word', async () => {
		const plan = await analyzeQuery(t.db, 'badnte');
		expect(plan.correctedQuery).toBe('badante');
		const alternatives = plan.groups.flatMap((g) => g.alternatives);
		expect(alternatives.find((a) => a.lexemes.join() === 'badant')?.documents).toBeGreaterThan(0);
		expect(alternatives.map((a) => a.lexemes.join())).toContain('assistent,familiar');
	});
});
