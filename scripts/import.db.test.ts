/**
 * `npm run import` end to end: the real script in a child process, on a PGlite directory of
 * its own, then the database opened here to check what was (and was not) written.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#lib/server/db/client.ts';
import { location, organization, service } from '#lib/server/db/schema/index.ts';
import { uuidV5 } from '#lib/server/shared/ids.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-import-cli-'));
const dataDir = path.join(dir, 'pglite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

function runImport(...args: string[]): Promise<Run> {
	const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir };
	delete env.DATABASE_URL;
	return new Promise((resolve) => {
		execFile(
			path.resolve('node_modules/.bin/node'),
			['scripts/import.ts', ...args],
			{ env, cwd: process.cwd(), timeout: 120_000 },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

function writeJson(name: string, value: unknown): string {
	const file = path.join(dir, name);
	writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
	return file;
}

/** What the database holds for the given service ids, read after the CLI has exited. */
async function stored(keys: string[]) {
	const database = await openDatabase({ kind: 'pglite', dataDir });
	try {
		const ids = (table: typeof service | typeof location | typeof organization, prefix: string) =>
			database.db
				.select({ id: table.id })
				.from(table)
				.where(inArray(table.id, keys.map((k) => id(`${prefix}:${k}`))))
				.then((rows) => rows.map((r) => r.id));
		const [{ n }] = (await database.db.select({ n: count() }).from(service)) as [{ n: number }];
		return {
			services: await ids(service, 'service'),
			locations: await ids(location, 'location'),
			organizations: await ids(organization, 'org'),
			total: n
		};
	} finally {
		await database.close();
	}
}

const id = (name: string) => uuidV5(`import-cli-test:${name}`);

function record(key: string, overrides: Record<string, unknown> = {}) {
	return {
		id: id(`service:${key}`),
		name: `Servizio ${key}`,
		status: 'active',
		organization: { id: id(`org:${key}`), name: `Ente ${key}` },
		service_at_locations: [
			{
				location: {
					id: id(`location:${key}`),
					name: `Sede ${key}`,
					latitude: 45.4642,
					longitude: 9.19
				}
			}
		],
		attributes: [{ taxonomy_term: { code: 'badanti', name: 'Badanti', taxonomy: 'aree-di-bisogno' } }],
		...overrides
	};
}

