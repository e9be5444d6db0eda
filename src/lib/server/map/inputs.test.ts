import { describe, expect, it } from 'vitest';
import { DEFAULT_ZOOM, MILAN_EXTENT, parseBbox, parseMapParams, parseZoom } from './inputs.ts';

const parse = (query: string) => parseMapParams(new URLSearchParams(query));

describe('parseBbox', () => {
	it('keeps a view inside Milan as it is', () => {
		expect(parseBbox('9.15,45.45,9.22,45.49')).toEqual({ west: 9.15, south: 45.45, east: 9.22, north: 45.49 });
		expect(parseBbox(' 9.15 , 45.45 ,9.22, 45.49 ')).toEqual({ west: 9.15, south: 45.45, east: 9.22, north: 45.49 });
	});

	it('clamps the whole world, or a view overlapping the city, to Milan', () => {
		expect(parseBbox('-180,-90,180,90')).toEqual(MILAN_EXTENT);
		expect(parseBbox('9.2,45.5,12,47')).toEqual({ west: 9.2, south: 45.5, east: MILAN_EXTENT.east, north: MILAN_EXTENT.north });
	});

	it('turns a view wholly outside Milan into an empty strip on its edge', () => {
		const rome = parseBbox('12.4,41.8,12.6,42')!;
		expect(rome.west).toBe(rome.east);
		expect(rome.south).toBe(rome.north);
	});

	it.each([
		['', 'empty'],
		['9.1,45.4,9.2', 'three numbers'],
		['9.1,45.4,9.2,45.5,1', 'five numbers'],
		['a,b,c,d', 'words'],
		['9.1,45.4,9.2,NaN', 'NaN'],
		['9.1,45.4,9.2,Infinity', 'Infinity'],
		['1e3,45.4,9.2,45.5', 'exponent'],
		['9.1,-91,9.2,45.5', 'latitude beyond the pole'],
		['-181,45.4,9.2,45.5', 'longitude beyond 180'],
		['9.3,45.4,9.2,45.5', 'west east of east'],
		['9.1,45.6,9.2,45.5', 'south north of north'],
		['9.1,,9.2,45.5', 'a missing number']
	])('refuses %j (%s)', (value) => {
		expect(parseBbox(value)).toBeNull();
	});
});

describe('parseZoom', () => {
	it('accepts whole numbers from 0 to 20', () => {
		expect(parseZoom('0')).toBe(0);
		expect(parseZoom('13')).toBe(13);
		expect(parseZoom('20')).toBe(20);
	});
	it.each(['21', '-1', '12.5', 'abc', '1e1', '100'])('refuses %j', (value) => {
		expect(parseZoom(value)).toBeNull();
	});
});

describe('parseMapParams', () => {
	it('gives the whole city at the default zoom without a view', () => {
		const result = parse('area=sostegno-a-casa');
		expect(result).toMatchObject({ ok: true, params: { bbox: MILAN_EXTENT, zoom: DEFAULT_ZOOM } });
		if (result.ok) expect(result.params.search).toMatchObject({ area: 'sostegno-a-casa', q: '' });
	});

	it('reads the search parameters with the search code', () => {
		const result = parse('q=nido&municipio=3&free=true&open_now=1&near=45.4642,9.19&radius_km=2&bbox=9.1,45.4,9.2,45.5&zoom=14');
		expect(result.ok && result.params).toMatchObject({
			search: { q: 'nido', municipio: 3, free: true, openNow: true, near: { lat: 45.4642, lon: 9.19 }, radiusKm: 2 },
			bbox: { west: 9.1, south: 45.4, east: 9.2, north: 45.5 },
			zoom: 14
		});
	});

	it.each([
		['bbox=1,2,3', 'bbox'],
		['bbox=9.3,45.4,9.2,45.5', 'bbox'],
		['zoom=25', 'zoom'],
		['zoom=-3', 'zoom'],
		['municipio=12&bbox=1,2,3', 'municipio'],
		['near=40.85,14.27', 'near'],
		['radius_km=abc&near=45.46,9.19', 'radius_km']
	])('%s -> an error on %s with a message in Italian', (query, field) => {
		const result = parse(query);
		expect(result).toMatchObject({ ok: false, error: { field } });
		if (!result.ok) expect(result.error.message).toMatch(/[a-zà-ù]{4,}/);
	});
});
