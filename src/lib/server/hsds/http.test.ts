import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { conditionalJson, preflight, serveHsds, serveHsdsRecord } from './http.ts';

const request = (headers: Record<string, string> = {}) => new Request('http://localhost/api/hsds/services', { headers });
const served = { body: { contents: [1, 2, 3] }, lastModified: new Date('2026-11-20T10:30:15.500Z') };

describe('conditionalJson', () => {
	it('serves JSON with a strong ETag, Last-Modified and open CORS', async () => {
		const response = conditionalJson(request(), served);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual(served.body);
		expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
		expect(response.headers.get('last-modified')).toBe('Fri, 20 Nov 2026 10:30:15 GMT');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
	});

	it('answers 304 to a matching If-None-Match, 200 when the body changed', async () => {
		const etag = conditionalJson(request(), served).headers.get('etag')!;
		const same = conditionalJson(request({ 'if-none-match': `"other", W/${etag}` }), served);
		expect(same.status).toBe(304);
		expect(await same.text()).toBe('');
		expect(same.headers.get('etag')).toBe(etag);
		const changed = conditionalJson(request({ 'if-none-match': etag }), { ...served, body: { contents: [1, 2] } });
		expect(changed.status).toBe(200);
	});

	it('answers 304 to If-Modified-Since at or after Last-Modified, unless If-None-Match says otherwise', () => {
		const at = served.lastModified.toUTCString();
		expect(conditionalJson(request({ 'if-modified-since': at }), served).status).toBe(304);
		expect(conditionalJson(request({ 'if-modified-since': 'Fri, 20 Nov 2026 10:30:14 GMT' }), served).status).toBe(200);
		expect(conditionalJson(request({ 'if-modified-since': at, 'if-none-match': '"stale"' }), served).status).toBe(200);
		expect(conditionalJson(request({ 'if-modified-since': 'garbage' }), served).status).toBe(200);
		expect(conditionalJson(request({ 'if-modified-since': at }), { ...served, lastModified: null }).status).toBe(200);
	});
});

describe('serveHsds and serveHsdsRecord', () => {
	it('turns a bad parameter into a 400 and an unknown id into a 404, both JSON with CORS', async () => {
		const bad = await serveHsds(request(), { ok: false, error: { field: 'page', message: 'no' } }, async () => served);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ error: { code: 'INVALID_INPUT', message: 'no', field: 'page' } });
		expect(bad.headers.get('access-control-allow-origin')).toBe('*');

		const malformed = await serveHsdsRecord(request(), "1' OR '1'='1", async () => served);
		expect(malformed.status).toBe(404);
		expect((await malformed.json()).error.code).toBe('NOT_FOUND');

		const missing = await serveHsdsRecord(request(), crypto.randomUUID(), async () => {
			throw new AppError('NOT_FOUND', 'Servizio non trovato.', { field: 'id' });
		});
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Servizio non trovato.', field: 'id' } });
	});

	it('passes an unexpected failure on to the error handler', async () => {
		await expect(serveHsds(request(), { ok: true, value: {} }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
	});
});

describe('preflight', () => {
	it('allows GET from any origin with the conditional headers', () => {
		const response = preflight();
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toContain('GET');
		expect(response.headers.get('access-control-allow-headers')).toContain('If-None-Match');
	});
});