// each case spawns Node and opens PGlite on disk: seconds each, more on a busy machine
describe('npm run import', { timeout: 180_000 }, () => {
	it('imports a good file on a fresh database and says so', async () => {
		const run = await runImport(writeJson('good.json', [record('a'), record('b')]));
		expect(run.stdout).toContain('imported 2, updated 0, rejected 0');
		expect(run.code).toBe(0);
		const db = await stored(['a', 'b']);
		expect(db.services).toHaveLength(2);
		expect(db.locations).toHaveLength(2);

		const again = await runImport(writeJson('good.json', { services: [record('a'), record('b')] }));
		expect(again.stdout).toContain('imported 0, updated 2, rejected 0');
		expect(again.code).toBe(0);
	});

	it('stops at malformed JSON with the line and column, writing nothing (exit 2)', async () => {
		const file = writeJson('malformed.json', `[\n  ${JSON.stringify(record('m'))},\n  {"id": "x" "name": "y"}\n]`);
		const run = await runImport(file);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/malformed\.json: JSON non valido alla riga 3, colonna 14/);
		expect(run.stdout).toBe('');
		expect((await stored(['m'])).services).toEqual([]);
	});

	it('rejects records with wrong types, missing fields or impossible coordinates, keeping the good ones (exit 1)', async () => {
		const file = writeJson('mixed.json', [
			record('ok'),
			record('types', { minimum_age: 'dodici', phones: [{ number: 2 }] }),
			record('missing', { name: undefined }),
			record('coordinates', {
				service_at_locations: [{ location: { id: id('location:coordinates'), latitude: 145.2, longitude: 9.19 } }]
			})
		]);
		const run = await runImport(file);
		expect(run.code).toBe(1);
		const lines = run.stdout.trim().split('\n');
		expect(lines).toEqual([
			'imported 1, updated 0, rejected 3',
			`- [1] ${id('service:types')} Servizio types: minimum_age: deve essere un numero, non il testo "dodici"; phones[0].number: deve essere un testo, non 2`,
			`- [2] ${id('service:missing')}: name: campo obbligatorio mancante`,
			`- [3] ${id('service:coordinates')} Servizio coordinates: service_at_locations[0].location.latitude: deve essere un numero tra -90 e 90`
		]);
		const db = await stored(['ok', 'types', 'missing', 'coordinates']);
		expect(db.services).toEqual([id('service:ok')]);
		expect(db.locations).toEqual([id('location:ok')]);
		expect(db.organizations).toEqual([id('org:ok')]);
	});

	it('validates without writing on --dry-run', async () => {
		const before = await stored([]);
		const run = await runImport(writeJson('dry.json', [record('dry')]), '--dry-run');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('dry run: records validated and rehearsed, nothing written');
		expect(run.stdout).toContain('imported 1, updated 0, rejected 0');
		const after = await stored(['dry']);
		expect(after.services).toEqual([]);
		expect(after.total).toBe(before.total);
	});

	it('imports a tabular data package, leaving out and reporting the row that points nowhere (exit 1)', async () => {
		const pkg = path.join(dir, 'package');
		mkdirSync(pkg);
		const s = record('pkg');
		const loc = s.service_at_locations[0]!.location;
		const files: Record<string, string> = {
			'datapackage.json': '{"name": "prova", "resources": []}',
			'organizations.csv': `id,name\n${s.organization.id},${s.organization.name}\n`,
			'services.csv': `id,organization_id,name,status\n${s.id},${s.organization.id},"${s.name}, con virgola",active\n`,
			'locations.csv': `id,name,latitude,longitude\n${loc.id},${loc.name},${loc.latitude},${loc.longitude}\n`,
			'service_at_location.csv': `id,service_id,location_id\n${id('sal:pkg')},${s.id},${loc.id}\n`,
			'phones.csv': `id,service_id,number\n${id('phone:pkg')},${s.id},02 1\n${id('phone:lost')},${id('nowhere')},02 2\n`
		};
		for (const [file, text] of Object.entries(files)) writeFileSync(path.join(pkg, file), text);
		const run = await runImport(pkg);
		expect(run.code).toBe(1);
		expect(run.stdout.trim().split('\n')).toEqual([
			'imported 1, updated 0, rejected 1',
			`- phones.csv riga 3 ${id('phone:lost')}: service_id: nessun record con id ${id('nowhere')} in services.csv (mancante o scartato)`
		]);
		const db = await stored(['pkg']);
		expect(db.services).toEqual([id('service:pkg')]);
		expect(db.locations).toEqual([id('location:pkg')]);
	});

	it('writes nothing when the HSDS server cannot be reached (exit 2)', async () => {
		const before = await stored([]);
		const run = await runImport('--from', 'http://127.0.0.1:9/api/hsds');
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('http://127.0.0.1:9/api/hsds/services?page=1&per_page=100&full=true: server non raggiungibile');
		expect(run.stderr).toContain('nessun record scritto');
		expect((await stored([])).total).toBe(before.total);
	});

	it('writes nothing when the HSDS server breaks after a good first page (exit 2)', async () => {
		const good = record('from-1');
		const server = createServer((req, res) => {
			const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page');
			if (page === '1') {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false, contents: [good] }));
			} else {
				res.writeHead(200, { 'content-type': 'text/html' });
				res.end('<!doctype html><title>Errore</title>');
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hsds`;
			const run = await runImport('--from', base);
			expect(run.code).toBe(2);
			expect(run.stderr).toContain(`${base}/services?page=2&per_page=100&full=true: la risposta non è JSON (tipo text/html)`);
			expect(run.stderr).toContain('nessun record scritto');
			expect((await stored(['from-1'])).services).toEqual([]);
		} finally {
			server.close();
		}
	});

	it('explains unreadable input and bad usage (exit 2)', async () => {
		const missing = await runImport(path.join(dir, 'nope.json'));
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('file non trovato:');
		const notServices = await runImport(writeJson('object.json', { rows: [] }));
		expect(notServices.code).toBe(2);
		expect(notServices.stderr).toContain('il file deve contenere servizi HSDS');
		const usage = await runImport();
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('uso: npm run import -- <file.json | cartella del pacchetto dati> [--dry-run]');
	});
});
