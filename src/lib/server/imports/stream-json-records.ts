/**
 * Reads the services of a JSON import file without holding the file in memory: a small scanner
 * walks the text chunk by chunk, cuts out one element of the services array at a time and
 * JSON.parse()s only that element. Accepts the same forms as servicesOf(): a JSON array, an HSDS
 * API page `{ "contents": [...] }`, `{ "services": [...] }`, or a single service object (which
 * is buffered whole: it is one record). A syntax error stops the import with its line and column.
 */
import { AppError } from '../shared/errors.ts';

export type JsonRecord = { index: number; value: unknown };

const RECORD_KEYS = new Set(['contents', 'services']);
const NOT_SERVICES =
	'il file deve contenere servizi HSDS: un array JSON, una pagina dell\'API HSDS ({"contents": [...]}) o {"services": [...]}';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function syntaxError(line: number, column: number, problem: string): AppError {
	return new AppError('INVALID_INPUT', `JSON non valido alla riga ${line}, colonna ${column}: ${problem}`);
}

/** Where JSON.parse() stopped inside an element, as a 0-based offset into it; 0 when V8 does not say. */
function offsetOf(message: string, text: string): number {
	const position = /at position (\d+)/.exec(message);
	if (position) return Number(position[1]);
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	if (!lineColumn) return 0;
	const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
	return lines.reduce((n, l) => n + l.length + 1, 0) + Number(lineColumn[2]) - 1;
}

/**
 * Yields each record of the services array, in order, as it is read. Throws AppError
 * INVALID_INPUT on malformed JSON (with line and column) or when the file holds no services.
 */
export async function* streamJsonRecords(chunks: AsyncIterable<string>): AsyncGenerator<JsonRecord> {
	// containers open around the scanner: 0x5b '[' or 0x7b '{'
	const stack: number[] = [];
	let inString = false;
	let escaped = false;
	let line = 1;
	let column = 0;
	let started = false;
	let finished = false;
	/** Stack depth at which the elements of the services array sit; 0 while not inside it. */
	let recordDepth = 0;
	let sawRecordArray = false;
	// the top-level object's key being read (it may span two chunks), and the last one completed
	let key: string | null = null;
	let keyStart = 0;
	let lastKey = '';
	let expectingKey = false;
	// the element being cut out, and the whole top-level object outside the services array
	let element: string | null = null;
	let elementLine = 0;
	let elementColumn = 0;
	let rest = '';
	let restStart = -1;
	let index = 0;
	let empty = true;

	const parseElement = (text: string): JsonRecord => {
		try {
			return { index: index++, value: JSON.parse(text) };
		} catch (error) {
			const offset = offsetOf((error as Error).message, text);
			const before = text.slice(0, offset);
			const newlines = before.split('\n');
			const at =
				newlines.length === 1
					? { line: elementLine, column: elementColumn + offset }
					: { line: elementLine + newlines.length - 1, column: newlines.at(-1)!.length + 1 };
			const near = text.slice(Math.max(0, offset - 20), offset + 10).replace(/\s+/g, ' ').trim();
			throw syntaxError(at.line, at.column, `valore non valido${near ? `, vicino a: ${near}` : ''}`);
		}
	};

	for await (let chunk of chunks) {
		if (!started && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		let elementStart = element === null ? -1 : 0;
		if (restStart >= 0) restStart = 0;
		keyStart = 0;
		const records: JsonRecord[] = [];
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk.charCodeAt(i);
			if (c === 0x0a) {
				line++;
				column = 0;
			} else column++;
			if (inString) {
				if (escaped) escaped = false;
				else if (c === 0x5c) escaped = true;
				else if (c === 0x22) {
					inString = false;
					if (key !== null) {
						lastKey = key + chunk.slice(keyStart, i);
						key = null;
					}
				}
				continue;
			}
			if (isSpace(c)) continue;
			empty = false;
			if (finished) throw syntaxError(line, column, 'testo dopo la fine del JSON');
			const depth = stack.length;
			// an element of the services array ends at the comma or bracket that follows it
			if (recordDepth > 0 && depth === recordDepth && element !== null && (c === 0x2c || c === 0x5d)) {
				element += chunk.slice(elementStart, i);
				records.push(parseElement(element.trimEnd()));
				element = null;
				elementStart = -1;
			} else if (recordDepth > 0 && depth === recordDepth && element === null) {
				if (c === 0x2c) throw syntaxError(line, column, 'manca un valore prima della virgola');
				if (c !== 0x5d) {
					element = '';
					elementStart = i;
					elementLine = line;
					elementColumn = column;
				}
			}
			if (!started) {
				started = true;
				if (c === 0x5b) {
					recordDepth = 1;
					sawRecordArray = true;
				} else if (c === 0x7b) {
					restStart = i;
					expectingKey = true;
				} else throw new AppError('INVALID_INPUT', NOT_SERVICES);
				stack.push(c);
				continue;
			}
			switch (c) {
				case 0x22: // "
					inString = true;
					if (depth === 1 && stack[0] === 0x7b && expectingKey) {
						// an escaped key is never "contents" or "services" as written: compared raw
						key = '';
						keyStart = i + 1;
						expectingKey = false;
					}
					break;
				case 0x7b: // {
				case 0x5b: // [
					if (c === 0x5b && depth === 1 && stack[0] === 0x7b && !sawRecordArray && RECORD_KEYS.has(lastKey)) {
						// the services array: keep it out of the buffered object
						rest += chunk.slice(restStart, i) + '[]';
						restStart = -1;
						recordDepth = 2;
						sawRecordArray = true;
					}
					stack.push(c);
					break;
				case 0x7d: // }
				case 0x5d: {
					// ]
					const open = stack.pop();
					if (open !== (c === 0x7d ? 0x7b : 0x5b)) {
						throw syntaxError(line, column, `"${String.fromCharCode(c)}" inatteso`);
					}
					if (recordDepth > 0 && stack.length === recordDepth - 1) {
						recordDepth = 0;
						if (stack.length === 1) restStart = i + 1;
					}
					if (stack.length === 0) {
						finished = true;
						if (restStart >= 0) {
							rest += chunk.slice(restStart, i + 1);
							restStart = -1;
						}
					}
					break;
				}
				case 0x2c: // ,
					if (depth === 1 && stack[0] === 0x7b) expectingKey = true;
					break;
				default:
					break;
			}
		}
		if (element !== null) element += chunk.slice(elementStart);
		if (key !== null) key += chunk.slice(keyStart);
		if (restStart >= 0) rest += chunk.slice(restStart);
		yield* records;
	}
	if (empty) throw new AppError('INVALID_INPUT', 'il file è vuoto: atteso un JSON con i servizi');
	if (!finished) {
		throw syntaxError(line, column, inString ? 'testo tra virgolette non chiuso (il file finisce prima del previsto)' : 'il file finisce prima del previsto');
	}
	if (sawRecordArray) return;
	// no services array: the object is one service, or not services at all
	let value: unknown;
	try {
		value = JSON.parse(rest);
	} catch (error) {
		const offset = offsetOf((error as Error).message, rest);
		const before = rest.slice(0, offset).split('\n');
		throw syntaxError(before.length, before.at(-1)!.length + 1, 'valore non valido');
	}
	if (value && typeof value === 'object' && 'id' in value && 'name' in value) yield { index: 0, value };
	else throw new AppError('INVALID_INPUT', NOT_SERVICES);
}
