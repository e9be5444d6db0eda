/** HSDS taxonomies, terms and the attributes that link terms to any record. */
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const taxonomy = pgTable(
	'taxonomy',
	{
		id: uuid('id').primaryKey(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		uri: text('uri'),
		version: text('version')
	},
	(t) => [uniqueIndex('taxonomy_name_key').on(t.name)]
);

/** extension: what a term is within the reference taxonomy; null for external taxonomies */
export const termKinds = ['area', 'subcategory', 'family_type', 'person_group'] as const;
export type TermKind = (typeof termKinds)[number];

export const taxonomyTerm = pgTable(
	'taxonomy_term',
	{
		id: uuid('id').primaryKey(),
		code: text('code'),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		parentId: uuid('parent_id'),
		taxonomy: text('taxonomy'),
		language: text('language'),
		taxonomyId: uuid('taxonomy_id').references(() => taxonomy.id, { onDelete: 'cascade' }),
		termUri: text('term_uri'),
		// extensions: English label for the bilingual interface, kind and display order
		nameEn: text('name_en'),
		descriptionEn: text('description_en'),
		kind: text('kind', { enum: termKinds }),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		uniqueIndex('taxonomy_term_taxonomy_code_key').on(t.taxonomyId, t.code),
		index('taxonomy_term_parent_id_idx').on(t.parentId)
	]
);

export const attribute = pgTable(
	'attribute',
	{
		id: uuid('id').primaryKey(),
		linkId: uuid('link_id').notNull(),
		taxonomyTermId: uuid('taxonomy_term_id')
			.notNull()
			.references(() => taxonomyTerm.id, { onDelete: 'cascade' }),
		linkType: text('link_type'),
		linkEntity: text('link_entity').notNull(),
		value: text('value'),
		label: text('label')
	},
	(t) => [
		index('attribute_link_idx').on(t.linkEntity, t.linkId),
		index('attribute_taxonomy_term_id_idx').on(t.taxonomyTermId)
	]
);
