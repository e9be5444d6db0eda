import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { importServices } from '../imports/import-services.ts';
import { buildDemoServices, readSeedFiles, type SeedFiles } from './build-demo-services.ts';
import { seedDemoData, type SeedReport } from './seed-demo-data.ts';

let database: TestDb;
let files: SeedFiles;
let report: SeedReport;

const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
	const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
};

beforeAll(async () => {
	database = await createTestDb();
	files = readSeedFiles();
	report = await seedDemoData(database.db, { files });
}, 300_000);

afterAll(async () => {
	await database?.destroy();
});

describe('seedDemoData', () => {
	it('publishes more than 1,000 active services, none rejected', async () => {
		expect(report.rejected).toBe(0);
		expect(report.created).toBe(report.services);
		const [count] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM service WHERE status = 'active'`);
		expect(count!.n).toBe(report.services);
		expect(count!.n).toBeGreaterThanOrEqual(1000);
	});

	it('has services in each of the 11 areas of need', async () => {
		const perArea = await rows<{ code: string; n: number }>(sql`
			SELECT t.code, count(DISTINCT s.id)::int AS n
			FROM taxonomy_term t
			LEFT JOIN attribute a ON a.taxonomy_term_id = t.id AND a.link_entity = 'service'
			LEFT JOIN service s ON s.id = a.link_id AND s.status = 'active'
			WHERE t.taxonomy = 'aree-di-bisogno' AND t.kind = 'area'
			GROUP BY t.code`);
		expect(perArea).toHaveLength(11);
		expect(perArea.filter((a) => a.n === 0).map((a) => a.code)).toEqual([]);
	});

	it('classifies every service under an area and a sub-category', async () => {
		const [missing] = await rows<{ no_area: number; no_sub: number }>(sql`
			SELECT
				count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
					WHERE a.link_entity = 'service' AND a.link_id = s.id AND t.kind = 'area'))::int AS no_area,
				count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
					WHERE a.link_entity = 'service' AND a.link_id = s.id AND t.kind = 'subcategory'))::int AS no_sub
			FROM service s`);
		expect(missing).toEqual({ no_area: 0, no_sub: 0 });
	});

	it('places located services in a municipio, in all nine', async () => {
		const [places] = await rows<{ located: number; with_municipio: number; municipi: number }>(sql`
			SELECT count(*)::int AS located, count(municipio)::int AS with_municipio, count(DISTINCT municipio)::int AS municipi
			FROM location WHERE latitude IS NOT NULL`);
		expect(places!.located).toBeGreaterThan(1000);
		expect(places!.with_municipio).toBe(places!.located);
		expect(places!.municipi).toBe(9);
	});

	it('keeps provenance and the curated flag', async () => {
		const sources = await rows<{ source: string; curated: boolean; n: number }>(sql`
			SELECT source, curated, count(*)::int AS n FROM service GROUP BY source, curated`);
		const curated = sources.find((s) => s.source === 'curated');
		expect(curated?.curated).toBe(true);
		expect(curated!.n).toBeGreaterThanOrEqual(80);
		expect(sources.filter((s) => s.source !== 'curated' && s.curated)).toEqual([]);
		expect(sources.map((s) => s.source)).toEqual(expect.arrayContaining(['comune-milano-ds629', 'miur-anagrafe-scuole-2016-17']));
	});

	it('updates in place on a second run instead of duplicating', async () => {
		const again = buildDemoServices(files).slice(0, 100);
		const second = await importServices(database.db, again);
		expect(second).toMatchObject({ created: 0, updated: 100, rejected: [] });
		const [count] = await rows<{ n: number; slugs: number }>(sql`SELECT count(*)::int AS n, count(DISTINCT slug)::int AS slugs FROM service`);
		expect(count).toEqual({ n: report.services, slugs: report.services });
	});

	it('fails with the reasons when a record is rejected', async () => {
		const empty: SeedFiles = {
			...files,
			sspt: '{"sedi": []}',
			sports: '{"features": []}',
			pools: '{"features": []}',
			pharmacies: files.pharmacies.split('\n')[0]!,
			libraries: files.libraries.split('\n')[0]!,
			schoolsMiur: files.schoolsMiur.split('\n')[0]!,
			schoolsCittaMetropolitana: files.schoolsCittaMetropolitana.split('\n')[0]!,
			careHomes: files.careHomes.split('\n')[0]!,
			curated: JSON.stringify({
				services: [
					{
						id: '5b1d2c3e-4f50-5a6b-8c7d-9e0f1a2b3c4d',
						name: 'Servizio con coordinate impossibili',
						description: 'Prova.',
						status: 'active',
						organization: { name: 'Comune di Milano' },
						service_at_locations: [
							{ location: { name: 'Altrove', latitude: 123, longitude: 9.19, addresses: [{ address_1: 'Via Larga 12', postal_code: '20122' }] } }
						],
						attributes: [{ taxonomy_term: { taxonomy: 'aree-di-bisogno', code: 'badanti' } }]
					}
				]
			})
		};
		await expect(seedDemoData(database.db, { files: empty })).rejects.toThrow(/1 record rifiutati.*\n.*latitude/);
	});
});
