/**
 * Links of /mappa: the same query strings as /cerca (search-url.ts), on the map's path; and the
 * query string of /api/map for a search. Browser-safe.
 */
import type { SearchParams } from '#lib/server/search/types.ts';
import { searchEntries, searchHref } from '../search/search-url.ts';

/** `/cerca?…` → `/mappa?…` (any other link unchanged). */
export const onMap = (href: string): string => href.replace(/^\/cerca(?=\?|$)/, '/mappa');

/** `/mappa?…` for these parameters. */
export const mapHref = (p: Parameters<typeof searchHref>[0]): string => onMap(searchHref(p));

/** The search as /api/map reads it: the engine's parameters, without page or page size. */
export function mapApiQuery(p: SearchParams): string {
	const { q, area, audience, municipio, near, radiusKm, free, openNow } = p;
	return new URLSearchParams(searchEntries({ q, area, audience, municipio, near, radiusKm, free, openNow })).toString();
}
