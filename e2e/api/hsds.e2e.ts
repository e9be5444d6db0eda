/**
 * The HSDS 3.1 API (/api/hsds) and the OpenAPI document over HTTP, on the built app and the
 * demo data: status codes, the official schemas (one validation per endpoint and form),
 * conditional GET (ETag / Last-Modified → 304), CORS, JSON errors.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { apiInfoErrors, hsdsSchemaErrors, pageEnvelopeErrors, type HsdsSchemaName } from '../../tests/hsds-schemas.ts';
import { appUrl, getJson } from '../support/app.ts';

type Page = { total_items: number; contents: { id: string }[] };

async function get(path: string, headers: Record<string, string> = {}) {
	return fetch(appUrl(path), { headers });
}

/** GET a page, check the envelope and every item against `schema`. */
async function page(path: string, schema: HsdsSchemaName): Promise<Page> {
	const { status, body, headers } = await getJson(path);
	expect(status, path).toBe(200);
	expect(headers.get('access-control-allow-origin'), path).toBe('*');
	expect(headers.get('etag'), path).toMatch(/^"[\w-]+"$/);
	expect(pageEnvelopeErrors(body), path).toEqual([]);
	const contents = (body as Page).contents;
	expect(contents.length, `${path}: an empty page proves nothing`).toBeGreaterThan(0);
	expect(contents.flatMap((item) => hsdsSchemaErrors(schema, item)), path).toEqual([]);
	return body as Page;
}

async function record(path: string, schema: HsdsSchemaName): Promise<void> {
	const { status, body } = await getJson(path);
	expect(status, path).toBe(200);
	expect(hsdsSchemaErrors(schema, body), path).toEqual([]);
}

describe('HSDS API: every endpoint against the official schemas', () => {
	// Compiling the big official schemas takes seconds: done first, so that no request waits
	// behind a compilation long enough for the server to close the idle keep-alive connection.
	beforeAll(() => {
		const names: HsdsSchemaName[] = [
			'compiled/service',
			'compiled/service_list',
			'compiled/service_list:minimal',
			'compiled/organization',
			'compiled/organization_list',
			'compiled/service_at_location',
			'compiled/service_at_location_list',
			'taxonomy',
			'taxonomy_term'
		];
		for (const name of names) hsdsSchemaErrors(name, {});
	}, 120_000);

	test('GET /api/hsds', async () => {
		const { status, body } = await getJson('/api/hsds');
		expect(status).toBe(200);
		expect(apiInfoErrors(body)).toEqual([]);
		expect(body).toMatchObject({ version: '3.1' });
	});

	test('services: list, minimal, full, one', async () => {
		const list = await page('/api/hsds/services?per_page=10', 'compiled/service_list');
		expect(list.total_items).toBeGreaterThan(1000);
		await page('/api/hsds/services?search=asilo%20nido&per_page=10', 'compiled/service_list');
		await page('/api/hsds/services?minimal=true', 'compiled/service_list:minimal');
		await page('/api/hsds/services?full=true&per_page=5', 'compiled/service');
		await record(`/api/hsds/services/${list.contents[0]!.id}`, 'compiled/service');
	});

	test('organizations: list, full, one', async () => {
		const list = await page('/api/hsds/organizations?per_page=10', 'compiled/organization_list');
		await page('/api/hsds/organizations?full=true&per_page=3', 'compiled/organization');
		await record(`/api/hsds/organizations/${list.contents[0]!.id}?full_service=true`, 'compiled/organization');
	});

	test('taxonomies and taxonomy terms', async () => {
		const taxonomies = await page('/api/hsds/taxonomies', 'taxonomy');
		await record(`/api/hsds/taxonomies/${taxonomies.contents[0]!.id}`, 'taxonomy');
		const terms = await page('/api/hsds/taxonomy_terms?top_only=true', 'taxonomy_term');
		await record(`/api/hsds/taxonomy_terms/${terms.contents[0]!.id}`, 'taxonomy_term');
	});

	test('services at locations: list, by postcode and distance, full, one', async () => {
		const list = await page('/api/hsds/service_at_locations?per_page=10', 'compiled/service_at_location_list');
		await page('/api/hsds/service_at_locations?postcode=20132&proximity=1500', 'compiled/service_at_location_list');
		await page('/api/hsds/service_at_locations?full=true&per_page=5', 'compiled/service_at_location');
		// the official OpenAPI points this endpoint at the service schema by mistake
		await record(`/api/hsds/service_at_locations/${list.contents[0]!.id}`, 'compiled/service_at_location');
	});
});

describe('HSDS API: HTTP', () => {
	test('a repeated request with the ETag or the date answers 304 without a body', async () => {
		const first = await get('/api/hsds/services?per_page=5');
		const etag = first.headers.get('etag')!;
		const lastModified = first.headers.get('last-modified')!;
		expect(Date.parse(lastModified)).not.toBeNaN();
		const byTag = await get('/api/hsds/services?per_page=5', { 'if-none-match': etag });
		expect(byTag.status).toBe(304);
		expect(await byTag.text()).toBe('');
		expect(byTag.headers.get('etag')).toBe(etag);
		const byDate = await get('/api/hsds/services?per_page=5', { 'if-modified-since': lastModified });
		expect(byDate.status).toBe(304);
		const otherPage = await get('/api/hsds/services?per_page=5&page=2', { 'if-none-match': etag });
		expect(otherPage.status).toBe(200);
	});

	test('CORS: open for GET, preflight answered', async () => {
		const preflight = await fetch(appUrl('/api/hsds/services'), {
			method: 'OPTIONS',
			headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' }
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
	});

	test('unknown ids are 404 and bad parameters 400, as JSON errors', async () => {
		for (const path of [
			'/api/hsds/services/00000000-0000-4000-8000-000000000000',
			'/api/hsds/services/non-un-uuid',
			'/api/hsds/organizations/00000000-0000-4000-8000-000000000000',
			'/api/hsds/taxonomy_terms/00000000-0000-4000-8000-000000000000',
			'/api/hsds/service_at_locations/00000000-0000-4000-8000-000000000000'
		]) {
			const { status, body, headers } = await getJson(path);
			expect(status, path).toBe(404);
			expect(body, path).toMatchObject({ error: { code: 'NOT_FOUND' } });
			expect(headers.get('access-control-allow-origin')).toBe('*');
		}
		for (const [path, field] of [
			['/api/hsds/services?per_page=1000', 'per_page'],
			['/api/hsds/services?taxonomy_term_id=scuola', 'taxonomy_term_id'],
			['/api/hsds/services?modified_after=ieri', 'modified_after'],
			['/api/hsds/service_at_locations?proximity=100', 'proximity']
		]) {
			const { status, body } = await getJson(path!);
			expect(status, path).toBe(400);
			expect(body, path).toMatchObject({ error: { code: 'INVALID_INPUT', field } });
		}
	});
});

describe('OpenAPI and its page', () => {
	test('/api/openapi.json describes the HSDS and search endpoints', async () => {
		const { status, body } = await getJson('/api/openapi.json');
		expect(status).toBe(200);
		const document = body as { openapi: string; paths: Record<string, unknown> };
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths)).toEqual(
			expect.arrayContaining(['/api/search', '/api/suggest', '/api/hsds/services', '/api/hsds/service_at_locations/{id}'])
		);
	});

	test('/api documents every operation, in HTML', async () => {
		const response = await get('/api');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('GET /api/hsds/services');
		expect(html).toContain('href="/api/openapi.json"');
		expect(html).toContain('href="/open-data"');
		expect(html).toContain('id="profilo-hsds"');
	});
});
