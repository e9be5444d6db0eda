/**
 * GET /api/geocode and /api/indirizzi over HTTP against the built app (offline geocoder on the
 * street register and the demo directory), and the bad inputs of a search near a point.
 */
import { describe, expect, test } from 'vitest';
import { getJson } from '../support/app.ts';

type GeocodeBody = {
	results: { label: string; lat: number; lon: number; municipio: number | null; nil_id: number | null; postal_code: string | null; precision: string }[];
	fallback: boolean;
};

async function geocode(q: string): Promise<GeocodeBody> {
	const { status, body } = await getJson(`/api/geocode?q=${encodeURIComponent(q)}`);
	expect(status, `GET /api/geocode?q=${q} → ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
	return body as GeocodeBody;
}

function expectInvalid(response: { status: number; body: unknown }, field: string) {
	expect(response.status).toBe(400);
	const error = (response.body as { error: { code: string; field: string; message: string } }).error;
	expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
	expect(error.message.length).toBeGreaterThan(10);
}

describe('/api/geocode (offline)', () => {
	test('Via Padova 36 is in municipio 2, CAP 20131, a point on the street', async () => {
		const { results, fallback } = await geocode('Via Padova 36');
		expect(fallback).toBe(false);
		expect(results[0]).toMatchObject({ label: 'Via Padova 36, 20131', municipio: 2, postal_code: '20131' });
		expect(['address', 'street']).toContain(results[0]!.precision);
		expect(results[0]!.lat).toBeGreaterThan(45.48);
		expect(results[0]!.lat).toBeLessThan(45.52);
	});

	test('Corso Buenos Aires is in municipio 3; a municipio and a NIL give their centres', async () => {
		expect((await geocode('Corso Buenos Aires 20'))[`results`][0]).toMatchObject({ municipio: 3, postal_code: '20124' });
		expect((await geocode('municipio 3')).results[0]).toMatchObject({ label: 'Municipio 3', precision: 'municipio', municipio: 3 });
		expect((await geocode('Niguarda')).results[0]).toMatchObject({ nil_id: 14, precision: 'neighbourhood', municipio: 9 });
	});

	test('an unknown place is an empty list, not an error', async () => {
		expect((await geocode('Via Zzyzx Qwerty 4')).results).toEqual([]);
	});

	test('empty, too long or a bad limit is a 400 INVALID_INPUT', async () => {
		expectInvalid(await getJson('/api/geocode?q='), 'q');
		expectInvalid(await getJson('/api/geocode'), 'q');
		expectInvalid(await getJson(`/api/geocode?q=${'via '.repeat(60)}`), 'q');
		expectInvalid(await getJson('/api/geocode?q=via%20padova&limit=500'), 'limit');
	});
});

describe('/api/indirizzi', () => {
	test('suggests streets of the register, with a known house number and its CAP', async () => {
		const { status, body } = await getJson('/api/indirizzi?q=via%20padova%203');
		expect(status).toBe(200);
		const suggestions = (body as { suggestions: { label: string; postal_code: string | null; municipio: number | null }[] }).suggestions;
		expect(suggestions[0]).toEqual({ label: 'Via Padova 3, 20127', postal_code: '20127', municipio: 2 });
		const partial = (await getJson('/api/indirizzi?q=corso%20buen')).body as { suggestions: { label: string }[] };
		expect(partial.suggestions.map((s) => s.label)).toContain('Corso Buenos Aires');
		expect(partial.suggestions.length).toBeLessThanOrEqual(8);
		expectInvalid(await getJson('/api/indirizzi?q=%20'), 'q');
	});
});

describe('/api/search near a point: bad inputs', () => {
	test('a radius of 10,000 km is clamped to 50 km', async () => {
		const { status, body } = await getJson('/api/search?near=45.4642,9.19&radius_km=10000&per_page=100');
		expect(status).toBe(200);
		const results = (body as { results: { distance_km: number }[] }).results;
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((r) => r.distance_km <= 50)).toBe(true);
	});

	test.each([
		['near=48.8566,2.3522', 'near'], // Paris
		['near=45.4642', 'near'],
		['near=91,9.19', 'near'],
		['near=45.4642,9.19&radius_km=-1', 'radius_km'],
		['near=45.4642,9.19&radius_km=tanto', 'radius_km']
	])('%s is a 400 naming the field', async (query, field) => {
		expectInvalid(await getJson(`/api/search?${query}`), field);
	});
});
