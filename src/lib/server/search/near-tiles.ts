/**
 * The map tiles a circle touches. Every search entry keeps the tile of about 860 m (Web
 * Mercator zoom 15) holding its service's places (search_entry.tile, filled by piazza_tile() of
 * drizzle/0013, the formula of tileOf here): a text search within a radius keeps, through the
 * tile's btree index ANDed with the text's index, the entries in a tile the circle touches, and
 * measures the distance of those only, where it measured the places of every text match.
 */

const TILE_ZOOM = 15;
const TILES_PER_SIDE = 2 ** TILE_ZOOM;
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

const tileColumn = (lon: number) => Math.min(TILES_PER_SIDE - 1, Math.floor(((lon + 180) / 360) * TILES_PER_SIDE));

function tileRow(lat: number): number {
	const phi = radians(Math.min(MAX_LATITUDE, Math.max(-MAX_LATITUDE, lat)));
	const row = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * TILES_PER_SIDE);
	return Math.min(TILES_PER_SIDE - 1, row);
}

const tileId = (column: number, row: number) => column * TILES_PER_SIDE + row;

/** The tile of a point, as piazza_tile() numbers it: its column, then its row (growing southwards). */
export const tileOf = (point: Point) => tileId(tileColumn(point.lon), tileRow(point.lat));

/** The edges of a tile in degrees. */
function tileBounds(column: number, row: number) {
	const latitudeAt = (y: number) => degrees(Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / TILES_PER_SIDE))));
	const longitudeAt = (x: number) => (x / TILES_PER_SIDE) * 360 - 180;
	return { west: longitudeAt(column), east: longitudeAt(column + 1), north: latitudeAt(row), south: latitudeAt(row + 1) };
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
	const [x0, x1] = [tileColumn(centre.lon - halfWidth), tileColumn(centre.lon + halfWidth)];
	const [y0, y1] = [tileRow(north), tileRow(south)];
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
