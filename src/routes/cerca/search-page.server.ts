/**
 * Everything /cerca shows for one URL, apart from HTTP: the parsed search, the engine's
 * results with the labels of the filters, and help when nothing is found. Kept out of
 * +page.server.ts so that a db test can run it against a real database.
 */
import type { Lang } from '#lib/i18n/index.ts';
import type { DbOrTx } from '#lib/server/db/client.ts';
import type { Geocoder } from '#lib/server/geo/geocoder.ts';
import { renderPlaceFields } from '#lib/server/geo/place-fields.ts';
import { describePlace, resolvePlace, type PlaceView } from '#lib/server/geo/resolve-place.ts';
import { areaLinks, CITY_PHONE, findSearchHelp, termLabels } from '#lib/server/keywords/search-help.ts';
import { parseSearchParams } from '#lib/server/search/inputs.ts';
import { searchServices } from '#lib/server/search/search-services.ts';
import { activeFilters, buildFilterView, normalizeSearchQuery } from '#lib/components/search/facets.ts';
import { hasFilters } from '#lib/components/search/search-url.ts';

export type SearchPageResult =
	| { ok: false; field: string; message: string }
	| { ok: true; data: Awaited<ReturnType<typeof searchPageData>> };

export async function loadSearchPage(
	db: DbOrTx,
	query: URLSearchParams,
	{ lang, now, geocoder }: { lang: Lang; now: Date; geocoder?: Geocoder }
): Promise<SearchPageResult> {
	const { query: resolved, place } = await resolvePlace(query, geocoder);
	const parsed = parseSearchParams(normalizeSearchQuery(resolved, termLabels(lang)));
	if (!parsed.ok) return { ok: false, ...parsed.error };
	const params = { ...parsed.params, place: place?.found ? place.text : null };
	return { ok: true, data: await searchPageData(db, params, place, { lang, now }) };
}

async function searchPageData(
	db: DbOrTx,
	params: Parameters<typeof searchServices>[1] & { place: string | null },
	place: PlaceView | null,
	{ lang, now }: { lang: Lang; now: Date }
) {
	const filtered = hasFilters(params);
	// No words and no filters: the page offers ways in instead of listing every service.
	const placeFields = renderPlaceFields(lang, place?.text ?? '', params.radiusKm);
	const placeNotice = describePlace(place, lang);
	if (!params.q && !filtered) return { lang, params, placeFields, placeNotice, filtered, areas: areaLinks(lang), search: null };

	const terms = termLabels(lang);
	const outcome = await searchServices(db, params, { now });
	const help = outcome.total === 0 ? await findSearchHelp(db, params, { now }) : null;
	return {
		lang,
		params,
		placeFields,
		placeNotice,
		filtered,
		areas: help ? areaLinks(lang) : [],
		search: {
			total: outcome.total,
			estimated: outcome.estimated,
			page: outcome.page,
			perPage: outcome.perPage,
			totalPages: Math.max(1, Math.ceil(outcome.total / outcome.perPage)),
			hits: outcome.hits,
			correctedQuery: outcome.correctedQuery,
			filters: buildFilterView(params, outcome.facets, terms, lang),
			active: activeFilters(params, terms, lang),
			help: help ? { ...help, phone: CITY_PHONE } : null
		}
	};
}
