/**
 * /open-data on the built app and the demo data: the page (without JavaScript too) and its four
 * downloads, each read back in its format and checked against the others.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { appUrl } from '../support/app.ts';
import { useBrowser } from '../support/browser.ts';

const FILES = ['piazza-servizi.csv', 'piazza-luoghi.geojson', 'piazza-hsds.json', 'piazza-hsds-datapackage.zip'];

async function download(name: string) {
	const response = await fetch(appUrl(`/open-data/${name}`));
	return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const session = useBrowser({ javaScriptEnabled: false });

// the downloads first: the very first one waits for the files to be generated, the page never does
describe('/open-data', () => {
	test('serves the four files, consistent with each other', { timeout: 600_000 }, async () => {
		const csv = await download('piazza-servizi.csv');
		expect(csv.response.status).toBe(200);
		expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.response.headers.get('content-disposition')).toBe('attachment; filename="piazza-servizi.csv"');
		expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
		expect(lines[0]!.startsWith('Nome servizio;Ente;Area;Sotto-categoria;Indirizzo;CAP;')).toBe(true);
		expect(lines.length).toBeGreaterThan(1500);

		const json = await download('piazza-hsds.json');
		expect(json.response.headers.get('content-type')).toBe('application/json');
		const services = JSON.parse(json.bytes.toString('utf8')) as { id: string; service_at_locations: unknown[] }[];
		expect(services.length).toBeGreaterThan(1500);
		// one CSV row per service and place (a service without a place has one row)
		const rows = services.reduce((n, s) => n + Math.max(1, s.service_at_locations.length), 0);
		expect(lines.length - 1).toBe(rows);

		const geo = await download('piazza-luoghi.geojson');
		const collection = JSON.parse(geo.bytes.toString('utf8')) as {
			type: string;
			features: { geometry: { type: string; coordinates: [number, number] }; properties: { servizi: { link: string }[] } }[];
		};
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features.length).toBeGreaterThan(1000);
		for (const f of collection.features) {
			expect(f.geometry.type).toBe('Point');
			const [lon, lat] = f.geometry.coordinates;
			expect(lon > 8.9 && lon < 9.5 && lat > 45.3 && lat < 45.6, `${lon},${lat}`).toBe(true);
			expect(f.properties.servizi.length).toBeGreaterThan(0);
		}

		const zip = await download('piazza-hsds-datapackage.zip');
		expect(zip.response.headers.get('content-type')).toBe('application/zip');
		const dir = mkdtempSync(path.join(tmpdir(), 'piazza-e2e-zip-'));
		try {
			writeFileSync(path.join(dir, 'p.zip'), zip.bytes);
			const script =
				'import sys, zipfile, json, csv, io\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
				'rows = list(csv.DictReader(io.TextIOWrapper(z.open("services.csv"), "utf-8")))\n' +
				'print(json.dumps({"names": z.namelist(), "services": len(rows), "descriptor": json.loads(z.read("datapackage.json"))["licenses"][0]["name"]}))';
			const read = JSON.parse(execFileSync('python3', ['-c', script, path.join(dir, 'p.zip')], { encoding: 'utf8' }));
			expect(read.names).toContain('datapackage.json');
			expect(read.names).toContain('phones.csv');
			expect(read.services).toBe(services.length);
			expect(read.descriptor).toBe('CC-BY-4.0');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('lists the four files with size and date, the licence and the API, without JavaScript', async () => {
		const page = await session.newPage();
		const response = await page.goto('/open-data');
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1').textContent()).resolves.toBe('Dati aperti');
		const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(links).toEqual(FILES.map((f) => `/open-data/${f}`));
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).toMatch(/Generato il \d{1,2} \w+ 20\d\d, \d\d:\d\d/);
		expect(text.match(/Dimensione: [\d,.]+ (KB|MB)/g)).toHaveLength(4);
		expect(text).toContain('CC BY 4.0');
		expect(text).toContain('dati.comune.milano.it');
		await expect(page.locator('a[href="/api/openapi.json"]').count()).resolves.toBe(1);
		await expect(page.locator('footer a[href="/open-data"]').count()).resolves.toBe(1);
	});

	test('answers 404 for any other file name', async () => {
		const { response } = await download('passwd');
		expect(response.status).toBe(404);
		expect((await download('..%2Fmanifest.json')).response.status).toBe(404);
	});
});
