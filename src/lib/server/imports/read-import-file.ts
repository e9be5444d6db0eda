/**
 * The import source behind a path: a directory is an HSDS tabular data package, a file is HSDS
 * JSON, read as a stream (no size limit, memory bounded by the largest single record). Every way
 * the path can fail becomes a plain Italian message (AppError INVALID_INPUT) naming it.
 */
import { createReadStream, statSync } from 'node:fs';
import { AppError } from '../shared/errors.ts';
import type { ImportItem } from './import-services.ts';
import { readDataPackage } from './read-data-package.ts';
import { streamJsonRecords } from './stream-json-records.ts';

export async function* readJsonFile(file: string, chunkSize = 1 << 16): AsyncGenerator<ImportItem> {
	const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: chunkSize });
	try {
		for await (const { index, value } of streamJsonRecords(stream)) yield { record: value, where: `[${index}]` };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (error instanceof AppError || !code) throw error;
		throw new AppError('INVALID_INPUT', `impossibile leggere il file ${file} (${code})`);
	} finally {
		stream.destroy();
	}
}

export function readImportSource(target: string): AsyncGenerator<ImportItem> {
	let isDirectory: boolean;
	try {
		const info = statSync(target);
		if (!info.isFile() && !info.isDirectory()) throw new AppError('INVALID_INPUT', `non è un file: ${target}`);
		isDirectory = info.isDirectory();
	} catch (error) {
		if (error instanceof AppError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new AppError(
			'INVALID_INPUT',
			code === 'ENOENT' ? `file non trovato: ${target}` : `impossibile leggere ${target} (${code ?? 'errore'})`
		);
	}
	return isDirectory ? readDataPackage(target) : readJsonFile(target);
}
