import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from './zip-writer.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeZip', () => {
	it('writes a zip that Python’s zipfile reads back byte for byte, CRCs checked', async () => {
		const files = {
			'datapackage.json': '{"name": "prova"}\n',
			'services.csv': `id,name\n${Array.from({ length: 2000 }, (_, i) => `${i},Servizio è ${i}`).join('\n')}\n`,
			'vuoto.csv': ''
		};
		for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
		const target = path.join(dir, 'out.zip');
		await writeZip(
			target,
			Object.keys(files).map((name) => ({ name, file: path.join(dir, name) })),
			new Date(2026, 10, 26, 15, 30, 10)
		);
		const script = [
			'import json, sys, zipfile',
			'z = zipfile.ZipFile(sys.argv[1])',
			'assert z.testzip() is None',
			'print(json.dumps({i.filename: [z.read(i).decode("utf-8"), list(i.date_time), i.compress_type] for i in z.infolist()}))'
		].join('\n');
		const read = JSON.parse(execFileSync('python3', ['-c', script, target], { encoding: 'utf8' })) as Record<
			string,
			[string, number[], number]
		>;
		expect(Object.keys(read)).toEqual(Object.keys(files));
		for (const [name, text] of Object.entries(files)) {
			expect(read[name]![0]).toBe(text);
			expect(read[name]![1]).toEqual([2026, 11, 26, 15, 30, 10]);
			expect(read[name]![2]).toBe(8); // deflate
		}
	});
});
