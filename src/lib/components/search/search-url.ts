/**
 * Links to /cerca from a set of search parameters, with the parameter names of the API
 * (q, area, audience, municipio, near, radius_km, free, open_now, page, per_page). Browser-safe.
 * Defaults are left out so that links stay short and one search has one URL.
 */
import type { SearchParams } from '#lib/server/search/types.ts';

/**
 * The engine's parameters (a type-only import: erased, so this module stays browser-safe), plus
 * the place typed in "Vicino a", which the server turns into `near` on every request.
 */
export type SearchUrlParams = SearchParams & { place?: string | null };

/** The "Vicino a" field: an address, a NIL or a municipio, geocoded on the server. */
export const PLACE_FIELD = 'vicino';
/** The radius of a search near a place when none is chosen, and the ones offered (km). */
export const DEFAULT_NEAR_RADIUS_KM = 2;
export const NEAR_RADII_KM = [0.5, 1, 2, 5];

export const DEFAULT_PER_PAGE = 20;
/** The value a checked "Gratuito" / "Aperto ora" box sends. */
export const FLAG_ON = 'true';

export const emptySearch: SearchUrlParams = {
	q: '',
	area: null,
	audience: null,
	municipio: null,
	near: null,
	radiusKm: null,
	free: false,
	openNow: false,
	page: 1,
	perPage: DEFAULT_PER_PAGE
};

/** The query-string pairs of a search, in a stable order, defaults omitted. */
export function searchEntries(p: Partial<SearchUrlParams>): [string, string][] {
	const s = { ...emptySearch, ...p };
	const pairs: [string, string][] = [];
	if (s.q.trim()) pairs.push(['q', s.q.trim()]);
	if (s.area) pairs.push(['area', s.area]);
	if (s.audience) pairs.push(['audience', s.audience]);
	if (s.municipio !== null) pairs.push(['municipio', String(s.municipio)]);
	// A typed place stays as typed: the links of the page say what the family wrote.
	if (s.place?.trim()) pairs.push([PLACE_FIELD, s.place.trim()]);
	else if (s.near) pairs.push(['near', `${s.near.lat},${s.near.lon}`]);
	if (s.near && s.radiusKm !== null) pairs.push(['radius_km', String(s.radiusKm)]);
	if (s.free) pairs.push(['free', FLAG_ON]);
	if (s.openNow) pairs.push(['open_now', FLAG_ON]);
	if (s.perPage !== DEFAULT_PER_PAGE) pairs.push(['per_page', String(s.perPage)]);
	if (s.page > 1) pairs.push(['page', String(s.page)]);
	return pairs;
}

/** `/cerca?…` for these parameters. */
export function searchHref(p: Partial<SearchUrlParams>): string {
	const query = new URLSearchParams(searchEntries(p)).toString();
	return query ? `/cerca?${query}` : '/cerca';
}

/** Whether a search narrows by anything other than its text (and the page). */
export function hasFilters(p: SearchUrlParams): boolean {
	return Boolean(p.area || p.audience || p.municipio !== null || p.near || p.free || p.openNow);
}
