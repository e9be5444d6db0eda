import { describe, expect, it } from 'vitest';
import { defaultSearchParams } from '#lib/server/search/inputs.ts';
import { mapApiQuery, mapHref, onMap } from './map-url.ts';

describe('map links', () => {
	it('moves /cerca links to /mappa and leaves the others', () => {
		expect(onMap('/cerca?area=scuola')).toBe('/mappa?area=scuola');
		expect(onMap('/cerca')).toBe('/mappa');
		expect(onMap('/cercare')).toBe('/cercare');
		expect(onMap('/servizi/x')).toBe('/servizi/x');
		expect(mapHref({ q: 'nido', municipio: 3, page: 2 })).toBe('/mappa?q=nido&municipio=3&page=2');
	});

	it('gives /api/map the search without its page', () => {
		const params = defaultSearchParams({ q: 'casa', area: 'sostegno-a-casa', near: { lat: 45.46, lon: 9.19 }, radiusKm: 2, openNow: true, page: 4, perPage: 50 });
		expect(mapApiQuery(params)).toBe('q=casa&area=sostegno-a-casa&near=45.46%2C9.19&radius_km=2&open_now=true');
	});
});
