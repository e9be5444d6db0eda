/**
 * The one place that reads the environment. Zero configuration works: without
 * DATABASE_URL the portal runs on an embedded PGlite under .data/pglite.
 */
import path from 'node:path';

export type DatabaseConfig =
	| { kind: 'postgres'; url: string }
	| {
			kind: 'pglite';
			dataDir: string | undefined;
			/** Start from a dump of another PGlite database (tests reuse a migrated template). */
			loadDataDir?: Blob;
			/** PostgreSQL's shared_buffers ("1GB"); PGlite's own 128MB when absent. */
			sharedBuffers?: string;
	  };

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) return { kind: 'postgres', url };
	const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), '.data', 'pglite');
	// "memory://" keeps the embedded database in memory (tests, evaluation)
	return {
		kind: 'pglite',
		dataDir: dir === 'memory://' ? undefined : dir,
		sharedBuffers: readSharedBuffers(env.PGLITE_SHARED_BUFFERS)
	};
}

/**
 * PGLITE_SHARED_BUFFERS, the pages PGlite keeps in memory: its 128MB default holds a city's
 * directory; a directory of 100,000 services (about 1 GB) searches 40% faster with 1GB.
 */
export function readSharedBuffers(value: string | undefined): string | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (!/^\d{1,6}(kB|MB|GB)$/.test(text)) throw new Error(`PGLITE_SHARED_BUFFERS must look like "1GB" or "512MB", not "${text}"`);
	return text;
}

export function readPublicOrigin(env: NodeJS.ProcessEnv = process.env): string {
	return (env.PUBLIC_ORIGIN ?? env.ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** SEARCH_CACHE=0 turns off the search result cache (the benchmark measures without it too). */
export function readSearchCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.SEARCH_CACHE?.trim() !== '0';
}

/** Where the open-data downloads are cached (regenerated when the directory changes). */
export function readOpenDataDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.OPEN_DATA_DIR?.trim() || path.join(process.cwd(), '.data', 'open-data'));
}

export type GeocoderConfig =
	| { kind: 'offline' }
	| { kind: 'nominatim'; url: string; timeoutMs: number; userAgent: string };

export const DEFAULT_GEOCODER_TIMEOUT_MS = 3000;

/**
 * GEOCODER=offline (default: the street register, no request leaves the server) or
 * GEOCODER=nominatim with NOMINATIM_URL (a Nominatim-compatible service, e.g.
 * https://nominatim.openstreetmap.org) and optional GEOCODER_TIMEOUT_MS.
 */
export function readGeocoderConfig(env: NodeJS.ProcessEnv = process.env): GeocoderConfig {
	const kind = env.GEOCODER?.trim().toLowerCase() || 'offline';
	if (kind === 'offline') return { kind };
	if (kind !== 'nominatim') throw new Error(`GEOCODER must be "offline" or "nominatim", not "${kind}"`);
	const url = env.NOMINATIM_URL?.trim().replace(/\/+$/, '');
	if (!url) throw new Error('GEOCODER=nominatim needs NOMINATIM_URL');
	const timeout = Number(env.GEOCODER_TIMEOUT_MS ?? DEFAULT_GEOCODER_TIMEOUT_MS);
	return {
		kind,
		url,
		timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_GEOCODER_TIMEOUT_MS,
		userAgent: `Piazza/0.1 (${readPublicOrigin(env)})`
	};
}

export type MapConfig = {
	/** A Leaflet tile URL template: https://…/{z}/{x}/{y}.png ({s} for subdomains). */
	tileUrl: string;
	/** HTML shown in the map's corner, as the tile server's licence requires. */
	attribution: string;
	/** The tile server's origin, allowed as an image source by the pages' CSP. */
	tileOrigin: string;
};

export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_MAP_TILE_ATTRIBUTION =
	'&copy; <a href="https://www.openstreetmap.org/copyright">contributori di OpenStreetMap</a>';

/**
 * MAP_TILE_URL and MAP_TILE_ATTRIBUTION: the map's tiles (default OpenStreetMap's standard
 * tiles). The tiles are the one third-party request of the portal, made only by map pages.
 */
export function readMapConfig(env: NodeJS.ProcessEnv = process.env): MapConfig {
	const tileUrl = env.MAP_TILE_URL?.trim() || DEFAULT_MAP_TILE_URL;
	let origin: URL;
	try {
		origin = new URL(tileUrl.replace(/\{[a-z]+\}/g, 'x'));
	} catch {
		throw new Error(`MAP_TILE_URL must be an http(s) URL template, not "${tileUrl}"`);
	}
	if (origin.protocol !== 'https:' && origin.protocol !== 'http:') {
		throw new Error(`MAP_TILE_URL must be an http(s) URL template, not "${tileUrl}"`);
	}
	const attribution =
		env.MAP_TILE_ATTRIBUTION?.trim() || (env.MAP_TILE_URL?.trim() ? '' : DEFAULT_MAP_TILE_ATTRIBUTION);
	// {s} subdomains (a.tile…, b.tile…) are all allowed with a wildcard
	const host = /\{s\}/.test(tileUrl) ? `*.${origin.host.split('.').slice(1).join('.')}` : origin.host;
	return { tileUrl, attribution, tileOrigin: `${origin.protocol}//${host}` };
}
