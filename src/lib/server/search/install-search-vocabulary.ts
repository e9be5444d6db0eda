/**
 * Installs the thesaurus (data/reference/thesaurus.json) into search_synonym and
 * search_stopword, replacing what was there: the file is the source of truth. Idempotent;
 * db:migrate runs it through installReferenceData().
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { searchStopword, searchSynonym } from '../db/schema/index.ts';
import { foldTerm } from './normalize.ts';

const thesaurusFile = z.object({
	about: z.string(),
	stopwords: z.array(z.string().min(1)),
	entries: z
		.array(
			z.object({
				terms: z.array(z.string().min(1)).min(1),
				expand: z.array(z.string().min(1)).min(1),
				weight: z.number().gt(0).max(1).optional(),
				ambiguous: z.boolean().optional()
			})
		)
		.min(1)
});

export type Thesaurus = {
	/** Folded term -> the words and phrases it also matches (as written, without the term itself). */
	synonyms: Map<string, { expansions: string[]; weight: number; ambiguous: boolean }>;
	stopwords: string[];
};

export function loadThesaurus(
	file = path.resolve(process.cwd(), 'data/reference/thesaurus.json')
): Thesaurus {
	const raw = thesaurusFile.parse(JSON.parse(readFileSync(file, 'utf8')));
	const synonyms: Thesaurus['synonyms'] = new Map();
	for (const entry of raw.entries) {
		for (const term of entry.terms) {
			const key = foldTerm(term);
			if (!key) continue;
			const seen = synonyms.get(key);
			// a term listed in several entries matches the union of their expansions, at the higher weight
			const merged = new Set(seen?.expansions ?? []);
			for (const e of entry.expand) if (foldTerm(e) !== key) merged.add(e);
			synonyms.set(key, {
				expansions: [...merged],
				weight: Math.max(seen?.weight ?? 0, entry.weight ?? 1),
				ambiguous: (seen?.ambiguous ?? false) || (entry.ambiguous ?? false)
			});
		}
	}
	const stopwords = [...new Set(raw.stopwords.map(foldTerm).filter((w) => w && !w.includes(' ')))];
	return { synonyms, stopwords };
}

export type VocabularyInstall = {
	synonyms: number;
	stopwords: number;
	/** Terms made only of stop words: they could never match a query, so they are left out. */
	ignored: string[];
};

export async function installSearchVocabulary(db: Db, thesaurus = loadThesaurus()): Promise<VocabularyInstall> {
	const rows = [...thesaurus.synonyms].map(([term, { expansions, weight, ambiguous }]) => ({
		term,
		expansions,
		weight,
		ambiguous
	}));
	return db.transaction(async (tx) => {
		await tx.delete(searchSynonym);
		await tx.delete(searchStopword);
		for (let i = 0; i < rows.length; i += 500) {
			await tx.insert(searchSynonym).values(rows.slice(i, i + 500));
		}
		if (thesaurus.stopwords.length > 0) {
			await tx.insert(searchStopword).values(thesaurus.stopwords.map((word) => ({ word })));
		}
		// the stems a query must contain, in order, and the stems of each expansion, computed once
		// here by the same configuration as the documents (per query, the expansions of a long
		// sentence's terms cost query analysis 5-7 ms on PGlite)
		await tx.execute(sql`
			UPDATE search_synonym SET
				lexemes = tsvector_to_array(to_tsvector('piazza_it', term)),
				-- stop words (no stem) left out: the postgres-js driver reads a NULL element as "NULL"
				ordered = ARRAY(
					SELECT l FROM unnest(string_to_array(term, ' ')) WITH ORDINALITY AS t(w, i),
						LATERAL (SELECT (ts_lexize('italian_stem', w))[1]) AS x(l)
					WHERE l IS NOT NULL ORDER BY i
				),
				expansion_lexemes = (
					SELECT coalesce(jsonb_agg(tsvector_to_array(to_tsvector('piazza_it', x.expansion)) ORDER BY x.position), '[]')
					FROM unnest(expansions) WITH ORDINALITY AS x(expansion, position)
				)
		`);
		const ignored = await tx
			.delete(searchSynonym)
			.where(sql`cardinality(${searchSynonym.lexemes}) = 0`)
			.returning({ term: searchSynonym.term });
		return {
			synonyms: rows.length - ignored.length,
			stopwords: thesaurus.stopwords.length,
			ignored: ignored.map((r) => r.term)
		};
	});
}
