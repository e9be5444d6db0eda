/**
 * The 9 municipi and 88 NIL of Milan as places: number or id, name, slug, a centre and a bounding
 * box, from the reference boundaries in data/reference/ (read once). The database keeps the same
 * records (install-boundaries.ts) for the pages; the offline geocoder uses them directly.
 */
import { slugify } from '../shared/slug.ts';
import { locateInMilan, readableNilName, readReferenceCollection } from './locate.ts';
import { areaContains, prepareArea, type AreaGeometry } from './point-in-polygon.ts';

export type BBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

export type BoundaryPlace = {
	name: string;
	slug: string;
	/** A point inside the area: its centroid, or a nearby inner point when the centroid falls outside. */
	centre: { lat: number; lon: number };
	bbox: BBox;
	geometry: AreaGeometry;
};

export type MunicipioPlace = BoundaryPlace & { number: number };
/** `municipio`: the one holding the NIL's centre (NIL and municipi do not nest exactly). */
export type NilPlace = BoundaryPlace & { id: number; municipio: number };

let places: { municipi: MunicipioPlace[]; nil: NilPlace[] } | undefined;

export function loadBoundaryPlaces(): { municipi: MunicipioPlace[]; nil: NilPlace[] } {
	places ??= buildPlaces();
	return places;
}

function buildPlaces() {
	const municipi = readReferenceCollection<{ MUNICIPIO: number }>('municipi.geojson')
		.features.map((f): MunicipioPlace => {
			const number = Number(f.properties.MUNICIPIO);
			return { number, name: `Municipio ${number}`, slug: String(number), ...shape(f.geometry) };
		})
		.sort((a, b) => a.number - b.number);
	const nil = readReferenceCollection<{ ID_NIL: number; NIL: string }>('nil.geojson')
		.features.map((f): NilPlace => {
			const name = readableNilName(f.properties.NIL);
			const s = shape(f.geometry);
			const municipio = locateInMilan(s.centre.lat, s.centre.lon).municipio;
			if (municipio === null) throw new Error(`NIL ${f.properties.ID_NIL}: its centre is in no municipio`);
			return { id: Number(f.properties.ID_NIL), name, slug: slugify(name), municipio, ...s };
		})
		.sort((a, b) => a.id - b.id);
	return { municipi, nil };
}

function shape(geometry: AreaGeometry) {
	const outer = geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.coordinates.map((p) => p[0]!);
	const all = outer.flat();
	const bbox = {
		minLon: Math.min(...all.map((p) => p[0]!)),
		minLat: Math.min(...all.map((p) => p[1]!)),
		maxLon: Math.max(...all.map((p) => p[0]!)),
		maxLat: Math.max(...all.map((p) => p[1]!))
	};
	return { centre: innerCentre(geometry), bbox, geometry };
}

/**
 * The area-weighted centroid of the largest polygon's outer ring (planar lon/lat: fine at a city's
 * scale). A concave area can have its centroid outside; then the middle of the widest inside
 * stretch of the horizontal line through the centroid is used instead, which is always inside.
 */
export function innerCentre(geometry: AreaGeometry): { lat: number; lon: number } {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const withArea = polygons.map((rings) => ({ rings, ...ringCentroid(rings[0]!) }));
	const largest = withArea.sort((a, b) => Math.abs(b.area) - Math.abs(a.area))[0]!;
	const area = prepareArea(geometry);
	if (areaContains(area, largest.x, largest.y)) return { lat: largest.y, lon: largest.x };
	const y = largest.y;
	const crossings = largest.rings
		.flatMap((ring) =>
			ring.slice(1).flatMap((p, i) => {
				const q = ring[i]!;
				if (p[1]! > y === q[1]! > y) return [];
				return [q[0]! + ((p[0]! - q[0]!) * (y - q[1]!)) / (p[1]! - q[1]!)];
			})
		)
		.sort((a, b) => a - b);
	let best = { width: -1, x: largest.x };
	for (let i = 0; i + 1 < crossings.length; i += 2) {
		const width = crossings[i + 1]! - crossings[i]!;
		if (width > best.width) best = { width, x: (crossings[i]! + crossings[i + 1]!) / 2 };
	}
	return { lat: y, lon: best.x };
}

function ringCentroid(ring: number[][]): { x: number; y: number; area: number } {
	let a = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		const [x0, y0] = ring[i] as [number, number];
		const [x1, y1] = ring[i + 1] as [number, number];
		const cross = x0 * y1 - x1 * y0;
		a += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	a /= 2;
	return { x: cx / (6 * a), y: cy / (6 * a), area: a };
}
