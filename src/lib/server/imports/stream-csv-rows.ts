/**
 * Reads a comma-separated RFC 4180 file row by row, chunk by chunk, without holding it in
 * memory: quoted fields (doubled quotes, commas and line breaks inside), a UTF-8 byte-order mark,
 * CRLF or LF. Each row carries the line it starts on, so reports can say `phones.csv riga 12`.
 * (seed/csv.ts parses small whole texts, with `;` too; this one is the import's, for any size.)
 */
import { AppError } from '../shared/errors.ts';

export type CsvRow = { line: number; fields: string[] };

export async function* streamCsvRows(chunks: AsyncIterable<string>, file: string): AsyncGenerator<CsvRow> {
	let fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let first = true;
	let afterCr = false;
	/** A quote ending a chunk inside a quoted field: closing, or the first half of `""`. */
	let carry = '';
	for await (const piece of chunks) {
		let chunk = carry + piece;
		carry = '';
		if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		first = false;
		const rows: CsvRow[] = [];
		for (let i = 0; i < chunk.length; i++) {
			const ch = chunk[i]!;
			if (afterCr) {
				afterCr = false;
				if (ch === '\n') continue;
			}
			if (inQuotes) {
				if (ch !== '"') {
					if (ch === '\n') line++;
					field += ch;
				} else if (i + 1 === chunk.length) {
					carry = '"';
				} else if (chunk[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else if (ch === '"' && field === '' && !quoted) {
				inQuotes = true;
				quoted = true;
			} else if (ch === ',') {
				fields.push(field);
				field = '';
				quoted = false;
			} else if (ch === '\n' || ch === '\r') {
				fields.push(field);
				if (fields.length > 1 || fields[0] !== '' || quoted) rows.push({ line: rowLine, fields });
				fields = [];
				field = '';
				quoted = false;
				line++;
				rowLine = line;
				afterCr = ch === '\r';
			} else field += ch;
		}
		yield* rows;
	}
	if (carry) inQuotes = false; // the file ends with the closing quote
	if (inQuotes) {
		throw new AppError('INVALID_INPUT', `${file} riga ${rowLine}: campo tra virgolette non chiuso fino alla fine del file`);
	}
	if (field !== '' || fields.length > 0 || quoted) yield { line: rowLine, fields: [...fields, field] };
}
