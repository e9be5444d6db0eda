/**
 * Search vocabulary kept as data (the thesaurus, the A-Z keyword index) and the tables the
 * search engine derives from the directory: one search entry per service (filters and
 * facets without joins), the corpus statistics (idf) and the word list (typos, completion).
 */
import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	boolean,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { location, service } from './directory.ts';

/** A colloquial word or phrase and the words it should also match ("asilo" -> "nido"). */
export const searchSynonym = pgTable(
	'search_synonym',
	{
		term: text('term').primaryKey(), // normalised: lower case, unaccented
		expansions: text('expansions').array().notNull(),
		// the term's stems without stop words ("soldi per l'affitto" -> {affitt, sold}): a query
		// containing all of them, in any order, triggers the entry
		lexemes: text('lexemes').array().notNull().default([]),
		// how much the need behind the term counts next to the rest of the query: words saying
		// who the person is ("figlio", "mamma") weigh less than words saying what they need
		weight: real('weight').notNull().default(1),
		// the word has another meaning in service texts ("richiedenti asilo"): it counts only in
		// services that also match one of the expansions
		ambiguous: boolean('ambiguous').notNull().default(false),
		// the term's stems in the order of its words, stop words left out ("prendere in giro" ->
		// {prend, gir}): a query must contain them in this order
		ordered: text('ordered').array().notNull().default([]),
		// the stems of each expansion, as the documents' configuration makes them, in the order of
		// `expansions` (an expansion of stop words alone has none): computed at install, not per query
		expansionLexemes: jsonb('expansion_lexemes').$type<string[][]>().notNull().default([])
	},
	(t) => [index('search_synonym_lexemes_idx').using('gin', t.lexemes)]
);

