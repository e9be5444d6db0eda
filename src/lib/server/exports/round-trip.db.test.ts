/**
 * Import of an export gives back the same directory: export the HSDS data package and the HSDS
 * JSON, import each into a fresh database, export again, compare table by table, row by row,
 * field by field (all but last_modified, the time of the last write, which a re-import renews).
 * On the demo directory (seedDemoData) and on the official HSDS examples.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { parseCsv } from '../seed/csv.ts';
import { seedDemoData } from '../seed/seed-demo-data.ts';
import { importServiceItems, importServices, type ImportReport } from '../imports/import-services.ts';
import { readImportSource } from '../imports/read-import-file.ts';
import { exportDirectory } from './export-directory.ts';

const work = mkdtempSync(path.join(tmpdir(), 'piazza-round-trip-'));
const databases: TestDb[] = [];
afterAll(async () => {
	await Promise.all(databases.map((d) => d.destroy()));
	rmSync(work, { recursive: true, force: true });
});

async function freshDb(): Promise<TestDb> {
	const db = await createTestDb();
	databases.push(db);
	return db;
}

const options = { origin: 'https://piazza.example' };

type Snapshot = { tables: Record<string, Record<string, string>[]>; services: Record<string, unknown>[] };

/** Both HSDS exports of a database, read back, without last_modified. */
async function snapshot(db: TestDb, name: string): Promise<Snapshot & { packageDir: string; jsonFile: string }> {
	const packageDir = path.join(work, `${name}-package`);
	const jsonFile = path.join(work, `${name}.json`);
	await exportDirectory(db.db, 'datapackage', packageDir, options);
	await exportDirectory(db.db, 'hsds-json', jsonFile, options);
	const tables: Snapshot['tables'] = {};
	for (const file of readdirSync(packageDir).filter((f) => f.endsWith('.csv'))) {
		tables[file] = parseCsv(readFileSync(path.join(packageDir, file), 'utf8')).map(({ last_modified: _, ...row }) => row);
	}
	const services = (JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>[]).map(
		({ last_modified: _, ...s }) => s
	);
	return { tables, services, packageDir, jsonFile };
}

async function importPath(db: TestDb, target: string): Promise<ImportReport> {
	return importServiceItems(db.db, readImportSource(target));
}

/** Exports `source`, imports each export into a fresh database and checks that it exports the same. */
async function expectRoundTrip(source: TestDb, name: string) {
	const before = await snapshot(source, `${name}-source`);
	expect(before.services.length).toBeGreaterThan(0);
	for (const [form, target] of [
		['datapackage', before.packageDir],
		['hsds-json', before.jsonFile]
	] as const) {
		const copy = await freshDb();
		const report = await importPath(copy, target);
		expect(report.rejected, form).toEqual([]);
		expect(report.created, form).toBe(before.services.length);
		const after = await snapshot(copy, `${name}-${form}`);
		expect(Object.keys(after.tables).sort(), form).toEqual(Object.keys(before.tables).sort());
		for (const [file, rows] of Object.entries(before.tables)) {
			expect(after.tables[file], `${form}: ${file}`).toEqual(rows);
		}
		expect(after.services, form).toEqual(before.services);
	}
}

describe('round trip: the official HSDS examples', { timeout: 300_000 }, () => {
	it('imports the official data package as far as its own foreign keys allow, and that round-trips', async () => {
		const source = await freshDb();
		const report = await importPath(source, 'data/hsds/3.1/examples/csv');
		// the example's rows point at ids that are not in the package (a location of an
		// organization that is not there, a term of a taxonomy that is not there...): each is
		// left out with its file and line, the service itself goes in
		expect(report.created).toBe(1);
		expect(report.rejected.map((r) => r.where)).toEqual([
			'taxonomy_terms.csv riga 2',
			'locations.csv riga 2',
			'service_at_location.csv riga 2',
			'contacts.csv riga 2',
			'phones.csv riga 2',
			'languages.csv riga 2',
			'addresses.csv riga 2',
			'accessibility.csv riga 2',
			'schedules.csv riga 2',
			'service_areas.csv riga 2',
			'attributes.csv riga 2'
		]);
		expect(report.rejected[1]!.reasons).toEqual([
			'organization_id: nessun record con id 985e4a42-bd9f-4edc-911d-0243a4640aca in organizations.csv (mancante o scartato)'
		]);
		await expectRoundTrip(source, 'example-package');
		const { tables } = await snapshot(source, 'example-package-check');
		expect(tables['services.csv']![0]).toMatchObject({
			id: 'ac148810-d857-441c-9679-408f346de14b',
			name: 'Community Counselling',
			minimum_age: '12',
			maximum_age: '100',
			assured_date: '2005-01-01'
		});
		expect(tables['cost_options.csv']).toHaveLength(1);
		expect(tables['required_documents.csv']).toHaveLength(1);
	});

	it('round-trips the JSON example service (coordinates made real) with everything nested in it', async () => {
		const full = JSON.parse(readFileSync('data/hsds/3.1/examples/service_full.json', 'utf8'));
		// the example ships latitude 100 / longitude 101, which no point on Earth has
		full.service_at_locations[0].location.latitude = 45.4781;
		full.service_at_locations[0].location.longitude = 9.2256;
		const source = await freshDb();
		expect(await importServices(source.db, [full])).toEqual({ created: 1, updated: 0, rejected: [] });
		await expectRoundTrip(source, 'example-json');
		const { tables } = await snapshot(source, 'example-json-check');
		expect(tables['locations.csv']).toHaveLength(1);
		expect(tables['phones.csv']!.length).toBeGreaterThanOrEqual(5);
		expect(tables['taxonomy_terms.csv']!.map((t) => t.id)).toContain('3f7b145d-84af-42d7-8fae-eaca714b02b2');
	});
});

describe('round trip: the demo directory', { timeout: 1_200_000 }, () => {
	it('exports, re-imports and exports the same 1,700-odd services, field by field', async () => {
		const source = await freshDb();
		const seeded = await seedDemoData(source.db);
		expect(seeded.rejected).toBe(0);
		await expectRoundTrip(source, 'demo');
	});
});
