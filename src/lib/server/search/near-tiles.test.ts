import { describe, expect, it } from 'vitest';
import { toPixel } from '../map/grid.ts';
import { MAX_NEAR_TILES, tileOf, tilesAround } from './near-tiles.ts';

/** earthdistance's sphere, on which search measures. */
const EARTH_RADIUS_M = 6378168;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The point `meters` from `from` along `bearing` degrees, on that sphere. */
function destination(from: { lat: number; lon: number }, bearing: number, meters: number) {
	const d = meters / EARTH_RADIUS_M;
	const [phi, lambda, theta] = [rad(from.lat), rad(from.lon), rad(bearing)];
	const phi2 = Math.asin(Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(theta));
	const lambda2 = lambda + Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(phi), Math.cos(d) - Math.sin(phi) * Math.sin(phi2));
	return { lat: deg(phi2), lon: deg(lambda2) };
}

const VIA_PADOVA = { lat: 45.4981, lon: 9.2081 };

describe('tileOf', () => {
	it('is the map pixel at zoom 22 shifted by 15 bits, column first', () => {
		for (const p of [VIA_PADOVA, { lat: 45.4642, lon: 9.19 }, { lat: -33.86, lon: 151.21 }, { lat: 0, lon: 0 }]) {
			const { x, y } = toPixel(p.lon, p.lat);
			expect(tileOf(p)).toBe((x >> 15) * 32768 + (y >> 15));
		}
	});
});

describe('tilesAround', () => {
	it('holds the tile of every point within the radius, up to its edge, in every direction', () => {
		for (const radius of [100, 1000, 3000, 6000]) {
			const tiles = new Set(tilesAround(VIA_PADOVA, radius));
			for (let bearing = 0; bearing < 360; bearing += 3) {
				for (const share of [0.25, 0.5, 0.9, 0.999]) {
					expect(tiles.has(tileOf(destination(VIA_PADOVA, bearing, radius * share))), `${radius} m, ${bearing}°, ${share}`).toBe(true);
				}
			}
		}
	});

	it('leaves out the corner tiles the circle does not reach', () => {
		// 3 km around Via Padova: a box of 8 by 8 tiles of about 860 m
		const tiles = tilesAround(VIA_PADOVA, 3000)!;
		expect(tiles.length).toBeLessThan(64);
		expect(tiles.length).toBeGreaterThan(36);
		const farCorner = destination(VIA_PADOVA, 45, 3000 * Math.SQRT2);
		expect(tiles).not.toContain(tileOf(farCorner));
	});

	it('gives up past MAX_NEAR_TILES, where the circle covers most of a city', () => {
		expect(tilesAround(VIA_PADOVA, 50_000)).toBeNull();
		expect(tilesAround(VIA_PADOVA, 5000)!.length).toBeLessThanOrEqual(MAX_NEAR_TILES);
	});

	it('gives up at the poles and across the antimeridian', () => {
		expect(tilesAround({ lat: 85.05, lon: 0 }, 1000)).toBeNull();
		expect(tilesAround({ lat: 0, lon: 179.999 }, 1000)).toBeNull();
	});
});
