/**
 * GET /api/search and /api/suggest over HTTP against the built app and the demo data:
 * the response contract, relevance, the distance filter, input errors and hostile queries.
 */
import { describe, expect, test } from 'vitest';
import { appUrl, getJson } from '../support/app.ts';
import { AREA_IDS, AUDIENCE_IDS, SUBCATEGORY_IDS } from '../support/reference.ts';

type Result = {
	id: string;
	name: string;
	organization: { id: string; name: string };
	areas: string[];
	municipio: number | null;
	distance_km: number | null;
	url: string;
};
type SearchBody = {
	total: number;
	page: number;
	per_page: number;
	results: Result[];
	facets: { area: Record<string, number>; municipio: Record<string, number>; audience: Record<string, number> };
	corrected_query: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DUOMO = { lat: 45.4642, lon: 9.19 };

async function search(query: string): Promise<SearchBody> {
	const { status, body } = await getJson(`/api/search?${query}`);
	expect(status, `GET /api/search?${query} → ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
	assertSearchBody(body);
	return body;
}

function assertSearchBody(body: unknown): asserts body is SearchBody {
	const b = body as SearchBody;
	expect(Object.keys(b).sort()).toEqual(
		['corrected_query', 'estimated', 'facets', 'page', 'per_page', 'results', 'total'].sort()
	);
	expect(Number.isInteger(b.total) && b.total >= 0).toBe(true);
	expect(Number.isInteger(b.page) && b.page >= 1).toBe(true);
	expect(Number.isInteger(b.per_page) && b.per_page >= 1 && b.per_page <= 100).toBe(true);
	expect(b.corrected_query === null || typeof b.corrected_query === 'string').toBe(true);
	expect(Array.isArray(b.results)).toBe(true);
	expect(b.results.length).toBeLessThanOrEqual(b.per_page);
	for (const facet of ['area', 'municipio', 'audience'] as const) {
		expect(typeof b.facets[facet], `facets.${facet}`).toBe('object');
		for (const [key, count] of Object.entries(b.facets[facet])) {
			expect(Number.isInteger(count) && count >= 0, `facets.${facet}.${key} = ${count}`).toBe(true);
		}
	}
	for (const key of Object.keys(b.facets.area)) expect(AREA_IDS.has(key) || SUBCATEGORY_IDS.has(key), key).toBe(true);
	for (const key of Object.keys(b.facets.audience)) expect(AUDIENCE_IDS.has(key), key).toBe(true);
	for (const key of Object.keys(b.facets.municipio)) expect(Number(key) >= 1 && Number(key) <= 9, key).toBe(true);
	for (const result of b.results) {
		expect(result.id).toMatch(UUID);
		expect(typeof result.name === 'string' && result.name.trim().length > 0).toBe(true);
		expect(result.organization.id).toMatch(UUID);
		expect(typeof result.organization.name === 'string' && result.organization.name.length > 0).toBe(true);
		expect(result.areas.length, `areas of ${result.name}`).toBeGreaterThan(0);
		for (const area of result.areas) expect(AREA_IDS.has(area) || SUBCATEGORY_IDS.has(area), area).toBe(true);
		expect(result.municipio === null || (Number.isInteger(result.municipio) && result.municipio >= 1 && result.municipio <= 9)).toBe(true);
		expect(result.distance_km === null || typeof result.distance_km === 'number').toBe(true);
		expect(result.url).toMatch(/^\/servizi\/[a-z0-9][a-z0-9-]*$/);
	}
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
	const rad = (deg: number) => (deg * Math.PI) / 180;
	const h =
		Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
		Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** Every geo point of a service page's schema.org JSON-LD. */
async function pageCoordinates(url: string): Promise<{ lat: number; lon: number }[]> {
	const html = await (await fetch(appUrl(url))).text();
	const points: { lat: number; lon: number }[] = [];
	const visit = (node: unknown) => {
		if (!node || typeof node !== 'object') return;
		const record = node as Record<string, unknown>;
		if (record.latitude !== undefined && record.longitude !== undefined) {
			points.push({ lat: Number(record.latitude), lon: Number(record.longitude) });
		}
		for (const value of Object.values(record)) visit(value);
	};
	for (const [, json] of html.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
		visit(JSON.parse(json!));
	}
	return points;
}

describe('GET /api/search', () => {
	test('answers the documented shape, with results for a common word', async () => {
		const body = await search('q=casa');
		expect(body.total).toBeGreaterThan(0);
		expect(body.page).toBe(1);
		expect(body.per_page).toBe(20);
		expect(body.results.length).toBe(Math.min(body.total, 20));
		expect(body.results.every((r) => r.distance_km === null)).toBe(true);
		expect(Object.keys(body.facets.area).length).toBeGreaterThan(0);
		expect(new Set(body.results.map((r) => r.id)).size).toBe(body.results.length);
	});

	test('per_page and page select a window of the same ranking', async () => {
		const first = await search('q=scuola&per_page=10');
		const second = await search('q=scuola&per_page=10&page=2');
		const both = await search('q=scuola&per_page=20');
		expect(first.total).toBeGreaterThan(10);
		expect(first.results).toHaveLength(10);
		expect(second.page).toBe(2);
		expect([...first.results, ...second.results].map((r) => r.id)).toEqual(both.results.map((r) => r.id));
	});

	test('ranks rent support first for "soldi per l\'affitto"', async () => {
		const body = await search(`q=${encodeURIComponent("soldi per l'affitto")}`);
		expect(body.total).toBeGreaterThan(0);
		const first = body.results[0]!;
		const page = await (await fetch(appUrl(first.url))).text();
		const aboutRent = first.areas.includes('sostegno-economico') || /affitt/i.test(first.name) || /affitt/i.test(page);
		expect(aboutRent, `first result "${first.name}" (${first.areas.join(', ')}) is not about rent support`).toBe(true);
	});

	test('the area filter keeps only services of that area, and its facet counts them', async () => {
		const all = await search('q=');
		const filtered = await search('area=scuola&per_page=100');
		expect(filtered.total).toBeGreaterThan(0);
		expect(filtered.total).toBeLessThan(all.total);
		expect(filtered.total).toBe(all.facets.area['scuola']);
		expect(filtered.results.every((r) => r.areas.includes('scuola'))).toBe(true);
	});

	test('the municipio filter keeps only services in that municipio', async () => {
		const body = await search('municipio=3&per_page=100');
		expect(body.total).toBeGreaterThan(0);
		expect(body.results.every((r) => r.municipio === 3)).toBe(true);
	});

	test('near=45.4642,9.19&radius_km=1 returns only services within 1 km, nearest first', async () => {
		const body = await search('near=45.4642,9.19&radius_km=1&per_page=100');
		expect(body.total).toBeGreaterThan(0);
		const distances = body.results.map((r) => r.distance_km);
		expect(distances.every((d) => typeof d === 'number' && d >= 0 && d <= 1)).toBe(true);
		expect(distances).toEqual([...distances].sort((a, b) => a! - b!));
		// the distances are real: recompute them from the service pages' coordinates
		for (const result of body.results.slice(0, 5)) {
			const points = await pageCoordinates(result.url);
			expect(points.length, `no coordinates in the JSON-LD of ${result.url}`).toBeGreaterThan(0);
			const nearest = Math.min(...points.map((p) => haversineKm(DUOMO, p)));
			expect(nearest, result.url).toBeLessThanOrEqual(1.01);
			expect(Math.abs(nearest - result.distance_km!), result.url).toBeLessThan(0.05);
		}
		// and a wider radius finds more
		const wider = await search('near=45.4642,9.19&radius_km=5');
		expect(wider.total).toBeGreaterThan(body.total);
	});

	test.each([
		['page=0', 'page'],
		['per_page=500', 'per_page'],
		['municipio=12', 'municipio'],
		['near=abc', 'near'],
		['area=unknown', 'area']
	])('%s is a 400 INVALID_INPUT naming the field', async (query, field) => {
		const { status, body, headers } = await getJson(`/api/search?q=casa&${query}`);
		expect(status).toBe(400);
		expect(headers.get('content-type')).toMatch(/application\/json/);
		const error = (body as { error: { code: string; message: string; field: string } }).error;
		expect(error.code).toBe('INVALID_INPUT');
		expect(error.field).toBe(field);
		expect(typeof error.message === 'string' && error.message.length > 5).toBe(true);
	});

	test.each([
		['quotes', '"casa" \'nido\''],
		['SQL', "'; DROP TABLE service; --"],
		['tsquery syntax', 'a & | ! :*'],
		['brackets', '(casa <-> nido) )) (('],
		['backslashes', 'casa \\ \\\\ %_'],
		['emoji', '🏠 casa 👶'],
		['only emoji', '😀😀😀'],
		['control characters', 'casa\u0000\u0007nido'],
		['10,000 characters', 'assistenza '.repeat(910)]
	])('a hostile query (%s) never causes a 500', async (_, q) => {
		const response = await fetch(appUrl(`/api/search?q=${encodeURIComponent(q)}`));
		expect([200, 400]).toContain(response.status);
		const body: unknown = await response.json();
		if (response.status === 200) assertSearchBody(body);
		else expect((body as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
	});

	test('after the hostile queries the directory is intact', async () => {
		const body = await search('q=casa');
		expect(body.total).toBeGreaterThan(0);
	});
});

describe('GET /api/suggest', () => {
	test('completes a prefix with words and services', async () => {
		const { status, body } = await getJson('/api/suggest?q=bad');
		expect(status).toBe(200);
		const suggestions = (body as { suggestions: { label: string; kind: string; url?: string }[] }).suggestions;
		expect(suggestions.length).toBeGreaterThan(0);
		for (const suggestion of suggestions) {
			expect(typeof suggestion.label === 'string' && suggestion.label.length > 0).toBe(true);
			expect(['word', 'service']).toContain(suggestion.kind);
			if (suggestion.kind === 'service') expect(suggestion.url).toMatch(/^\/servizi\//);
		}
		expect(suggestions.some((s) => /^bad/i.test(s.label) || /\bbad/i.test(s.label))).toBe(true);
	});

	test('a hostile prefix never causes a 500', async () => {
		for (const q of ["'; --", ':*&|!', '😀', 'x'.repeat(10_000)]) {
			const response = await fetch(appUrl(`/api/suggest?q=${encodeURIComponent(q)}`));
			expect([200, 400], q.slice(0, 20)).toContain(response.status);
		}
	});
});
