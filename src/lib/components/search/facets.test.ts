import { describe, expect, it } from 'vitest';
import { activeFilters, buildFilterView, chosenArea, normalizeSearchQuery, type FacetCounts, type TermLabel } from './facets.ts';
import { emptySearch, hasFilters, searchHref, type SearchUrlParams } from './search-url.ts';

const terms: TermLabel[] = [
	{ code: 'scuola', kind: 'area', parentCode: null, name: 'Scuola' },
	{ code: 'nidi-micronidi', kind: 'subcategory', parentCode: 'scuola', name: 'Nidi e micronidi' },
	{ code: 'scuole', kind: 'subcategory', parentCode: 'scuola', name: 'Scuole' },
	{ code: 'lavoro', kind: 'area', parentCode: null, name: 'Servizi per il lavoro' },
	{ code: 'orientamento-lavoro', kind: 'subcategory', parentCode: 'lavoro', name: 'Orientamento al lavoro' },
	{ code: 'single', kind: 'family_type', parentCode: null, name: 'Single' },
	{ code: 'anziani', kind: 'person_group', parentCode: null, name: 'Anziani' }
];
const facets: FacetCounts = {
	area: { scuola: 7, lavoro: 0 },
	subcategory: { 'nidi-micronidi': 4, scuole: 3 },
	audience: { anziani: 2 },
	municipio: { '3': 5, '8': 2 },
	free: 6,
	openNow: 1
};
const params = (p: Partial<SearchUrlParams>): SearchUrlParams => ({ ...emptySearch, ...p });

describe('searchHref', () => {
	it('writes the API parameter names and leaves defaults out', () => {
		expect(searchHref({})).toBe('/cerca');
		expect(searchHref(params({ q: 'casa', page: 1, perPage: 20 }))).toBe('/cerca?q=casa');
		expect(
			searchHref(
				params({ q: "l'affitto", area: 'scuola', municipio: 3, free: true, openNow: true, page: 2, near: { lat: 45.46, lon: 9.19 }, radiusKm: 2 })
			)
		).toBe('/cerca?q=l%27affitto&area=scuola&municipio=3&near=45.46%2C9.19&radius_km=2&free=true&open_now=true&page=2');
	});

	it('keeps a typed place as typed ("vicino") instead of its coordinates', () => {
		const near = params({ q: 'nido', near: { lat: 45.49, lon: 9.22 }, radiusKm: 1, place: 'Via Padova 36' });
		expect(searchHref(near)).toBe('/cerca?q=nido&vicino=Via+Padova+36&radius_km=1');
		const filter = activeFilters(near, terms, 'it').find((f) => f.key === 'near')!;
		expect(filter.label).toBe('Vicino a Via Padova 36, entro 1 km');
		expect(filter.removeHref).toBe('/cerca?q=nido');
		expect(buildFilterView(near, facets, terms, 'it').hidden).toEqual([
			['q', 'nido'],
			['vicino', 'Via Padova 36'],
			['radius_km', '1']
		]);
		expect(activeFilters(params({ near: { lat: 45.49, lon: 9.22 }, radiusKm: 2 }), terms, 'en')[0]!.label).toBe(
			'Near the chosen point, within 2 km'
		);
	});

	it('tells a filtered search from a plain one', () => {
		expect(hasFilters(params({ q: 'casa', page: 3 }))).toBe(false);
		expect(hasFilters(params({ municipio: 1 }))).toBe(true);
		expect(hasFilters(params({ free: true }))).toBe(true);
	});
});

