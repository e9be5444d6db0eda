import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows } from './csv.ts';

describe('parseCsvRows', () => {
	it('splits plain comma-separated lines', () => {
		expect(parseCsvRows('a,b,c\n1,2,3\n')).toEqual([
			['a', 'b', 'c'],
			['1', '2', '3']
		]);
	});

	it('handles quoted fields with delimiters, doubled quotes and line breaks', () => {
		const text = 'name,note\n"Rossi, Mario","disse ""ciao""\ne andò"\nx,y';
		expect(parseCsvRows(text)).toEqual([
			['name', 'note'],
			['Rossi, Mario', 'disse "ciao"\ne andò'],
			['x', 'y']
		]);
	});

	it('accepts CRLF, lone CR and a missing final newline', () => {
		expect(parseCsvRows('a,b\r\n1,2\r3,4')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
	});

	it('strips a UTF-8 byte-order mark', () => {
		expect(parseCsvRows('\uFEFFcodice;nome\n1;x')[0]).toEqual(['codice', 'nome']);
	});

	it('detects ";" from the header and keeps decimal commas intact', () => {
		expect(parseCsvRows('Lat;Long\n45,4877;9,2009')).toEqual([
			['Lat', 'Long'],
			['45,4877', '9,2009']
		]);
	});

	it('ignores delimiters inside quotes when detecting', () => {
		expect(parseCsvRows('"a;b;c",d\n1,2')).toEqual([
			['a;b;c', 'd'],
			['1', '2']
		]);
	});

	it('keeps empty fields and skips blank lines', () => {
		expect(parseCsvRows('a,,c\n\n,,\n')).toEqual([
			['a', '', 'c'],
			['', '', '']
		]);
	});

	it('keeps a quoted empty field as a value', () => {
		expect(parseCsvRows('a,b\n"",x\n')).toEqual([
			['a', 'b'],
			['', 'x']
		]);
	});

	it('rejects an unterminated quote', () => {
		expect(() => parseCsvRows('a,b\n"open,x\n')).toThrow(/non chiuso/);
	});
});

describe('parseCsv', () => {
	it('maps rows to header names, padding short rows', () => {
		expect(parseCsv('"COD","NOME","CAP"\n"1","RSA X","20.134"\n"2","RSA Y"')).toEqual([
			{ COD: '1', NOME: 'RSA X', CAP: '20.134' },
			{ COD: '2', NOME: 'RSA Y', CAP: '' }
		]);
	});

	it('rejects a row with more fields than the header', () => {
		expect(() => parseCsv('a;b\n1;2;3', { delimiter: ';' })).toThrow(/riga 2/);
	});

	it('returns nothing for an empty file', () => {
		expect(parseCsv('')).toEqual([]);
	});
});
