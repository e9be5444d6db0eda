import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineAndColumn, parseImportJson, readImportFile } from './read-import-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'piazza-read-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
};

describe('parseImportJson', () => {
	it('parses JSON, with or without a byte-order mark', () => {
		expect(parseImportJson('[1]')).toEqual([1]);
		expect(parseImportJson('\uFEFF{"services": []}')).toEqual({ services: [] });
	});

	it('says where the JSON breaks', () => {
		expect(() => parseImportJson('[\n  {"id": "a",\n   "name": "b" "status": 1}\n]')).toThrow(
			/^JSON non valido alla riga 3, colonna 16, vicino a: "name": "b" "status"/
		);
		expect(() => parseImportJson('[{"id": "a"')).toThrow(
			/^JSON non valido alla riga 1, colonna 12 \(il file finisce prima del previsto\)/
		);
	});

	it('refuses an empty file', () => {
		expect(() => parseImportJson(' \n')).toThrow('il file è vuoto: atteso un JSON con i servizi');
	});
});

describe('lineAndColumn', () => {
	it('counts from 1', () => {
		expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});
});

describe('readImportFile', () => {
	it('reads and parses a file', async () => {
		expect(await readImportFile(write('ok.json', '[{"id": 1}]'))).toEqual([{ id: 1 }]);
	});

	it('explains a missing file or a directory', async () => {
		await expect(readImportFile(path.join(dir, 'nope.json'))).rejects.toThrow(/^file non trovato: .*nope\.json$/);
		await expect(readImportFile(dir)).rejects.toThrow(/^non è un file: /);
	});

	it('refuses files over 200 MB before reading them', async () => {
		const file = path.join(dir, 'huge.json');
		writeFileSync(file, '');
		truncateSync(file, 201 * 1024 * 1024); // sparse: no disk space used
		await expect(readImportFile(file)).rejects.toThrow(
			'il file pesa 201 MB, oltre il limite di 200 MB: dividerlo in più file'
		);
	});
});