/** Words a query can drop on top of PostgreSQL's Italian stop words ("vorrei", "cerco", "the"). */
export const searchStopword = pgTable('search_stopword', {
	word: text('word').primaryKey() // lower case, unaccented
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

/** Minutes of the week (Monday 00:00 = 0) during which a service is open. */
const int4multirange = customType<{ data: string }>({ dataType: () => 'int4multirange' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** earthdistance's point on the Earth's surface (a cube in metres from the centre). */
const earth = customType<{ data: string }>({ dataType: () => 'earth' });

/** What the filters of a search read: the same on a service's entry and on each of its places. */
const filterColumns = () => ({
	active: boolean('active').notNull(),
	/** Area and sub-category codes, parents of sub-categories included. */
	areaCodes: text('area_codes').array().notNull(),
	audienceCodes: text('audience_codes').array().notNull(),
	/** Municipi of the service's locations. */
	municipi: smallint('municipi').array().notNull(),
	free: boolean('free').notNull(),
	/** Weekly opening of the schedules without validity dates. */
	openWeek: int4multirange('open_week').notNull(),
	/** Some schedule has validity dates: "open now" must also look at search_dated_opening. */
	datedSchedules: boolean('dated_schedules').notNull()
});

/** What search filters, orders and counts on, per service: the same on its entry and on each of its places. */
const entryValues = () => ({
	...filterColumns(),
	/** The facet signature (see searchSignature) of the entry's codes, municipi and price. */
	signature: bigint('signature', { mode: 'number' }).notNull(),
	/** The name, lower case and unaccented: the order of a browse. */
	sortKey: text('sort_key').notNull(),
	/** A general information desk (orientation to social services, information desks). */
	generalDesk: boolean('general_desk').notNull()
});

/**
 * The services' ids hashed: a search reaching thousands counts on the services whose hash falls
 * in the lowest share of the range (search-services.ts, inSample), a fixed pseudo-random sample
 * read through this index instead of every page of the table.
 */
const sampleIndex = (name: string, serviceId: AnyPgColumn) => index(name).on(sql`uuid_hash(${serviceId})`);

/** One row per service (see searchEntry and searchFilterEntry). */
const entryColumns = () => ({
	serviceId: uuid('service_id')
		.primaryKey()
		.references(() => service.id, { onDelete: 'cascade' }),
	...entryValues(),
	/**
	 * The map tile of about 860 m (zoom 15, piazza_tile in drizzle/0013) holding all the
	 * service's located places; null when they span several tiles or there is none. A search
	 * within a radius keeps the entries in a tile the circle touches (or with no single one)
	 * through this column's index, and measures the distance of those only (search/near-tiles.ts).
	 */
	tile: integer('tile'),
	/**
	 * The point of the service's one located place (null when it has none or several): a search
	 * within a radius measures it on the entry instead of looking the place up (search-services.ts).
	 */
	earth: earth('earth')
});

/** The index of the entries' tiles (see entryColumns). */
const tileIndex = (name: string, tile: AnyPgColumn) => index(name).on(tile);

/**
 * What text search matches, filters and counts on, one row per service, kept in step with the
 * service by refreshSearchDocuments() (same transaction as the write). A narrow copy of the
 * service's document: matching thousands of services reads this table, not the wide service rows.
 */
export const searchEntry = pgTable(
	'search_entry',
	{
		...entryColumns(),
		/** The same full-text document as service.search_document. */
		document: tsvector('document').notNull(),
		/**
		 * The pixel (map/grid.ts) of the service's one located place, as search_point has it; null
		 * when it has none or several. The map of a word reads its matches' places here, through
		 * the documents' index, instead of joining every place of the city to the matches.
		 */
		x: integer('x'),
		y: integer('y')
	},
	(t) => [
		index('search_entry_document_idx').using('gin', t.document),
		// the matches with no pixel of their own, whose places the map reads from search_point
		index('search_entry_unplaced_idx').on(t.serviceId).where(sql`x IS NULL`),
		sampleIndex('search_entry_sample_idx', t.serviceId),
		tileIndex('search_entry_tile_idx', t.tile)
	]
);

/**
 * The search entry without its document, with its name and head stems only (under half the
 * width): browsing, filters and "open now" without text read every matching row, and read half
 * the pages here; a common word draws its pool from the small vectors.
 */
export const searchFilterEntry = pgTable(
	'search_filter_entry',
	{
		...entryColumns(),
		/**
		 * The document's name stems only (weight A), and its name, keyword and category stems
		 * (weights A and B: a fifth of it): a word in thousands of services draws its pool from
		 * these (search-services.ts).
		 */
		title: tsvector('title').notNull(),
		head: tsvector('head').notNull()
	},
	(t) => [
		index('search_filter_entry_sort_key_idx').on(t.sortKey).where(sql`active`),
		index('search_filter_entry_area_codes_idx').using('gin', t.areaCodes),
		index('search_filter_entry_municipi_idx').using('gin', t.municipi),
		index('search_filter_entry_title_idx').using('gin', t.title),
		index('search_filter_entry_head_idx').using('gin', t.head),
		sampleIndex('search_filter_entry_sample_idx', t.serviceId),
		tileIndex('search_filter_entry_tile_idx', t.tile)
	]
);

/**
 * The weekly hours of schedules valid only between dates (summer centres, seasonal desks), with
 * the week already computed, so "open now" checks dates and a range instead of calling
 * piazza_schedule_week() on every schedule at every search. Kept by refreshSearchDocuments().
 */
export const searchDatedOpening = pgTable(
	'search_dated_opening',
	{
		serviceId: uuid('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		week: int4multirange('week').notNull()
	},
	(t) => [index('search_dated_opening_service_idx').on(t.serviceId)]
);

/**
 * Where each service is: one row per service and located place, with the point precomputed, so
 * "near me" reads one narrow table through its GiST index instead of computing the point of
 * every location and joining through service_at_location; with the service's entry values, so a
 * search within a radius reads this table alone; and with the place's position in map pixels, so
 * the map groups the places of a search on a grid in one pass over it (map/queries.ts). Kept by
 * refreshSearchDocuments(). On disk its columns are in drizzle/0019's order, fixed-width first,
 * not in this declaration's: rows are read faster when the grouped columns come before any
 * variable-width one.
 */
export const searchPoint = pgTable(
	'search_point',
	{
		serviceId: uuid('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		locationId: uuid('location_id')
			.notNull()
			.references(() => location.id, { onDelete: 'cascade' }),
		/** The service_at_location of the pair (the first, should there be two): the map's place id. */
		placeId: uuid('place_id').notNull(),
		/**
		 * The row as a number, which PostgreSQL aggregates in a fraction of a uuid's time: the map
		 * takes the key of a group's one place and reads its place id back (map/queries.ts).
		 */
		placeKey: bigint('place_key', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
		earth: earth('earth').notNull(),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull(),
		/** Web Mercator pixel of the place on 256-pixel tiles at zoom 22 (2^30 pixels around the world). */
		x: integer('x').notNull(),
		y: integer('y').notNull(),
		/**
		 * The key of the service's weekly hours (searchWeek): "open now" on the map probes the few
		 * weeks open at this minute instead of checking every place's ranges.
		 */
		weekKey: bigint('week_key', { mode: 'number' }).notNull(),
		...entryValues()
	},
	(t) => [
		primaryKey({ columns: [t.serviceId, t.locationId] }),
		index('search_point_earth_idx').using('gist', t.earth),
		index('search_point_location_idx').on(t.locationId),
		uniqueIndex('search_point_place_key_idx').on(t.placeKey),
		sampleIndex('search_point_sample_idx', t.serviceId),
		index('search_point_map_cell_idx').on(sql`(${t.x} >> 12)`, sql`(${t.y} >> 12)`)
	]
);

/**
 * The distinct weekly hours (search_entry.open_week) of the services' places, by a hash of
 * their text: a city has a few hundred, so "open now" over every place of a map is the keys of
 * the weeks open at that minute, probed, rather than the ranges of each place checked (a third
 * of the city open on a weekday morning, 33,000 places at 100,000: 65 -> 55 ms on PGlite and on
 * PostgreSQL). Rows are added by the refresh of the points, never removed (drizzle/0019).
 */
export const searchWeek = pgTable('search_week', {
	weekKey: bigint('week_key', { mode: 'number' }).primaryKey(),
	week: int4multirange('week').notNull()
});

/**
 * The active places of the whole directory counted per cell of 4,096 pixels at zoom 22 (about
 * 110 m in Milan; the pixels' 12 lowest bits dropped), with the sums, bounds and smallest key
 * the map's groups are made of: the map of every service, without words or filters, groups
 * these few thousand rows instead of every place (map/queries.ts). Kept by statement triggers
 * on search_point (drizzle/0014).
 */
export const searchMapCell = pgTable(
	'search_map_cell',
	{
		cx: integer('cx').notNull(),
		cy: integer('cy').notNull(),
		n: integer('n').notNull(),
		sumX: bigint('sum_x', { mode: 'number' }).notNull(),
		sumY: bigint('sum_y', { mode: 'number' }).notNull(),
		x0: integer('x0').notNull(),
		x1: integer('x1').notNull(),
		y0: integer('y0').notNull(),
		y1: integer('y1').notNull(),
		/** The smallest search_point.place_key of the cell. */
		placeKey: bigint('place_key', { mode: 'number' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.cx, t.cy] })]
);

/**
 * A counter that moves whenever what search reads changes (triggers in drizzle/0006): the
 * search result cache of each app process keys on it, so no process serves a stale count.
 */
export const searchState = pgTable('search_state', {
	id: smallint('id').primaryKey(),
	version: bigint('version', { mode: 'number' }).notNull()
});

/**
 * Every search entry once under each of its area codes, by name: browsing an area walks its
 * services in name order here and stops at the page, where walking the name index of all
 * services reads past every service of the other areas first (names follow areas: "Nido …"
 * sit together). Kept by statement triggers on search_filter_entry (drizzle/0012).
 */
export const searchAreaName = pgTable(
	'search_area_name',
	{
		code: text('code').notNull(),
		sortKey: text('sort_key').notNull(),
		serviceId: uuid('service_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.code, t.sortKey, t.serviceId] }),
		index('search_area_name_service_idx').on(t.serviceId)
	]
);

/**
 * The distinct combinations of facet values (areas, audiences, municipi, free) services have,
 * with how many active services have each: facets count a few hundred signatures instead of
 * unnesting the codes of thousands of services. The count is kept by triggers on search_entry.
 */
export const searchSignature = pgTable('search_signature', {
	signature: bigint('signature', { mode: 'number' }).primaryKey(),
	areaCodes: text('area_codes').array().notNull(),
	audienceCodes: text('audience_codes').array().notNull(),
	municipi: smallint('municipi').array().notNull(),
	free: boolean('free').notNull(),
	services: integer('services').notNull().default(0)
});

/**
 * The words of the corpus, unaccented and lower case, with their stem and how many active
 * services use them: the dictionary of the typo corrector and of prefix completion.
 * Rebuilt by refreshSearchVocabulary() after imports.
 */
export const searchWord = pgTable(
	'search_word',
	{
		word: text('word').primaryKey(),
		/** The word as services spell it most often, accents included ("disabilità"). */
		display: text('display').notNull(),
		lexeme: text('lexeme').notNull(),
		documents: integer('documents').notNull()
	},
	(t) => [
		index('search_word_trgm_idx').using('gin', t.word.op('gin_trgm_ops')),
		index('search_word_prefix_idx').on(t.word.op('text_pattern_ops'))
	]
);

/** Document frequency of each stem of the active services' documents (idf). */
export const searchLexeme = pgTable('search_lexeme', {
	lexeme: text('lexeme').primaryKey(),
	documents: integer('documents').notNull(),
	/**
	 * How many of those services have the stem in their name (search_filter_entry.title): what
	 * a search's names can match at most, so a pool the names cannot fill is not drawn from them.
	 */
	titles: integer('titles').notNull().default(0)
});

/** Corpus-wide figures of the last vocabulary refresh (a single row, id 1). */
export const searchCorpus = pgTable('search_corpus', {
	id: smallint('id').primaryKey(),
	documents: integer('documents').notNull(),
	refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow()
});
