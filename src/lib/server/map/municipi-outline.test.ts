import { describe, expect, it } from 'vitest';
import { municipiOutline, simplifyLine } from './municipi-outline.ts';

describe('simplifyLine', () => {
	it('drops points closer to the line than the tolerance and keeps the corners', () => {
		const line: [number, number][] = [
			[0, 0],
			[1, 0.00001],
			[2, 0],
			[2, 1],
			[2.00001, 2]
		];
		expect(simplifyLine(line, 0.001)).toEqual([
			[0, 0],
			[2, 0],
			[2.00001, 2]
		]);
	});
});

describe('municipiOutline', () => {
	const outline = municipiOutline();

	it('has the nine municipi, named, in order, small enough to send', () => {
		expect(outline.features.map((f) => f.properties.name)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Municipio ${n}`));
		const size = JSON.stringify(outline).length;
		expect(size).toBeLessThan(120_000);
		expect(size).toBeGreaterThan(10_000);
	});

	it('keeps every ring closed', () => {
		for (const f of outline.features) {
			const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
			for (const ring of polygons.flat()) {
				expect(ring.length).toBeGreaterThanOrEqual(4);
				expect(ring[0]).toEqual(ring.at(-1));
			}
		}
	});

});
