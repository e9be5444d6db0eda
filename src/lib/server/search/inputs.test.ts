import { describe, expect, it } from 'vitest';
import { DEFAULT_PER_PAGE, parseSearchParams } from './inputs.ts';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));
const errorOf = (query: string) => {
	const result = parse(query);
	return result.ok ? null : result.error;
};

describe('parseSearchParams', () => {
	it('gives the defaults of a browse', () => {
		expect(parse('')).toEqual({
			ok: true,
			params: {
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
			}
		});
	});

	it('reads every filter', () => {
		const result = parse(
			'q=+asilo++nido+&area=nidi-micronidi&audience=bambini-0-3&municipio=5&near=45.46,9.19&radius_km=2.5&free=on&open_now=1&page=3&per_page=50'
		);
		expect(result).toEqual({
			ok: true,
			params: {
				q: 'asilo nido',
				area: 'nidi-micronidi',
				audience: 'bambini-0-3',
				municipio: 5,
				near: { lat: 45.46, lon: 9.19 },
				radiusKm: 2.5,
				free: true,
				openNow: true,
				page: 3,
				perPage: 50
			}
		});
	});

	it('treats empty fields as absent, as an untouched form sends them', () => {
		const result = parse('q=&area=&audience=&municipio=&near=&radius_km=&page=&per_page=&free=');
		expect(result.ok && result.params).toMatchObject({ area: null, municipio: null, near: null, page: 1 });
	});

	it('accepts true, 1 and on for the checkboxes, and false, 0, off', () => {
		for (const v of ['true', '1', 'on', 'TRUE']) expect(parse(`free=${v}`)).toMatchObject({ params: { free: true } });
		for (const v of ['false', '0', 'off']) expect(parse(`open_now=${v}`)).toMatchObject({ params: { openNow: false } });
		expect(errorOf('free=forse')).toMatchObject({ field: 'free' });
	});

	it('never fails on the text: cleans it and keeps 200 characters', () => {
		const result = parse(new URLSearchParams({ q: `\u0000${'a'.repeat(10_000)}` }).toString());
		expect(result.ok && result.params.q).toBe('a'.repeat(200));
	});

	it('clamps the radius to 50 km and ignores it without a point', () => {
		expect(parse('near=45.46,9.19&radius_km=500')).toMatchObject({ params: { radiusKm: 50 } });
		expect(parse('near=45.46,9.19&radius_km=10000')).toMatchObject({ params: { radiusKm: 50 } });
		expect(parse('radius_km=3')).toMatchObject({ params: { near: null, radiusKm: null } });
	});

	it.each([
		['page=0', 'page'],
		['page=-1', 'page'],
		['page=1.5', 'page'],
		['page=abc', 'page'],
		['page=99999999999', 'page'],
		['per_page=0', 'per_page'],
		['per_page=101', 'per_page'],
		['municipio=0', 'municipio'],
		['municipio=10', 'municipio'],
		['municipio=due', 'municipio'],
		['near=45.46', 'near'],
		['near=abc,def', 'near'],
		['near=95,9', 'near'],
		['near=41.9,12.5', 'near'],
		['near=45.46,9.19&radius_km=0', 'radius_km'],
		['near=45.46,9.19&radius_km=-2', 'radius_km'],
		['near=45.46,9.19&radius_km=tanto', 'radius_km'],
		['area=spiaggia', 'area'],
		['area=anziani', 'area'],
		['audience=marziani', 'audience'],
		['audience=scuola', 'audience']
	])('rejects %s with a message in Italian for %s', (query, field) => {
		const error = errorOf(query);
		expect(error?.field).toBe(field);
		expect(error?.message).toMatch(/^[A-Z].+\.$/);
	});

	it('explains a point far from Milan', () => {
		expect(errorOf('near=41.9,12.5')?.message).toContain('Milano');
	});
});
