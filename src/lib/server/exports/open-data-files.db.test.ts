import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { importServices } from '../imports/import-services.ts';
import { uuidV5 } from '../shared/ids.ts';
import { getOpenDataFiles, openOpenDataFile, type OpenDataManifest } from './open-data-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-open-data-'));
const options = { dir, origin: 'https://piazza.example' };
let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => {
	await t?.destroy();
	rmSync(dir, { recursive: true, force: true });
});

const id = (key: string) => uuidV5(`open-data-test:${key}`);
const service = (key: string) => ({
	id: id(`service:${key}`),
	name: `Servizio ${key}`,
	status: 'active',
	organization: { id: id('org'), name: 'Ente di prova' },
	service_at_locations: [{ location: { id: id(`location:${key}`), name: `Sede ${key}`, latitude: 45.46, longitude: 9.19 } }]
});

async function text(name: string) {
	const file = await openOpenDataFile(t.db, name, options);
	const bytes = Buffer.from(await new Response(file.stream).arrayBuffer());
	return { file, bytes, text: bytes.toString('utf8') };
}

async function until(check: () => Promise<OpenDataManifest | null>, accept: (m: OpenDataManifest | null) => boolean) {
	for (let i = 0; i < 600; i++) {
		const m = await check();
		if (accept(m)) return m;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('the open-data files were not regenerated within 60 s');
}

describe('open-data downloads', { timeout: 180_000 }, () => {
	it('generates the files on the first download, then serves them until the directory changes', async () => {
		// an inactive service is not published: in the export of the directory, not in the downloads
		await importServices(t.db, [service('a'), service('b'), { ...service('chiuso'), status: 'inactive' }]);
		const first = await text('piazza-servizi.csv');
		expect(first.file.mediaType).toBe('text/csv; charset=utf-8');
		expect(first.text.split('\r\n').filter((l) => l.includes('Servizio '))).toHaveLength(2);
		const manifest = (await getOpenDataFiles(t.db, options))!;
		expect(manifest.files.map((f) => f.name)).toEqual([
			'piazza-servizi.csv',
			'piazza-luoghi.geojson',
			'piazza-hsds.json',
			'piazza-hsds-datapackage.zip'
		]);
		expect(manifest.files.every((f) => f.bytes > 0)).toBe(true);
		expect(first.file.bytes).toBe(first.bytes.length);
		expect([...first.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

		// a change: the previous files are served (with their date) while new ones are made
		await importServices(t.db, [service('c')]);
		const stale = await getOpenDataFiles(t.db, options);
		expect(stale!.generatedAt).toBe(manifest.generatedAt);
		const fresh = await until(
			() => getOpenDataFiles(t.db, options),
			(m) => m !== null && m.generatedAt !== manifest.generatedAt
		);
		expect(fresh!.version).not.toBe(manifest.version);
		const json = JSON.parse((await text('piazza-hsds.json')).text) as { name: string }[];
		expect(json.map((s) => s.name).sort()).toEqual(['Servizio a', 'Servizio b', 'Servizio c']);
	});

	it('knows only its four files', async () => {
		await expect(openOpenDataFile(t.db, 'manifest.json', options)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(openOpenDataFile(t.db, '../pglite', options)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
