/**
 * The map tiles a circle touches. Every search entry keeps the tile of about 860 m (Web
 * Mercator zoom 15) holding its service's places (search_entry.tile, filled by piazza_tile() of
 * drizzle/0013, the formula of tileOf here): a text search within a radius keeps, through the
 * tile's btree index ANDed with the text's index, the entries in a tile the circle touches, and
 * measures the distance of those only, where it measured the places of every text match.
 */
import { fromPixel, PIXEL_ZOOM, toPixel } from '../map/grid.ts';

/** A tile is a stored map pixel (map/grid.ts) without its 15 lowest bits: zoom 15. */
const TILE_SHIFT = 15;
const TILES_PER_SIDE = 2 ** (PIXEL_ZOOM + 8 - TILE_SHIFT);
/** Web Mercator stops short of the poles. */
const MAX_LATITUDE = 85.0511;
/** The sphere earthdistance measures on (its earth() function), in metres. */
const EARTH_RADIUS_M = 6378168;
/**
 * Past this many tiles (a radius of about 6.5 km in Milan) the circle covers most of the city:
 * the prefilter would keep nearly every entry.
 */
export const MAX_NEAR_TILES = 256;
/** The circle is widened by this share, so that rounding never leaves out a place on its edge. */
const MARGIN = 0.02;

type Point = { lat: number; lon: number };

const degrees = (radians: number) => (radians * 180) / Math.PI;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The column and row of the tile holding a point (clamped at the antimeridian, as piazza_tile()). */
function tileAt(point: Point): { column: number; row: number } {
	const { x, y } = toPixel(point.lon, point.lat);
	return { column: Math.min(TILES_PER_SIDE - 1, x >> TILE_SHIFT), row: Math.min(TILES_PER_SIDE - 1, y >> TILE_SHIFT) };
}

const tileId = (column: number, row: number) => column * TILES_PER_SIDE + row;

/** The tile of a point, as piazza_tile() numbers it: its column, then its row (growing southwards). */
export function tileOf(point: Point): number {
	const { column, row } = tileAt(point);
	return tileId(column, row);
}

/** The edges of a tile in degrees. */
function tileBounds(column: number, row: number) {
	const northWest = fromPixel(column * 2 ** TILE_SHIFT, row * 2 ** TILE_SHIFT);
	const southEast = fromPixel((column + 1) * 2 ** TILE_SHIFT, (row + 1) * 2 ** TILE_SHIFT);
	return { west: northWest.lon, east: southEast.lon, north: northWest.lat, south: southEast.lat };
}

/** Great-circle angle between two points, in radians. */
function angleBetween(a: Point, b: Point): number {
	const h =
		Math.sin(radians(b.lat - a.lat) / 2) ** 2 +
		Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(radians(b.lon - a.lon) / 2) ** 2;
	return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Every tile that may hold a place within `radiusMeters` of the centre, or null when there are
 * more than MAX_NEAR_TILES (or the circle reaches a pole or the antimeridian). The tiles of the
 * box around the circle on earthdistance's sphere, whose chords search compares, less the corner
 * tiles whose nearest point lies outside the circle.
 */
export function tilesAround(centre: Point, radiusMeters: number): number[] | null {
	const angle = (radiusMeters / EARTH_RADIUS_M) * (1 + MARGIN);
	const north = centre.lat + degrees(angle);
	const south = centre.lat - degrees(angle);
	const cosLat = Math.cos(radians(centre.lat));
	if (north >= MAX_LATITUDE || south <= -MAX_LATITUDE || Math.sin(angle) >= cosLat) return null;
	// the widest a circle reaches east and west of its centre, on a sphere
	const halfWidth = degrees(Math.asin(Math.sin(angle) / cosLat));
	if (centre.lon - halfWidth < -180 || centre.lon + halfWidth > 180) return null;
	const { column: x0, row: y0 } = tileAt({ lat: north, lon: centre.lon - halfWidth });
	const { column: x1, row: y1 } = tileAt({ lat: south, lon: centre.lon + halfWidth });
	if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_NEAR_TILES) return null;
	const tiles: number[] = [];
	for (let x = x0; x <= x1; x++) {
		for (let y = y0; y <= y1; y++) {
			const b = tileBounds(x, y);
			// the tile's point nearest the centre (exact along a meridian; across one, off by far
			// less than the margin at these sizes)
			const nearest = {
				lat: Math.min(b.north, Math.max(b.south, centre.lat)),
				lon: Math.min(b.east, Math.max(b.west, centre.lon))
			};
			if (angleBetween(centre, nearest) <= angle) tiles.push(tileId(x, y));
		}
	}
	return tiles;
}
