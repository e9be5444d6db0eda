import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { installReferenceTaxonomy } from '../taxonomy/install-reference-taxonomy.ts';
import { installKeywordIndex } from '../keywords/install-keyword-index.ts';
import { installSearchVocabulary } from '../search/install-search-vocabulary.ts';
import { installBoundaries } from '../geo/install-boundaries.ts';

/**
 * Reference data that db:migrate installs after the schema (idempotent): the taxonomy of
 * areas and audiences, the search vocabulary and Milan's boundaries (municipi, NIL), kept as data
 * under data/reference/.
 */
export async function installReferenceData(db: Db): Promise<string[]> {
	const installed: string[] = [];
	const { terms } = await installReferenceTaxonomy(db);
	installed.push(`${terms} taxonomy terms`);
	const keywords = await installKeywordIndex(db);
	installed.push(`${keywords.entries} keyword index entries`);
	const vocabulary = await installSearchVocabulary(db);
	installed.push(`${vocabulary.synonyms} thesaurus terms, ${vocabulary.stopwords} stop words`);
	const boundaries = await installBoundaries(db);
	installed.push(`${boundaries.municipi} municipi, ${boundaries.nil} NIL`);
	// every start writes these tables again: PGlite has no autovacuum, and the dead rows of each
	// start piled up (the thesaurus grew to six times its size, and query analysis scans it)
	await db.execute(
		sql`VACUUM (ANALYZE) taxonomy, taxonomy_term, keyword_index_entry, search_synonym, search_stopword, municipio, nil`
	);
	return installed;
}
