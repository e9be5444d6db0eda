import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { uuidV5 } from '../shared/ids.ts';
import { importServices } from '../imports/import-services.ts';
import { analyzeQuery } from './analyze-query.ts';
import { defaultSearchParams } from './inputs.ts';
import { RANKING } from './query-plan.ts';
import { refreshSearchVocabulary } from './refresh-search-vocabulary.ts';
import { SCORING, searchServices, type Estimation } from './search-services.ts';

/**
 * The pool of a word many names hold is drawn from those names (search-services.ts,
 * namesFirst): the names also holding a heavier alternative of the query first, then the
 * others in name order, until the pool is full. The retrieval's budget is cut to one service, so
 * that the typed word alone selects, as on a directory of 100,000 services.
 */
const NAMES = ['Nido Alfa', 'Nido Beta', 'Nido Gamma', 'Nido e micronido Zeta'];
const id = (name: string) => uuidV5(`names-first:${name}`);

let t: TestDb;
const budget = { ...RANKING };
beforeAll(async () => {
	Object.assign(RANKING, { candidateBudget: 1, candidateShare: 0 });
	t = await createTestDb();
	const report = await importServices(t.db, {
		services: NAMES.map((name) => ({
			id: id(name),
			name,
			description: 'Accoglienza educativa per bambine e bambini da 3 a 36 mesi.',
			status: 'active',
			organization: { id: uuidV5(`names-first:organization:${name}`), name: `Ente ${name}` }
		}))
	});
	expect(report.rejected).toEqual([]);
	await refreshSearchVocabulary(t.db);
});
afterAll(async () => {
	Object.assign(RANKING, budget);
	await t.destroy();
});

/** Every search estimated, so that the pool is drawn from the names, and a total never counted apart. */
const ESTIMATED: Estimation = { exactUpTo: 0, sampleSize: 1_000_000, thinSample: 0, phraseCountUpTo: 0, phraseEstimateUpTo: 0 };

async function firstPage(poolSize: number): Promise<string[]> {
	const kept = SCORING.exactlyRanked;
	SCORING.exactlyRanked = poolSize;
	try {
		const outcome = await searchServices(t.db, defaultSearchParams({ q: 'nido', perPage: poolSize }), {
			cache: false,
			estimation: ESTIMATED
		});
		return outcome.hits.map((h) => NAMES.find((name) => id(name) === h.id)!);
	} finally {
		SCORING.exactlyRanked = kept;
	}
}

describe('the pool of a word many names hold', () => {
	it('rests on "nido" selecting alone, "micronido" only ranking', async () => {
		const plan = await analyzeQuery(t.db, 'nido');
		expect(plan.retrieval).toBe("'nid'");
		expect(plan.titleCandidates).toBe(NAMES.length);
		expect(plan.groups.flatMap((g) => g.alternatives.map((a) => a.lexemes.join(' ')))).toContain('micronid');
	});

	it('takes first the name holding a heavier alternative too, though it comes last by name', async () => {
		expect(await firstPage(1)).toEqual(['Nido e micronido Zeta']);
	});

	it('fills the rest of the pool with the other names in name order', async () => {
		const page = await firstPage(3);
		expect(page).toHaveLength(3);
		expect(page).toContain('Nido e micronido Zeta');
		expect(page.filter((name) => name !== 'Nido e micronido Zeta').sort()).toEqual(['Nido Alfa', 'Nido Beta']);
	});
});
