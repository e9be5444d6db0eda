import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { analyzeQuery, textArray } from './analyze-query.ts';
import { installSearchVocabulary, loadThesaurus } from './install-search-vocabulary.ts';
import { refreshSearchVocabulary, SEARCH_TABLES } from './refresh-search-vocabulary.ts';
import { selectRows } from './rows.ts';
import { loadSearchFixture } from './search-fixture.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb(); // installReferenceData() already installed the thesaurus once
});
afterAll(() => t.destroy());

describe('installSearchVocabulary', () => {
	it('installs every term of data/reference/thesaurus.json, idempotently', async () => {
		const thesaurus = loadThesaurus();
		expect(thesaurus.synonyms.size).toBeGreaterThanOrEqual(150);
		const report = await installSearchVocabulary(t.db);
		expect(report.ignored).toEqual([]);
		expect(report.synonyms).toBe(thesaurus.synonyms.size);
		const [row] = await selectRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM search_synonym`);
		expect(row!.n).toBe(thesaurus.synonyms.size);
	});

	it('stores a colloquial phrase with the stems a query must contain, in order, and its expansions stemmed', async () => {
		const [row] = await selectRows<{ lexemes: string[]; ordered: string[]; expansions: string[]; stems: string }>(
			t.db,
			sql`SELECT lexemes, ordered, expansions, expansion_lexemes::text AS stems
				FROM search_synonym WHERE term = 'soldi per l affitto'`
		);
		expect(row!.lexemes.sort()).toEqual(['affitt', 'sold']);
		expect(row!.ordered).toEqual(['sold', 'affitt']);
		expect(row!.expansions).toContain('contributo affitto');
		const stems = JSON.parse(row!.stems) as string[][];
		expect(stems).toHaveLength(row!.expansions.length);
		expect(stems[row!.expansions.indexOf('contributo affitto')]!.sort()).toEqual(['affitt', 'contrib']);
	});

	it('has no phrase that collapses to a single word once stop words are dropped', async () => {
		// "da casa" would otherwise fire on every query containing "casa"
		const collapsed = await selectRows<{ term: string }>(
			t.db,
			sql`SELECT term FROM search_synonym WHERE position(' ' IN term) > 0 AND cardinality(lexemes) < 2`
		);
		expect(collapsed.map((r) => r.term).filter((term) => !ALLOWED_SINGLE_STEM_PHRASES.has(term))).toEqual([]);
	});
});

/** Phrases whose only meaningful word already says it all. */
const ALLOWED_SINGLE_STEM_PHRASES = new Set([
	'a chi rivolgermi',
	'a distanza',
	'chi assiste',
	'ci separiamo',
	'mi separo',
	'da mangiare',
	'dove dormire',
	'e morta',
	'e morto',
	'i miei diritti',
	'mi picchia',
	'non autosufficiente',
	'non autosufficienti',
	'non udente',
	'non vedente',
	'non ho il medico',
	'sto male',
	'un letto'
]);

describe('refreshSearchVocabulary', () => {
	it('counts the stems and words of the active services', async () => {
		await loadSearchFixture(t.db);
		const report = await refreshSearchVocabulary(t.db);
		expect(report.documents).toBe(16);
		const [nid] = await selectRows<{ documents: number }>(t.db, sql`SELECT documents FROM search_lexeme WHERE lexeme = 'nid'`);
		// two active nurseries; the closed one does not count
		expect(nid!.documents).toBe(2);
		const [word] = await selectRows<{ display: string; documents: number }>(
			t.db,
			sql`SELECT display, documents FROM search_word WHERE word = 'difficolta'`
		);
		expect(word).toEqual({ display: 'difficoltà', documents: 2 });
	});

	it("counts the stems of the active services' names, which bound what a search's names match", async () => {
		await loadSearchFixture(t.db);
		for (const lexeme of ['nid', 'assistent', 'affitt']) {
			const [counted] = await selectRows<{ titles: number; named: number }>(
				t.db,
				sql`SELECT (SELECT titles FROM search_lexeme WHERE lexeme = ${lexeme}) AS titles,
					(SELECT count(*)::int FROM search_filter_entry WHERE active AND title @@ ${lexeme}::tsquery) AS named`
			);
			expect(counted!.named, lexeme).toBeGreaterThan(0);
			expect(counted!.titles, lexeme).toBe(counted!.named);
		}
		const plan = await analyzeQuery(t.db, 'nido in affitto');
		expect(plan.titleCandidates).toBeGreaterThan(0);
		expect(plan.titleCandidates).toBe(
			(await analyzeQuery(t.db, 'nido')).titleCandidates + (await analyzeQuery(t.db, 'affitto')).titleCandidates
		);
	});

	it("leaves nothing in the search indexes' pending lists", async () => {
		await loadSearchFixture(t.db);
		const pending = () =>
			selectRows<{ index: string; pages: number }>(
				t.db,
				sql`SELECT c.relname AS index, gin_clean_pending_list(i.indexrelid)::int AS pages
					FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
					WHERE a.amname = 'gin' AND i.indrelid::regclass::text = ANY(${textArray(SEARCH_TABLES)})
					ORDER BY 1`
			);
		const afterRefresh = await pending();
		expect(afterRefresh.map((r) => r.index)).toContain('search_filter_entry_head_idx');
		expect(afterRefresh.filter((r) => r.pages > 0)).toEqual([]);
	});
});
