import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { defaultSearchParams } from './inputs.ts';
import { refreshSearchDocuments } from './refresh-search-documents.ts';
import { selectRows } from './rows.ts';
import { fixtureId, loadSearchFixture } from './search-fixture.ts';
import { searchServices } from './search-services.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

const browse = async (area: string, municipio: number | null = null) =>
	(await searchServices(t.db, defaultSearchParams({ area, municipio, perPage: 100 }), { cache: false })).hits.map(
		(h) => h.id
	);

/** The area's active services by name, read from the entries themselves. */
const byName = async (area: string) =>
	(
		await selectRows<{ service_id: string }>(
			t.db,
			sql`SELECT service_id FROM search_filter_entry
				WHERE active AND area_codes @> ARRAY[${area}]::text[] ORDER BY sort_key, service_id`
		)
	).map((r) => r.service_id);

const namesOf = (id: string) =>
	selectRows<{ code: string }>(t.db, sql`SELECT code FROM search_area_name WHERE service_id = ${id}::uuid`);

describe("an area's services by name (search_area_name)", () => {
	it('lists each area as ordering its entries by name does, with other filters applied', async () => {
		for (const area of ['sostegno-a-casa', 'scuola', 'nidi-micronidi', 'sostegno-economico']) {
			const expected = await byName(area);
			expect(expected.length, area).toBeGreaterThan(0);
			expect(await browse(area), area).toEqual(expected);
		}
		const inMunicipio = await browse('sostegno-a-casa', 3);
		expect(inMunicipio.length).toBeGreaterThan(0);
		expect(inMunicipio).toEqual((await byName('sostegno-a-casa')).filter((id) => inMunicipio.includes(id)));
	});

	it('follows a renamed service, and forgets a deleted one', async () => {
		const id = fixtureId('nido-girasole');
		await t.db.execute(sql`UPDATE service SET name = 'Aaa nido rinominato' WHERE id = ${id}::uuid`);
		await refreshSearchDocuments(t.db, [id]);
		expect((await browse('nidi-micronidi'))[0]).toBe(id);
		// one row per code of the service: the refresh replaced its rows, it did not add to them
		const codes = await namesOf(id);
		const [entry] = await selectRows<{ area_codes: string[] }>(
			t.db,
			sql`SELECT area_codes FROM search_filter_entry WHERE service_id = ${id}::uuid`
		);
		expect(codes.map((c) => c.code).sort()).toEqual([...entry!.area_codes].sort());

		await t.db.execute(sql`DELETE FROM service WHERE id = ${id}::uuid`);
		expect(await namesOf(id)).toEqual([]);
		expect(await browse('nidi-micronidi')).not.toContain(id);
	});
});
