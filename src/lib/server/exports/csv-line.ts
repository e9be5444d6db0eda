/** One RFC 4180 CSV line: a field is quoted when it holds the separator, a quote or a line break. */
export function csvLine(fields: readonly unknown[], separator: ',' | ';' = ','): string {
	const quote = new RegExp(`[${separator}"\\r\\n]`);
	return `${fields
		.map((value) => {
			const text = csvValue(value);
			return quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		})
		.join(separator)}\r\n`;
}

/** A value as CSV text: absent is empty, arrays and objects as JSON. */
export function csvValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}
