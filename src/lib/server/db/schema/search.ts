/** Search vocabulary kept as data: the thesaurus and the A-Z keyword index. */
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** A colloquial word or phrase and the words it should also match ("asilo" -> "nido"). */
export const searchSynonym = pgTable('search_synonym', {
	term: text('term').primaryKey(), // normalised: lower case, unaccented
	expansions: text('expansions').array().notNull()
});

export type KeywordFilters = {
	area?: string;
	audience?: string;
	free?: boolean;
};

/** One entry of the public A-Z index (/indice): a word, its plain explanation, the search it stands for. */
export const keywordIndexEntry = pgTable('keyword_index_entry', {
	slug: text('slug').primaryKey(),
	word: text('word').notNull(),
	explanation: text('explanation').notNull(),
	explanationEn: text('explanation_en'),
	query: text('query').notNull(),
	filters: jsonb('filters').$type<KeywordFilters>().notNull().default({}),
	synonyms: text('synonyms').array().notNull().default([])
});
