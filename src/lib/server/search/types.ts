/**
 * The contract of the search engine, shared by /cerca (HTML), /api/search (JSON) and the
 * evaluation and benchmark scripts.
 */

export type SearchParams = {
	/** Free text as typed (trimmed, at most 200 characters kept). Empty means "browse". */
	q: string;
	/** An area id or a sub-category id of the reference taxonomy. */
	area: string | null;
	/** A family-type or person-group id of the reference taxonomy. */
	audience: string | null;
	/** 1-9 */
	municipio: number | null;
	near: { lat: number; lon: number } | null;
	/** Only with `near`; clamped to a sane maximum. */
	radiusKm: number | null;
	free: boolean;
	openNow: boolean;
	/** From 1. */
	page: number;
	/** Default 20, at most 100. */
	perPage: number;
};

export type SearchHit = {
	id: string;
	slug: string;
	name: string;
	/** A short plain-text summary of the description for result lists. */
	summary: string;
	organization: { id: string; name: string; slug: string };
	/** Area and sub-category ids. */
	areas: string[];
	municipio: number | null;
	/** The first physical address, formatted ("Via Padova 276, 20132 Milano"), or null. */
	address: string | null;
	freeOfCharge: boolean | null;
	distanceKm: number | null;
	/** Path of the service page, e.g. /servizi/<slug>. */
	url: string;
};

export type SearchFacets = {
	area: Record<string, number>;
	subcategory: Record<string, number>;
	audience: Record<string, number>;
	municipio: Record<string, number>;
	free: number;
	openNow: number;
};

export type SearchOutcome = {
	total: number;
	/**
	 * The total is an estimate (a search reaching more than 5,000 services, counted on a sample
	 * and rounded to two significant figures; its facet counts are estimates too). A small total
	 * is counted exactly even then.
	 */
	estimated: boolean;
	page: number;
	perPage: number;
	hits: SearchHit[];
	facets: SearchFacets;
	/** The query with typos corrected, when the search used a correction; else null. */
	correctedQuery: string | null;
};
