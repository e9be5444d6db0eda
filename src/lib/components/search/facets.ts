/**
 * What the filter form and the active-filter list of /cerca show, computed from the search
 * parameters, the facet counts of the engine and the labels of the reference taxonomy.
 * Pure and browser-safe: the route passes the labels in the interface language.
 */
import type { Lang } from '#lib/i18n/index.ts';
import type { SearchFacets } from '#lib/server/search/types.ts';
import { st } from './messages.ts';
import { FLAG_ON, PLACE_FIELD, searchEntries, searchHref, type SearchUrlParams } from './search-url.ts';

export type TermLabel = {
	code: string;
	kind: 'area' | 'subcategory' | 'family_type' | 'person_group';
	parentCode: string | null;
	name: string;
};

/** The engine's facet counts (type-only import: erased from the browser bundle). */
export type FacetCounts = SearchFacets;

export type FacetOption = {
	/** The form field: the group's name for radios, the option's own for checkboxes. */
	name: string;
	value: string;
	label: string;
	count: number | null;
	checked: boolean;
};

export type FacetGroupView = {
	/** Unique in the form: the id prefix of the inputs. */
	id: string;
	type: 'radio' | 'checkbox';
	legend: string;
	options: FacetOption[];
};

export type FilterView = {
	area: FacetGroupView;
	subcategory: FacetGroupView | null;
	audience: FacetGroupView;
	municipio: FacetGroupView;
	flags: FacetGroupView;
	/** Parts of the search the form has no control for, kept as hidden fields. */
	hidden: [string, string][];
};

export type ActiveFilter = { key: string; label: string; removeHref: string };

/** The UI-only field of the sub-category radios; /cerca folds it into `area`. */
export const SUBCATEGORY_FIELD = 'sottocategoria';

export const MUNICIPI = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const count = (counts: Record<string, number>, key: string) => counts[key] ?? 0;

/** The area a search narrows to, whether it names an area or one of its sub-categories. */
export function chosenArea(area: string | null, terms: TermLabel[]): TermLabel | null {
	const term = area ? terms.find((t) => t.code === area) : undefined;
	if (!term) return null;
	if (term.kind === 'area') return term;
	if (term.kind === 'subcategory') return terms.find((t) => t.code === term.parentCode) ?? null;
	return null;
}

/** Options with results, plus the chosen one even when it has none (so it can be unticked). */
function radios(
	name: string,
	legend: string,
	list: { value: string; label: string }[],
	counts: Record<string, number>,
	chosen: string | null,
	any: string
): FacetGroupView {
	const shown = list
		.map((o) => ({ name, ...o, count: count(counts, o.value), checked: o.value === chosen }))
		.filter((o) => o.count > 0 || o.checked);
	return {
		id: name,
		type: 'radio',
		legend,
		options: [{ name, value: '', label: any, count: null, checked: chosen === null }, ...shown]
	};
}

export function buildFilterView(
	p: SearchUrlParams,
	facets: FacetCounts,
	terms: TermLabel[],
	lang: Lang
): FilterView {
	const area = chosenArea(p.area, terms);
	const chosenTerm = p.area ? terms.find((t) => t.code === p.area) : undefined;
	const subs = area ? terms.filter((t) => t.kind === 'subcategory' && t.parentCode === area.code) : [];
	const audiences = terms.filter((t) => t.kind === 'family_type' || t.kind === 'person_group');
	return {
		area: radios(
			'area',
			st(lang, 'filters.area'),
			terms.filter((t) => t.kind === 'area').map((t) => ({ value: t.code, label: t.name })),
			facets.area,
			area?.code ?? null,
			st(lang, 'filters.areaAny')
		),
		subcategory:
			area && subs.length > 0
				? radios(
						SUBCATEGORY_FIELD,
						st(lang, 'filters.subcategory'),
						subs.map((t) => ({ value: t.code, label: t.name })),
						facets.subcategory,
						chosenTerm?.kind === 'subcategory' ? chosenTerm.code : null,
						st(lang, 'filters.subcategoryAny', { area: area.name })
					)
				: null,
		audience: radios(
			'audience',
			st(lang, 'filters.audience'),
			audiences.map((t) => ({ value: t.code, label: t.name })),
			facets.audience,
			p.audience,
			st(lang, 'filters.audienceAny')
		),
		municipio: radios(
			'municipio',
			st(lang, 'filters.municipio'),
			MUNICIPI.map((n) => ({ value: String(n), label: st(lang, 'filters.municipioN', { n }) })),
			facets.municipio,
			p.municipio === null ? null : String(p.municipio),
			st(lang, 'filters.municipioAny')
		),
		flags: {
			id: 'flags',
			type: 'checkbox',
			legend: st(lang, 'filters.other'),
			options: [
				{ name: 'free', value: FLAG_ON, label: st(lang, 'filters.free'), count: facets.free, checked: p.free },
				{ name: 'open_now', value: FLAG_ON, label: st(lang, 'filters.openNow'), count: facets.openNow, checked: p.openNow }
			]
		},
		hidden: searchEntries({ q: p.q, near: p.near, radiusKm: p.radiusKm, place: p.place, perPage: p.perPage })
	};
}

