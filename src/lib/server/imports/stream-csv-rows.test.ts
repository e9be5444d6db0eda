import { describe, expect, it } from 'vitest';
import { streamCsvRows } from './stream-csv-rows.ts';

async function* pieces(text: string, size: number) {
	for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function rows(text: string, size = 3) {
	const out = [];
	for await (const row of streamCsvRows(pieces(text, size), 'prova.csv')) out.push(row);
	return out;
}

describe('streamCsvRows', () => {
	it.each([1, 2, 3, 5, 1000])('reads quoted fields, doubled quotes and line breaks, whatever the chunk size (%i)', async (size) => {
		const text = '\uFEFFid,number,note\r\n1,"""+44 1234""","a, b"\r\n2,,"riga\r\nseconda"\n\n3,x,"fine"""';
		expect(await rows(text, size)).toEqual([
			{ line: 1, fields: ['id', 'number', 'note'] },
			{ line: 2, fields: ['1', '"+44 1234"', 'a, b'] },
			{ line: 3, fields: ['2', '', 'riga\r\nseconda'] },
			{ line: 6, fields: ['3', 'x', 'fine"'] }
		]);
	});

	it('says where an unclosed quote starts', async () => {
		await expect(rows('id,name\n1,ok\n2,"aperta\n3,x\n')).rejects.toThrow(
			'prova.csv riga 3: campo tra virgolette non chiuso fino alla fine del file'
		);
	});
});
