/**
 * `npm run import -- --from <url>` copies one running instance into another: the built app
 * (demo data) serves its HSDS API; the import script pulls every page into a fresh PGlite
 * directory; an export of the copy equals the app's own HSDS JSON download, field by field.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { appUrl } from '../support/app.ts';
import { nodeBinary, ROOT } from '../support/app-server.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'pglite') };
	delete env.DATABASE_URL;
	return new Promise((resolve) => {
		execFile(nodeBinary(), [script, ...args], { cwd: ROOT, env, timeout: 900_000 }, (error, stdout, stderr) =>
			resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

type Service = Record<string, unknown> & { id: string };
const withoutTimestamp = ({ last_modified: _, ...rest }: Service) => rest;

test('imports every service of the running app through its HSDS API and exports the same directory', { timeout: 1_200_000 }, async () => {
	const imported = await run('scripts/import.ts', ['--from', appUrl('/api/hsds')]);
	expect(imported.stderr).not.toContain('nessun record scritto');
	expect(imported.code, imported.stdout + imported.stderr).toBe(0);
	expect(imported.stdout).toMatch(/^imported \d+, updated 0, rejected 0$/m);

	const exported = await run('scripts/export.ts', ['--format', 'hsds-json', path.join(dir, 'copy.json')]);
	expect(exported.code, exported.stderr).toBe(0);
	const copy = (JSON.parse(readFileSync(path.join(dir, 'copy.json'), 'utf8')) as Service[]).map(withoutTimestamp);
	const original = ((await (await fetch(appUrl('/open-data/piazza-hsds.json'))).json()) as Service[]).map(withoutTimestamp);
	expect(original.length).toBeGreaterThan(1500);
	expect(copy.length).toBe(original.length);
	for (let i = 0; i < original.length; i++) expect(copy[i], original[i]!.id).toEqual(original[i]);
});