/** The filters in force, each with the link that removes it (back to page 1). */
export function activeFilters(p: SearchUrlParams, terms: TermLabel[], lang: Lang): ActiveFilter[] {
	const base = { ...p, page: 1 };
	const name = (code: string | null) => terms.find((t) => t.code === code)?.name ?? code ?? '';
	const list: ActiveFilter[] = [];
	if (p.area) {
		const term = terms.find((t) => t.code === p.area);
		const parent = term?.kind === 'subcategory' ? terms.find((t) => t.code === term.parentCode) : undefined;
		// Removing a sub-category widens to its area; removing an area drops the filter.
		list.push({
			key: 'area',
			label: parent ? `${parent.name}: ${name(p.area)}` : name(p.area),
			removeHref: searchHref({ ...base, area: parent?.code ?? null })
		});
	}
	if (p.audience)
		list.push({ key: 'audience', label: name(p.audience), removeHref: searchHref({ ...base, audience: null }) });
	if (p.municipio !== null)
		list.push({
			key: 'municipio',
			label: st(lang, 'filters.municipioN', { n: p.municipio }),
			removeHref: searchHref({ ...base, municipio: null })
		});
	if (p.near)
		list.push({
			key: 'near',
			label: [
				p.place ? st(lang, 'filters.nearPlace', { place: p.place }) : st(lang, 'filters.near'),
				p.radiusKm !== null
					? st(lang, 'filters.radius', { km: p.radiusKm.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB') })
					: null
			]
				.filter(Boolean)
				.join(', '),
			removeHref: searchHref({ ...base, near: null, radiusKm: null, place: null })
		});
	if (p.free) list.push({ key: 'free', label: st(lang, 'filters.free'), removeHref: searchHref({ ...base, free: false }) });
	if (p.openNow)
		list.push({ key: 'open_now', label: st(lang, 'filters.openNow'), removeHref: searchHref({ ...base, openNow: false }) });
	return list;
}

/** The search parameters of the API; anything else in the URL (e.g. `lang`) is not the search's. */
export const SEARCH_KEYS = new Set([
	'q', 'area', 'audience', 'municipio', 'near', 'radius_km', 'free', 'open_now', 'page', 'per_page', PLACE_FIELD
]);

/**
 * The search parameters of a /cerca URL as the engine expects them. Empty form fields mean
 * "not set". The sub-category radios send `sottocategoria` beside `area`: a sub-category of
 * the chosen area replaces it; one left ticked from another area is ignored.
 */
export function normalizeSearchQuery(input: URLSearchParams, terms: TermLabel[]): URLSearchParams {
	const out = new URLSearchParams();
	for (const [key, value] of input) {
		if (SEARCH_KEYS.has(key) && value.trim() !== '' && !out.has(key)) out.set(key, value);
	}
	const sub = input.get(SUBCATEGORY_FIELD)?.trim();
	const term = sub ? terms.find((t) => t.code === sub && t.kind === 'subcategory') : undefined;
	if (term && term.parentCode === out.get('area')) out.set('area', term.code);
	return out;
}
