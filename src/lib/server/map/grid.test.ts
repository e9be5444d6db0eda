import { describe, expect, it } from 'vitest';
import { alignToCells, cellShift, fromPixel, pixelsToBbox, splittingZoom, toPixel, viewPixels } from './grid.ts';

const DUOMO = { lon: 9.19, lat: 45.4642 };

describe('toPixel / fromPixel', () => {
	it('puts the meeting of the Greenwich meridian and the equator in the middle of the world', () => {
		expect(toPixel(0, 0)).toEqual({ x: 2 ** 29, y: 2 ** 29 });
		expect(toPixel(-180, 85.0511).x).toBe(0);
		expect(toPixel(-180, 85.0511).y).toBeLessThan(1000); // a few metres from the projection's edge
	});

	it('comes back to the same place within a few centimetres', () => {
		const { x, y } = toPixel(DUOMO.lon, DUOMO.lat);
		const back = fromPixel(x, y);
		expect(Math.abs(back.lon - DUOMO.lon)).toBeLessThan(1e-6);
		expect(Math.abs(back.lat - DUOMO.lat)).toBeLessThan(1e-6);
	});

	it('clamps the poles instead of failing', () => {
		expect(Number.isFinite(toPixel(0, 90).y)).toBe(true);
		expect(Number.isFinite(toPixel(0, -90).y)).toBe(true);
	});
});

describe('cells', () => {
	it('are 64 screen pixels: 28 - zoom bits of the stored pixel, none past zoom 28', () => {
		expect(cellShift(11)).toBe(17);
		expect(cellShift(17)).toBe(11);
		expect(cellShift(30)).toBe(0);
	});

	it('widen a view to whole cells, so a group on its edge keeps all its places', () => {
		const view = viewPixels({ west: 9.15, south: 45.45, east: 9.22, north: 45.49 });
		expect(view.x0).toBeLessThan(view.x1);
		expect(view.y0).toBeLessThan(view.y1); // y grows southwards
		const shift = cellShift(13);
		const aligned = alignToCells(view, shift);
		expect(aligned.x0 % 2 ** shift).toBe(0);
		expect((aligned.x1 + 1) % 2 ** shift).toBe(0);
		expect(aligned.x0).toBeLessThanOrEqual(view.x0);
		expect(aligned.y1).toBeGreaterThanOrEqual(view.y1);
		const wider = alignToCells(view, shift, 1);
		expect(aligned.x0 - wider.x0).toBe(2 ** shift);
		expect(wider.y1 - aligned.y1).toBe(2 ** shift);
		const degrees = pixelsToBbox(aligned);
		expect(degrees.west).toBeLessThanOrEqual(9.15);
		expect(degrees.north).toBeGreaterThanOrEqual(45.49);
	});
});

describe('splittingZoom', () => {
	it('says nothing splits places at one spot', () => {
		expect(splittingZoom({ west: 9.19, east: 9.19, south: 45.4642, north: 45.4642 })).toBeNull();
	});

	it('splits places 40 m apart by zoom 18 (27 m cells) at the latest, places across the city at once', () => {
		const near = splittingZoom({ west: 9.19, east: 9.1905, south: 45.4642, north: 45.4642 })!;
		expect(near).toBeLessThanOrEqual(18);
		const far = splittingZoom({ west: 9.08, east: 9.25, south: 45.41, north: 45.52 })!;
		expect(far).toBeLessThanOrEqual(11);
	});

	it('is the first zoom at which the two corners fall in different cells', () => {
		const box = { west: 9.19, east: 9.1905, south: 45.4642, north: 45.4646 };
		const zoom = splittingZoom(box)!;
		const cellOf = (lon: number, lat: number, z: number) => {
			const p = toPixel(lon, lat);
			return `${p.x >> cellShift(z)} ${p.y >> cellShift(z)}`;
		};
		expect(cellOf(box.west, box.north, zoom)).not.toBe(cellOf(box.east, box.south, zoom));
		expect(cellOf(box.west, box.north, zoom - 1)).toBe(cellOf(box.east, box.south, zoom - 1));
	});
});
