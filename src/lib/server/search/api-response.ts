/**
 * The JSON of GET /api/search, as the public API documents it: snake_case, the facets an API
 * client filters on (areas and sub-categories together under "area", since the area filter
 * takes either), distances in km or null.
 */
import type { SearchOutcome } from './types.ts';

export type SearchApiResult = {
	id: string;
	name: string;
	organization: { id: string; name: string };
	areas: string[];
	municipio: number | null;
	distance_km: number | null;
	url: string;
};

export type SearchApiResponse = {
	total: number;
	/** `total` is an estimate, and so are the facet counts (more than 5,000 services reached). */
	estimated: boolean;
	page: number;
	per_page: number;
	results: SearchApiResult[];
	facets: {
		area: Record<string, number>;
		municipio: Record<string, number>;
		audience: Record<string, number>;
	};
	corrected_query: string | null;
};

export function toSearchApiResponse(outcome: SearchOutcome): SearchApiResponse {
	return {
		total: outcome.total,
		estimated: outcome.estimated,
		page: outcome.page,
		per_page: outcome.perPage,
		results: outcome.hits.map((h) => ({
			id: h.id,
			name: h.name,
			organization: { id: h.organization.id, name: h.organization.name },
			areas: h.areas,
			municipio: h.municipio,
			distance_km: h.distanceKm,
			url: h.url
		})),
		facets: {
			area: { ...outcome.facets.area, ...outcome.facets.subcategory },
			municipio: outcome.facets.municipio,
			audience: outcome.facets.audience
		},
		corrected_query: outcome.correctedQuery
	};
}

/** The body of every 400 of the search API. */
export function invalidInput(field: string, message: string) {
	return { error: { code: 'INVALID_INPUT' as const, message, field } };
}
