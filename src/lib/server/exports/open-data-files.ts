/**
 * The four downloads of /open-data, cached on disk with their generation date and regenerated
 * when the directory changes (findDirectoryVersion). A cache rather than a stream per request:
 * the page can state each file's size and date, a download costs one file read however many
 * people ask, and an export of the whole directory (seconds) runs once per change, not per click.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../db/client.ts';
import { AppError } from '../shared/errors.ts';
import { exportDirectory, type ExportFormat } from './export-directory.ts';
import { findDirectoryVersion } from './queries.ts';

export const OPEN_DATA_FILES: readonly { format: ExportFormat; name: string; mediaType: string }[] = [
	{ format: 'csv', name: 'piazza-servizi.csv', mediaType: 'text/csv; charset=utf-8' },
	{ format: 'geojson', name: 'piazza-luoghi.geojson', mediaType: 'application/geo+json' },
	{ format: 'hsds-json', name: 'piazza-hsds.json', mediaType: 'application/json' },
	{ format: 'datapackage', name: 'piazza-hsds-datapackage.zip', mediaType: 'application/zip' }
];

export type OpenDataFile = { format: ExportFormat; name: string; mediaType: string; bytes: number };
export type OpenDataManifest = { version: string; generatedAt: string; files: OpenDataFile[] };
export type OpenDataOptions = { dir: string; origin: string };

const MANIFEST = 'manifest.json';

async function readManifest(dir: string): Promise<OpenDataManifest | null> {
	try {
		return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as OpenDataManifest;
	} catch {
		return null;
	}
}

async function generate(db: Db, version: string, { dir, origin }: OpenDataOptions): Promise<OpenDataManifest> {
	await mkdir(dir, { recursive: true });
	const work = await mkdtemp(path.join(dir, '.generating-'));
	try {
		const generatedAt = new Date();
		const files: OpenDataFile[] = [];
		for (const f of OPEN_DATA_FILES) {
			await exportDirectory(db, f.format, path.join(work, f.name), { origin, generatedAt });
			files.push({ ...f, bytes: (await stat(path.join(work, f.name))).size });
		}
		// each file replaced whole (rename), the manifest last: a reader sees old or new, never half
		for (const f of files) await rename(path.join(work, f.name), path.join(dir, f.name));
		const manifest = { version, generatedAt: generatedAt.toISOString(), files };
		await writeFile(path.join(work, MANIFEST), JSON.stringify(manifest));
		await rename(path.join(work, MANIFEST), path.join(dir, MANIFEST));
		return manifest;
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

let running: Promise<OpenDataManifest> | undefined;

/** The downloads as of the directory's current version, generating them first if it changed. */
export async function getOpenDataFiles(db: Db, options: OpenDataOptions): Promise<OpenDataManifest> {
	const version = await findDirectoryVersion(db);
	const cached = await readManifest(options.dir);
	if (cached?.version === version && cached.files.every((f) => existsSync(path.join(options.dir, f.name)))) {
		return cached;
	}
	// one generation at a time in this process; a request during it waits for the same one
	running ??= generate(db, version, options).finally(() => {
		running = undefined;
	});
	return running;
}

/** One download as a web stream, with what its response headers need; NOT_FOUND for other names. */
export async function openOpenDataFile(db: Db, name: string, options: OpenDataOptions) {
	const manifest = await getOpenDataFiles(db, options);
	const file = manifest.files.find((f) => f.name === name);
	if (!file) throw new AppError('NOT_FOUND', `file non trovato: ${name}`);
	const stream = Readable.toWeb(createReadStream(path.join(options.dir, file.name))) as ReadableStream<Uint8Array>;
	return { ...file, generatedAt: manifest.generatedAt, stream };
}