describe('buildFilterView', () => {
	it('lists areas with results, "all" first, and the chosen one ticked', () => {
		const view = buildFilterView(params({ q: 'x', area: 'scuola' }), facets, terms, 'it');
		expect(view.area.options.map((o) => [o.value, o.count, o.checked])).toEqual([
			['', null, false],
			['scuola', 7, true]
		]);
		expect(view.area.options.every((o) => o.name === 'area')).toBe(true);
	});

	it('shows the sub-categories of the chosen area only, under their own field', () => {
		expect(buildFilterView(params({}), facets, terms, 'it').subcategory).toBeNull();
		const view = buildFilterView(params({ area: 'nidi-micronidi' }), facets, terms, 'it');
		expect(view.area.options.find((o) => o.checked)?.value).toBe('scuola');
		expect(view.subcategory!.options.map((o) => [o.name, o.value, o.checked])).toEqual([
			['sottocategoria', '', false],
			['sottocategoria', 'nidi-micronidi', true],
			['sottocategoria', 'scuole', false]
		]);
		expect(view.subcategory!.options[0]!.label).toBe('Tutta l’area «Scuola»');
	});

	it('keeps a chosen option that has no results so it can be unticked', () => {
		const view = buildFilterView(params({ municipio: 9, audience: 'single' }), facets, terms, 'it');
		expect(view.municipio.options.map((o) => o.value)).toEqual(['', '3', '8', '9']);
		expect(view.municipio.options.at(-1)).toMatchObject({ label: 'Municipio 9', count: 0, checked: true });
		expect(view.audience.options.map((o) => o.value)).toEqual(['', 'single', 'anziani']);
	});

	it('offers free and open-now as checkboxes with their counts, and keeps q as a hidden field', () => {
		const view = buildFilterView(params({ q: 'casa', free: true, page: 4 }), facets, terms, 'en');
		expect(view.flags.options).toEqual([
			{ name: 'free', value: 'true', label: 'Free of charge', count: 6, checked: true },
			{ name: 'open_now', value: 'true', label: 'Open now', count: 1, checked: false }
		]);
		expect(view.hidden).toEqual([['q', 'casa']]);
	});
});

describe('activeFilters', () => {
	it('links each filter to the same search without it, back on page 1', () => {
		const list = activeFilters(params({ q: 'casa', area: 'lavoro', municipio: 3, free: true, page: 2 }), terms, 'it');
		expect(list).toEqual([
			{ key: 'area', label: 'Servizi per il lavoro', removeHref: '/cerca?q=casa&municipio=3&free=true' },
			{ key: 'municipio', label: 'Municipio 3', removeHref: '/cerca?q=casa&area=lavoro&free=true' },
			{ key: 'free', label: 'Gratuito', removeHref: '/cerca?q=casa&area=lavoro&municipio=3' }
		]);
	});

	it('widens a sub-category to its area when removed', () => {
		const [area] = activeFilters(params({ area: 'nidi-micronidi' }), terms, 'it');
		expect(area).toEqual({ key: 'area', label: 'Scuola: Nidi e micronidi', removeHref: '/cerca?area=scuola' });
	});

	it('is empty without filters', () => {
		expect(activeFilters(params({ q: 'casa', page: 3 }), terms, 'it')).toEqual([]);
	});
});

describe('normalizeSearchQuery', () => {
	const norm = (qs: string) => normalizeSearchQuery(new URLSearchParams(qs), terms).toString();

	it('drops empty form fields and what is not a search parameter', () => {
		expect(norm('q=casa&area=&audience=&municipio=&lang=en')).toBe('q=casa');
	});

	it('folds a sub-category of the chosen area into area, and ignores one of another area', () => {
		expect(norm('area=scuola&sottocategoria=nidi-micronidi')).toBe('area=nidi-micronidi');
		expect(norm('area=lavoro&sottocategoria=nidi-micronidi')).toBe('area=lavoro');
		expect(norm('sottocategoria=nidi-micronidi')).toBe('');
	});

	it('leaves invalid values to the engine to reject', () => {
		expect(norm('municipio=12&page=0')).toBe('municipio=12&page=0');
	});
});

describe('chosenArea', () => {
	it('finds the area of an area or of a sub-category', () => {
		expect(chosenArea('scuole', terms)?.code).toBe('scuola');
		expect(chosenArea('lavoro', terms)?.code).toBe('lavoro');
		expect(chosenArea('anziani', terms)).toBeNull();
		expect(chosenArea(null, terms)).toBeNull();
	});
});
