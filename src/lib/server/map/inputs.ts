/**
 * The parameters of GET /api/map: those of /api/search (parsed by the same code) plus the map's
 * view, `bbox` (west,south,east,north in degrees) and `zoom` (0-20). A view larger than Milan,
 * even the whole world, is clamped to the city's extent rather than refused; only what is not a
 * box at all, or a zoom outside 0-20, is an error with a plain Italian message.
 */
import { parseSearchParams } from '../search/inputs.ts';
import type { SearchParams } from '../search/types.ts';

export type Bbox = { west: number; south: number; east: number; north: number };

/**
 * The bounding box of the nine municipi (data/reference/municipi.geojson: 9.0406-9.2780 E,
 * 45.3867-45.5359 N) with about a kilometre of margin: nothing the map shows lies outside.
 */
export const MILAN_EXTENT: Bbox = { west: 9.03, south: 45.377, east: 9.29, north: 45.545 };
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 20;
/** The whole city at a zoom that fits a phone's screen: what a request without a view gets. */
export const DEFAULT_ZOOM = 11;

export type MapParams = { search: SearchParams; bbox: Bbox; zoom: number };

export type MapParamsResult = { ok: true; params: MapParams } | { ok: false; error: { field: string; message: string } };

const BBOX_MESSAGE =
	'Il riquadro della mappa (bbox) deve essere "ovest,sud,est,nord" in gradi, per esempio 9.15,45.45,9.22,45.49.';
const ZOOM_MESSAGE = `Lo zoom deve essere un numero intero da ${MIN_ZOOM} a ${MAX_ZOOM}.`;
const NUMBER = /^\s*[-+]?(?:\d{1,3}(?:\.\d{1,15})?|\.\d{1,15})\s*$/;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * "west,south,east,north" → the part of it inside Milan's extent. A box wholly outside the city
 * clamps to an edge of it (an empty strip), so the answer is simply "nothing here".
 */
export function parseBbox(value: string): Bbox | null {
	const parts = value.split(',');
	if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) return null;
	const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
	if (Math.abs(south) > 90 || Math.abs(north) > 90 || Math.abs(west) > 180 || Math.abs(east) > 180) return null;
	if (west > east || south > north) return null;
	const e = MILAN_EXTENT;
	return {
		west: clamp(west, e.west, e.east),
		south: clamp(south, e.south, e.north),
		east: clamp(east, e.west, e.east),
		north: clamp(north, e.south, e.north)
	};
}

export function parseZoom(value: string): number | null {
	if (!/^\s*\d{1,2}\s*$/.test(value)) return null;
	const zoom = Number(value);
	return zoom >= MIN_ZOOM && zoom <= MAX_ZOOM ? zoom : null;
}

export function parseMapParams(query: URLSearchParams): MapParamsResult {
	const parsed = parseSearchParams(query);
	if (!parsed.ok) return parsed;
	const rawBbox = query.get('bbox')?.trim();
	const bbox = rawBbox ? parseBbox(rawBbox) : MILAN_EXTENT;
	if (!bbox) return { ok: false, error: { field: 'bbox', message: BBOX_MESSAGE } };
	const rawZoom = query.get('zoom')?.trim();
	const zoom = rawZoom ? parseZoom(rawZoom) : DEFAULT_ZOOM;
	if (zoom === null) return { ok: false, error: { field: 'zoom', message: ZOOM_MESSAGE } };
	return { ok: true, params: { search: parsed.params, bbox, zoom } };
}
