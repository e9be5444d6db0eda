import { describe, expect, it } from 'vitest';
import { areaContains, prepareArea, type AreaGeometry } from './point-in-polygon.ts';

const square = (x0: number, y0: number, size: number) => [
	[x0, y0],
	[x0 + size, y0],
	[x0 + size, y0 + size],
	[x0, y0 + size],
	[x0, y0]
];

/** Plain ray casting over every edge: the reference the banded version must agree with. */
function naiveContains(geometry: AreaGeometry, x: number, y: number): boolean {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.some((rings) => {
		let inside = false;
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i]!;
				const [xj, yj] = ring[j]!;
				if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
			}
		}
		return inside;
	});
}

describe('areaContains', () => {
	it('tells inside from outside a polygon', () => {
		const area = prepareArea({ type: 'Polygon', coordinates: [square(0, 0, 10)] });
		expect(areaContains(area, 5, 5)).toBe(true);
		expect(areaContains(area, 0.001, 9.999)).toBe(true);
		expect(areaContains(area, 10.5, 5)).toBe(false);
		expect(areaContains(area, 5, -0.1)).toBe(false);
	});

	it('excludes the holes of a polygon', () => {
		const area = prepareArea({ type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
		expect(areaContains(area, 5, 5)).toBe(false);
		expect(areaContains(area, 3, 5)).toBe(true);
		expect(areaContains(area, 7, 5)).toBe(true);
	});

	it('accepts any polygon of a MultiPolygon', () => {
		const area = prepareArea({
			type: 'MultiPolygon',
			coordinates: [[square(0, 0, 1)], [square(5, 5, 1), square(5.25, 5.25, 0.5)]]
		});
		expect(areaContains(area, 0.5, 0.5)).toBe(true);
		expect(areaContains(area, 5.1, 5.1)).toBe(true);
		expect(areaContains(area, 5.5, 5.5)).toBe(false); // in the hole of the second polygon
		expect(areaContains(area, 3, 3)).toBe(false); // between the two, inside the overall box
	});

	it('handles concave shapes (a U): the notch is outside', () => {
		const u = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
		const area = prepareArea({ type: 'Polygon', coordinates: [u] });
		expect(areaContains(area, 1.5, 2)).toBe(false);
		expect(areaContains(area, 0.5, 2)).toBe(true);
		expect(areaContains(area, 2.5, 2)).toBe(true);
		expect(areaContains(area, 1.5, 0.5)).toBe(true);
	});

	it('agrees with plain ray casting on a many-vertex star, band by band', () => {
		const ring: number[][] = [];
		for (let i = 0; i < 2000; i++) {
			const angle = (i / 2000) * 2 * Math.PI;
			const r = i % 2 === 0 ? 1 : 0.6 + 0.3 * Math.sin(i);
			ring.push([r * Math.cos(angle), r * Math.sin(angle)]);
		}
		ring.push(ring[0]!);
		const geometry: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
		const area = prepareArea(geometry);
		let seed = 42;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2.4 - 1.2;
		let inside = 0;
		const disagreements: string[] = [];
		for (let k = 0; k < 3000; k++) {
			const [x, y] = [random(), random()];
			const expected = naiveContains(geometry, x, y);
			if (areaContains(area, x, y) !== expected) disagreements.push(`(${x}, ${y})`);
			if (expected) inside++;
		}
		expect(disagreements).toEqual([]);
		expect(inside).toBeGreaterThan(600); // the sample really tests both sides
	});

	it('rejects geometries that are not polygons', () => {
		expect(() => prepareArea({ type: 'Point', coordinates: [0, 0] } as never)).toThrow(/unsupported/);
	});
});
