/**
 * Point-in-polygon by ray casting (even-odd rule) on GeoJSON Polygon and MultiPolygon
 * geometries in lon/lat. Geometries are prepared once: a bounding box per polygon and, per ring,
 * its edges bucketed into horizontal bands, so a lookup only tests the few edges that can cross
 * the point's latitude instead of every vertex (Milan's municipi have up to 9,000 vertices and
 * the benchmark locates 100,000 points).
 */

type Position = number[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

type BBox = { minX: number; minY: number; maxX: number; maxY: number };

type PreparedRing = {
	xs: Float64Array;
	ys: Float64Array;
	minY: number;
	maxY: number;
	bandHeight: number;
	/** CSR layout: the edges of band b are edgeStarts[bandOffsets[b] .. bandOffsets[b + 1]). */
	bandOffsets: Uint32Array;
	edgeStarts: Uint32Array;
};

/** One polygon: its outer ring and holes share the even-odd count, so holes need no special case. */
type PreparedPolygon = { bbox: BBox; rings: PreparedRing[] };

export type PreparedArea = { bbox: BBox; polygons: PreparedPolygon[] };

/** About this many edges per band; more bands cost memory, fewer cost edge tests. */
const EDGES_PER_BAND = 8;
const MAX_BANDS = 1024;

function prepareRing(ring: Position[]): PreparedRing {
	// GeoJSON rings repeat the first vertex at the end; the closing edge is implicit below.
	const closed = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];
	const n = closed ? ring.length - 1 : ring.length;
	const xs = new Float64Array(n);
	const ys = new Float64Array(n);
	let minY = Infinity;
	let maxY = -Infinity;
	for (let i = 0; i < n; i++) {
		xs[i] = ring[i]![0]!;
		ys[i] = ring[i]![1]!;
		if (ys[i]! < minY) minY = ys[i]!;
		if (ys[i]! > maxY) maxY = ys[i]!;
	}
	const bandCount = Math.max(1, Math.min(MAX_BANDS, Math.ceil(n / EDGES_PER_BAND)));
	const bandHeight = (maxY - minY) / bandCount || 1;
	const bandOf = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));

	// Edge i runs from vertex i-1 (wrapping) to vertex i. Two passes: count, then fill.
	const counts = new Uint32Array(bandCount + 1);
	for (let i = 0; i < n; i++) {
		const j = i === 0 ? n - 1 : i - 1;
		const lo = bandOf(Math.min(ys[i]!, ys[j]!));
		const hi = bandOf(Math.max(ys[i]!, ys[j]!));
		for (let b = lo; b <= hi; b++) counts[b + 1]!++;
	}
	const bandOffsets = new Uint32Array(bandCount + 1);
	for (let b = 0; b < bandCount; b++) bandOffsets[b + 1] = bandOffsets[b]! + counts[b + 1]!;
	const edgeStarts = new Uint32Array(bandOffsets[bandCount]!);
	const cursor = bandOffsets.slice(0, bandCount);
	for (let i = 0; i < n; i++) {
		const j = i === 0 ? n - 1 : i - 1;
		const lo = bandOf(Math.min(ys[i]!, ys[j]!));
		const hi = bandOf(Math.max(ys[i]!, ys[j]!));
		for (let b = lo; b <= hi; b++) edgeStarts[cursor[b]!++] = i;
	}
	return { xs, ys, minY, maxY, bandHeight, bandOffsets, edgeStarts };
}

/** Whether a horizontal ray from (x, y) towards +x crosses the ring an odd number of times. */
function ringCrossesOdd(ring: PreparedRing, x: number, y: number): boolean {
	if (y < ring.minY || y > ring.maxY) return false;
	const bands = ring.bandOffsets.length - 1;
	const band = Math.min(bands - 1, Math.floor((y - ring.minY) / ring.bandHeight));
	const { xs, ys, edgeStarts } = ring;
	const n = xs.length;
	let inside = false;
	for (let k = ring.bandOffsets[band]!, end = ring.bandOffsets[band + 1]!; k < end; k++) {
		const i = edgeStarts[k]!;
		const j = i === 0 ? n - 1 : i - 1;
		const yi = ys[i]!;
		const yj = ys[j]!;
		if (yi > y !== yj > y && x < ((xs[j]! - xs[i]!) * (y - yi)) / (yj - yi) + xs[i]!) inside = !inside;
	}
	return inside;
}

function bboxOf(rings: Position[][]): BBox {
	const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
	for (const ring of rings) {
		for (const [x, y] of ring) {
			if (x! < box.minX) box.minX = x!;
			if (x! > box.maxX) box.maxX = x!;
			if (y! < box.minY) box.minY = y!;
			if (y! > box.maxY) box.maxY = y!;
		}
	}
	return box;
}

const inBBox = (b: BBox, x: number, y: number) => x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY;

export function prepareArea(geometry: AreaGeometry): PreparedArea {
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
		throw new Error(`unsupported geometry type: ${(geometry as { type: string }).type}`);
	}
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const prepared = polygons
		.filter((rings) => rings.length > 0)
		.map((rings) => ({ bbox: bboxOf(rings), rings: rings.map(prepareRing) }));
	const bbox = {
		minX: Math.min(...prepared.map((p) => p.bbox.minX)),
		minY: Math.min(...prepared.map((p) => p.bbox.minY)),
		maxX: Math.max(...prepared.map((p) => p.bbox.maxX)),
		maxY: Math.max(...prepared.map((p) => p.bbox.maxY))
	};
	return { bbox, polygons: prepared };
}

/** True when (x, y) = (lon, lat) lies inside the area (inside an outer ring and outside its holes). */
export function areaContains(area: PreparedArea, x: number, y: number): boolean {
	if (!inBBox(area.bbox, x, y)) return false;
	for (const polygon of area.polygons) {
		if (!inBBox(polygon.bbox, x, y)) continue;
		let inside = false;
		for (const ring of polygon.rings) if (ringCrossesOdd(ring, x, y)) inside = !inside;
		if (inside) return true;
	}
	return false;
}
