/**
 * Reads an import file whole and parses it as JSON, turning every way it can fail into a plain
 * Italian message (AppError INVALID_INPUT) that names the file, or the line and column of a
 * JSON syntax error. Streaming very large files is a later step; above the limit we refuse.
 */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../shared/errors.ts';

export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const lastNewline = before.lastIndexOf('\n');
	return { line: before.split('\n').length, column: offset - lastNewline };
}

/** Where V8 says JSON.parse stopped: "(line 3 column 5)", else "at position 57", else the end. */
function syntaxErrorPosition(text: string, message: string): { line: number; column: number } {
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
	const position = /at position (\d+)/.exec(message);
	if (position) return lineAndColumn(text, Number(position[1]));
	return lineAndColumn(text, text.length);
}

export function parseImportJson(text: string): unknown {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') throw new AppError('INVALID_INPUT', 'il file è vuoto: atteso un JSON con i servizi');
	try {
		return JSON.parse(body);
	} catch (error) {
		const { line, column } = syntaxErrorPosition(body, (error as Error).message);
		const lineText = body.split('\n')[line - 1] ?? '';
		const start = Math.max(0, column - 30);
		const excerpt = lineText.slice(start, column + 10).trim();
		const last = lineAndColumn(body.trimEnd(), body.trimEnd().length);
		const truncated = line > last.line || (line === last.line && column >= last.column);
		const end = truncated ? ' (il file finisce prima del previsto)' : '';
		throw new AppError(
			'INVALID_INPUT',
			`JSON non valido alla riga ${line}, colonna ${column}${end}${excerpt ? `, vicino a: ${excerpt}` : ''}`
		);
	}
}

export async function readImportFile(file: string): Promise<unknown> {
	let size: number;
	try {
		const info = await stat(file);
		if (!info.isFile()) throw new AppError('INVALID_INPUT', `non è un file: ${file}`);
		size = info.size;
	} catch (error) {
		if (error instanceof AppError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new AppError(
			'INVALID_INPUT',
			code === 'ENOENT' ? `file non trovato: ${file}` : `impossibile leggere il file ${file} (${code ?? 'errore'})`
		);
	}
	if (size > MAX_IMPORT_FILE_BYTES) {
		const megabytes = Math.ceil(size / (1024 * 1024));
		throw new AppError(
			'INVALID_INPUT',
			`il file pesa ${megabytes} MB, oltre il limite di ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB: dividerlo in più file`
		);
	}
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		throw new AppError('INVALID_INPUT', `impossibile leggere il file ${file} (${(error as NodeJS.ErrnoException).code ?? 'errore'})`);
	}
	return parseImportJson(text);
}
