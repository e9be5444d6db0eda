/**
 * Milan's boundaries as reference data (installed by db:migrate from data/reference/*.geojson,
 * see geo/install-boundaries.ts): the 9 municipi and the 88 NIL (Nuclei di Identità Locale).
 * Every location's municipio and nil_id point here.
 */
import { doublePrecision, index, jsonb, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** A point inside the area (its centroid unless that falls outside) and its bounding box. */
const placeShape = {
	/** GeoJSON Polygon or MultiPolygon, WGS84 lon/lat, as published. */
	geometry: jsonb('geometry').notNull(),
	centreLat: doublePrecision('centre_lat').notNull(),
	centreLon: doublePrecision('centre_lon').notNull(),
	minLat: doublePrecision('min_lat').notNull(),
	minLon: doublePrecision('min_lon').notNull(),
	maxLat: doublePrecision('max_lat').notNull(),
	maxLon: doublePrecision('max_lon').notNull()
};

export const municipio = pgTable('municipio', {
	/** 1-9 */
	number: smallint('number').primaryKey(),
	name: text('name').notNull(),
	...placeShape
});

export const nil = pgTable(
	'nil',
	{
		/** ID_NIL of the Comune's dataset ds964 (1-88). */
		id: smallint('id').primaryKey(),
		/** Readable form of the official upper-case name ("Città Studi"). */
		name: text('name').notNull(),
		officialName: text('official_name').notNull(),
		slug: text('slug').notNull(),
		/** The municipio holding the NIL's centre: NIL and municipi do not nest exactly. */
		municipio: smallint('municipio')
			.notNull()
			.references(() => municipio.number),
		...placeShape
	},
	(t) => [uniqueIndex('nil_slug_key').on(t.slug), index('nil_municipio_idx').on(t.municipio)]
);
