import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportSource } from './read-import-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-read-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
};

const collect = async (target: string) => {
	const items = [];
	for await (const item of readImportSource(target)) items.push(item);
	return items;
};

describe('readImportSource', () => {
	it('streams the records of a JSON file with their place', async () => {
		expect(await collect(write('ok.json', '{"contents": [{"id": 1}, {"id": 2}]}'))).toEqual([
			{ record: { id: 1 }, where: '[0]' },
			{ record: { id: 2 }, where: '[1]' }
		]);
	});

	it('explains a missing path', () => {
		expect(() => readImportSource(path.join(dir, 'nope.json'))).toThrow(/^file non trovato: .*nope\.json$/);
	});

	it('takes a directory for a data package and wants its descriptor', async () => {
		await expect(collect(dir)).rejects.toThrow(/non è un pacchetto dati HSDS \(manca datapackage\.json\)/);
	});
});

describe('readImportSource: malformed JSON', () => {
	it('stops with the line and column', async () => {
		await expect(collect(write('bad.json', '[\n{"id": 1},\n{"id": }\n]'))).rejects.toThrow(/riga 3, colonna 1/);
	});
});
