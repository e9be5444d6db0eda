/**
 * A small RFC 4180 CSV parser for the open-data files under data/seed/: quoted fields (with
 * doubled quotes, delimiters and line breaks inside), `,` or `;` delimiters, a UTF-8 byte-order
 * mark, and CRLF, LF or lone CR line ends. Values are returned as written (no trimming, no
 * number parsing): the converters know which columns carry decimal commas or null markers.
 */

export type CsvDelimiter = ',' | ';';

export type CsvOptions = {
	/** When omitted, the delimiter that occurs most often (outside quotes) in the header line. */
	delimiter?: CsvDelimiter;
};

const BOM = '\uFEFF';

/** Parses CSV text into rows of fields. Blank lines are skipped. */
export function parseCsvRows(text: string, options: CsvOptions = {}): string[][] {
	const input = text.startsWith(BOM) ? text.slice(1) : text;
	const delimiter = options.delimiter ?? detectDelimiter(input);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	// Whether the current row has content yet; a row of one empty field is a blank line.
	let rowStarted = false;
	let i = 0;
	const endRow = () => {
		row.push(field);
		if (rowStarted || row.length > 1 || field !== '') rows.push(row);
		row = [];
		field = '';
		rowStarted = false;
	};
	while (i < input.length) {
		const ch = input[i]!;
		if (inQuotes) {
			if (ch === '"') {
				if (input[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				inQuotes = false;
				i += 1;
				continue;
			}
			field += ch;
			i += 1;
			continue;
		}
		if (ch === '"' && field === '') {
			inQuotes = true;
			rowStarted = true;
			i += 1;
		} else if (ch === delimiter) {
			row.push(field);
			field = '';
			rowStarted = true;
			i += 1;
		} else if (ch === '\r' || ch === '\n') {
			endRow();
			i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
		} else {
			field += ch;
			i += 1;
		}
	}
	if (inQuotes) throw new Error('CSV: campo tra virgolette non chiuso alla fine del file');
	if (field !== '' || row.length > 0 || rowStarted) endRow();
	return rows;
}

/**
 * Parses CSV text whose first row is a header into records keyed by column name. A row with
 * fewer fields than the header gets empty strings; a row with more fields is an error, because
 * it means the file was split on the wrong delimiter or a quote was lost.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Record<string, string>[] {
	const [header, ...rows] = parseCsvRows(text, options);
	if (!header) return [];
	const names = header.map((h) => h.trim());
	return rows.map((fields, index) => {
		if (fields.length > names.length) {
			throw new Error(
				`CSV: la riga ${index + 2} ha ${fields.length} campi, l'intestazione ne ha ${names.length}`
			);
		}
		const record: Record<string, string> = {};
		names.forEach((name, j) => {
			record[name] = fields[j] ?? '';
		});
		return record;
	});
}

function detectDelimiter(text: string): CsvDelimiter {
	let commas = 0;
	let semicolons = 0;
	let inQuotes = false;
	for (const ch of text) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
		else if (!inQuotes && ch === ',') commas += 1;
		else if (!inQuotes && ch === ';') semicolons += 1;
	}
	return semicolons > commas ? ';' : ',';
}
