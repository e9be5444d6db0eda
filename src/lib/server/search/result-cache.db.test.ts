import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { defaultSearchParams } from './inputs.ts';
import { readSearchVersion } from './result-cache.ts';
import { refreshSearchDocuments } from './refresh-search-documents.ts';
import { FIXTURE_PLACES, fixtureId, loadSearchFixture } from './search-fixture.ts';
import { searchServices } from './search-services.ts';
import type { SearchParams } from './types.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

const NOW = new Date('2026-03-11T09:00:00Z');
const search = (overrides: Partial<SearchParams>, cache: boolean) =>
	searchServices(t.db, defaultSearchParams(overrides), { now: NOW, cache });

describe('search result cache', () => {
	it('gives the same outcome as a search without it, page after page', async () => {
		const cases: Partial<SearchParams>[] = [
			{ q: 'assistenza', perPage: 2 },
			{ q: 'assistenza', perPage: 2, page: 2 },
			{ q: 'nido', area: 'scuola' },
			{ perPage: 3, page: 2 },
			{ openNow: true },
			{ near: { lat: FIXTURE_PLACES[6]!.lat, lon: FIXTURE_PLACES[6]!.lon }, radiusKm: 5, perPage: 2, page: 2 }
		];
		for (const params of cases) {
			const fresh = await search(params, false);
			expect(await search(params, true)).toEqual(fresh);
			// the second time comes from the cache
			expect(await search(params, true)).toEqual(fresh);
		}
	});

	it('sees a change as soon as it is committed', async () => {
		const id = fixtureId('assistenza-domiciliare');
		const before = await search({ q: 'assistenza domiciliare' }, true);
		expect(before.hits.map((h) => h.id)).toContain(id);
		const version = await readSearchVersion(t.db);

		await t.db.transaction(async (tx) => {
			await tx.execute(sql`UPDATE service SET status = 'inactive' WHERE id = ${id}`);
			await refreshSearchDocuments(tx, [id]);
		});
		expect(await readSearchVersion(t.db)).toBeGreaterThan(version);
		const after = await search({ q: 'assistenza domiciliare' }, true);
		expect(after.hits.map((h) => h.id)).not.toContain(id);
		expect(after.total).toBe(before.total - 1);
	});

	it('keeps the points of "near me" in step with the locations', async () => {
		const m6 = FIXTURE_PLACES[6]!;
		const m9 = FIXTURE_PLACES[9]!;
		const id = fixtureId('emporio');
		const near6 = { near: { lat: m6.lat, lon: m6.lon }, radiusKm: 1 };
		expect((await search(near6, true)).hits.map((h) => h.id)).toContain(id);

		await t.db.transaction(async (tx) => {
			await tx.execute(sql`UPDATE location SET latitude = ${m9.lat}, longitude = ${m9.lon}
				WHERE id IN (SELECT location_id FROM service_at_location WHERE service_id = ${id})`);
			await refreshSearchDocuments(tx, [id]);
		});
		expect((await search(near6, true)).hits.map((h) => h.id)).not.toContain(id);
		const near9 = await search({ near: { lat: m9.lat, lon: m9.lon }, radiusKm: 1 }, true);
		expect(near9.hits.find((h) => h.id === id)?.distanceKm).toBe(0);
	});
});
