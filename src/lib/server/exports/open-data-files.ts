/**
 * The four downloads of /open-data, cached on disk with their generation date and regenerated
 * when the directory changes (findDirectoryVersion). A cache rather than a stream per request:
 * the page can state each file's size and date, a download costs one file read however many
 * people ask, and an export of the whole directory (seconds) runs once per change, not per click.
 * Stale while revalidating: after a change the previous files (with their own date) are served
 * while the new ones are generated in the background; nobody waits for an export except the
 * very first download, when there are no files yet.
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
			// what the portal and the HSDS API publish: active services
			await exportDirectory(db, f.format, path.join(work, f.name), { origin, generatedAt, statuses: ['active'] });
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

function regenerate(db: Db, version: string, options: OpenDataOptions): Promise<OpenDataManifest> {
	// one generation at a time in this process; a request during it shares the same one
	running ??= generate(db, version, options).finally(() => {
		running = undefined;
	});
	return running;
}

/**
 * The downloads on disk, or null when none have been generated yet. When the directory has
 * changed since they were, a new generation starts in the background.
 */
export async function getOpenDataFiles(db: Db, options: OpenDataOptions): Promise<OpenDataManifest | null> {
	const version = await findDirectoryVersion(db);
	const cached = await readManifest(options.dir);
	const complete = cached?.files.every((f) => existsSync(path.join(options.dir, f.name))) ?? false;
	if (complete && cached!.version === version) return cached;
	regenerate(db, version, options).catch((error: unknown) => {
		// the message only: a failed query's parameters follow it
		console.error(`open data: generation failed: ${String((error as Error).message).split(/\n\s*params:/)[0]}`);
	});
	return complete ? cached : null;
}

/** The downloads as they are, waiting for the first generation when there are none. */
async function requireOpenDataFiles(db: Db, options: OpenDataOptions): Promise<OpenDataManifest> {
	return (await getOpenDataFiles(db, options)) ?? (await regenerate(db, await findDirectoryVersion(db), options));
}

/** One download as a web stream, with what its response headers need; NOT_FOUND for other names. */
export async function openOpenDataFile(db: Db, name: string, options: OpenDataOptions) {
	if (!OPEN_DATA_FILES.some((f) => f.name === name)) throw new AppError('NOT_FOUND', `file non trovato: ${name}`);
	const manifest = await requireOpenDataFiles(db, options);
	const file = manifest.files.find((f) => f.name === name)!;
	const stream = Readable.toWeb(createReadStream(path.join(options.dir, file.name))) as ReadableStream<Uint8Array>;
	return { ...file, generatedAt: manifest.generatedAt, stream };
}
