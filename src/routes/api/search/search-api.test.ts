import { describe, expect, it } from 'vitest';
import { GET as search } from './+server.ts';
import { GET as suggest } from '../suggest/+server.ts';

/** Only what the handlers read: these requests fail validation before touching the database. */
const call = async (handler: typeof search | typeof suggest, query: string) => {
	const url = new URL(`http://localhost/api/x?${query}`);
	return handler({ url } as never);
};

describe('GET /api/search bad parameters', () => {
	it.each([
		['page=0', 'page'],
		['per_page=500', 'per_page'],
		['municipio=12', 'municipio'],
		['near=1,2', 'near'],
		['near=45.46,9.19&radius_km=0', 'radius_km'],
		['free=maybe', 'free'],
		['open_now=2', 'open_now'],
		['area=unknown', 'area'],
		['audience=unknown', 'audience']
	])('%s -> 400 INVALID_INPUT on %s', async (query, field) => {
		const response = await call(search, query);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toContain('application/json');
		const body = await response.json();
		expect(body).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String), field } });
		expect(body.error.message.length).toBeGreaterThan(10);
	});
});

describe('GET /api/suggest bad parameters', () => {
	it.each(['limit=0', 'limit=21', 'limit=tre', 'limit=2.5'])('%s -> 400', async (query) => {
		const response = await call(suggest, `q=nido&${query}`);
		expect(response.status).toBe(400);
		expect((await response.json()).error).toMatchObject({ code: 'INVALID_INPUT', field: 'limit' });
	});
});
