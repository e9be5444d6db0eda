/**
 * The nine municipi drawn on the map: the official boundaries of data/reference/municipi.geojson
 * (490 kB, 23,575 vertices) simplified to what a city map needs (Douglas-Peucker at about 10 m,
 * coordinates rounded to about 1 m), so the city stays readable when tiles cannot load.
 */
import { readReferenceCollection } from '../geo/locate.ts';
import type { AreaGeometry } from '../geo/point-in-polygon.ts';

type Position = [number, number];
type Ring = Position[];

/** Degrees: about 10 m of latitude in Milan. */
export const SIMPLIFY_TOLERANCE = 0.0001;

export type MunicipiOutline = {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		properties: { municipio: number; name: string };
		geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
	}[];
};

/** Squared distance from p to the segment a-b (plane geometry: fine at a city's scale). */
function segmentDistance2(p: Position, a: Position, b: Position): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	const x = a[0] + t * dx - p[0];
	const y = a[1] + t * dy - p[1];
	return x * x + y * y;
}

/** Douglas-Peucker on a line (iterative, so long rings cannot overflow the stack). */
export function simplifyLine(points: Position[], tolerance: number): Position[] {
	if (points.length <= 2) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	const limit = tolerance * tolerance;
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		let farthest = -1;
		let max = limit;
		for (let i = first + 1; i < last; i++) {
			const d = segmentDistance2(points[i]!, points[first]!, points[last]!);
			if (d > max) {
				max = d;
				farthest = i;
			}
		}
		if (farthest >= 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

const round5 = (p: Position): Position => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

/** A closed ring simplified and still closed, with at least a triangle's four positions. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
	const simplified = simplifyLine(ring, tolerance).map(round5);
	return simplified.length >= 4 ? simplified : ring.map(round5);
}

let outline: MunicipiOutline | undefined;

export function municipiOutline(): MunicipiOutline {
	outline ??= {
		type: 'FeatureCollection',
		features: readReferenceCollection<{ MUNICIPIO: number }>('municipi.geojson')
			.features.map((f) => {
				const municipio = Number(f.properties.MUNICIPIO);
				const geometry = f.geometry as AreaGeometry;
				const rings = (polygon: Ring[]) => polygon.map((r) => simplifyRing(r, SIMPLIFY_TOLERANCE));
				return {
					type: 'Feature' as const,
					properties: { municipio, name: `Municipio ${municipio}` },
					geometry:
						geometry.type === 'Polygon'
							? { type: 'Polygon' as const, coordinates: rings(geometry.coordinates as Ring[]) }
							: { type: 'MultiPolygon' as const, coordinates: (geometry.coordinates as Ring[][]).map(rings) }
				};
			})
			.sort((a, b) => a.properties.municipio - b.properties.municipio)
	};
	return outline;
}
