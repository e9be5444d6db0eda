/**
 * The grid the map groups places on. Every place keeps its Web Mercator pixel on 256-pixel tiles
 * at zoom 22 (search_point.x, .y: 2^30 pixels around the world, a few centimetres each in
 * Milan); at zoom z a cell is CELL_PX screen pixels, so the cell of a place is its pixel shifted
 * right by 28 - z bits. Cells nest (one at zoom z is four at z + 1), so a group splits exactly
 * when its first and last pixels fall in different cells, which the highest differing bit says.
 */
import type { Bbox } from './inputs.ts';

/** The zoom of the stored pixels. */
export const PIXEL_ZOOM = 22;
/** Screen pixels of a cell side: places closer than this on the screen may share a group. */
export const CELL_PX = 64;
const CELL_BITS = 6; // log2(CELL_PX)
const WORLD_PX = 256 * 2 ** PIXEL_ZOOM;
/** Web Mercator stops short of the poles. */
const MAX_LATITUDE = 85.0511;

/** The place's pixel at PIXEL_ZOOM, as drizzle/0008 computes it in SQL. */
export function toPixel(lon: number, lat: number): { x: number; y: number } {
	const phi = (Math.min(MAX_LATITUDE, Math.max(-MAX_LATITUDE, lat)) * Math.PI) / 180;
	return {
		x: Math.floor(((lon + 180) / 360) * WORLD_PX),
		y: Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * WORLD_PX)
	};
}

/** The bits a pixel loses to become its cell at `zoom` (0 past PIXEL_ZOOM + CELL_BITS). */
export const cellShift = (zoom: number) => Math.max(0, PIXEL_ZOOM + CELL_BITS - zoom);

/** A box of stored pixels, bounds included (y grows southwards). */
export type PixelBox = { x0: number; y0: number; x1: number; y1: number };

/** The pixels of a view: its north-west corner is the smallest. */
export function viewPixels(view: Bbox): PixelBox {
	const nw = toPixel(view.west, view.north);
	const se = toPixel(view.east, view.south);
	return { x0: nw.x, y0: nw.y, x1: se.x, y1: se.y };
}

/**
 * The view widened to whole cells, and `margin` more cells on every side: a group on the view's
 * edge counts all its places, so it does not change as the family pans.
 */
export function alignToCells(box: PixelBox, shift: number, margin = 0): PixelBox {
	const cell = 2 ** shift;
	const down = (n: number) => Math.floor(n / cell) * cell;
	return {
		x0: Math.max(0, down(box.x0) - margin * cell),
		y0: Math.max(0, down(box.y0) - margin * cell),
		x1: Math.min(2 ** 30 - 1, down(box.x1) + (margin + 1) * cell - 1),
		y1: Math.min(2 ** 30 - 1, down(box.y1) + (margin + 1) * cell - 1)
	};
}

/** Back from a stored pixel to degrees. */
export function fromPixel(x: number, y: number): { lon: number; lat: number } {
	const lon = (x / WORLD_PX) * 360 - 180;
	const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD_PX))) * 180) / Math.PI;
	return { lon, lat };
}

/** The pixel box as degrees. */
export function pixelsToBbox(box: PixelBox): Bbox {
	const nw = fromPixel(box.x0, box.y0);
	const se = fromPixel(box.x1 + 1, box.y1 + 1);
	return { west: nw.lon, north: nw.lat, east: se.lon, south: se.lat };
}

/**
 * The first zoom at which the places spanning this box fall in more than one cell: where a
 * click on their group should zoom. `null` when they share one pixel (no zoom splits them).
 */
export function splittingZoom(box: Bbox): number | null {
	const nw = toPixel(box.west, box.north);
	const se = toPixel(box.east, box.south);
	const differing = Math.max(highestBit(nw.x ^ se.x), highestBit(nw.y ^ se.y));
	return differing < 0 ? null : PIXEL_ZOOM + CELL_BITS - differing;
}

/** Index of the highest set bit, -1 for 0. */
const highestBit = (n: number) => 31 - Math.clz32(n);
