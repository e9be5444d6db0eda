import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateInMilan, readableNilName } from './locate.ts';

describe('locateInMilan', () => {
	it('puts the Duomo in municipio 1, NIL 1 "Duomo"', () => {
		expect(locateInMilan(45.4642, 9.19)).toEqual({ municipio: 1, nilId: 1, nilName: 'Duomo' });
	});

	it('puts Via Padova 276 in municipio 2', () => {
		expect(locateInMilan(45.493965, 9.207517).municipio).toBe(2);
	});

	it('finds other municipi: Città Studi (3), Porta Ticinese (6), San Siro (7)', () => {
		expect(locateInMilan(45.4781, 9.2256)).toMatchObject({ municipio: 3, nilName: 'Città Studi' });
		expect(locateInMilan(45.4484, 9.1704)).toMatchObject({ municipio: 6, nilId: 44 });
		expect(locateInMilan(45.4781, 9.1235)).toMatchObject({ municipio: 7 });
	});

	it('returns nulls outside the city (Monza) and for non-numbers', () => {
		const nowhere = { municipio: null, nilId: null, nilName: null };
		expect(locateInMilan(45.58, 9.27)).toEqual(nowhere);
		expect(locateInMilan(0, 0)).toEqual(nowhere);
		expect(locateInMilan(Number.NaN, 9.19)).toEqual(nowhere);
	});

	it('respects the hole of NIL 85 (Parco delle Abbazie): the point is in Ronchetto delle Rane', () => {
		const nil = JSON.parse(readFileSync('data/reference/nil.geojson', 'utf8'));
		const abbazie = nil.features.find((f: { properties: { ID_NIL: number } }) => f.properties.ID_NIL === 85);
		const hole: number[][] = abbazie.geometry.coordinates[1];
		expect(hole).toBeDefined();
		const lon = hole.reduce((s, p) => s + p[0]!, 0) / hole.length;
		const lat = hole.reduce((s, p) => s + p[1]!, 0) / hole.length;
		expect(locateInMilan(lat, lon)).toMatchObject({ nilId: 40, nilName: 'Ronchetto delle Rane' });
	});
});

describe('readableNilName', () => {
	it.each([
		['RONCHETTO SUL NAVIGLIO - Q.RE LODOVICO IL MORO', 'Ronchetto sul Naviglio - Q.re Lodovico il Moro'],
		['NIGUARDA - CA\' GRANDA - PRATO CENTENARO', "Niguarda - Ca' Granda - Prato Centenaro"],
		["CITTA' STUDI", 'Città Studi'],
		["MONLUE' - PONTE LAMBRO", 'Monluè - Ponte Lambro'],
		['XXII MARZO', 'XXII Marzo'],
		['QT 8', 'QT 8'],
		['BAGGIO - Q.RE DEGLI OLMI - Q.RE VALSESIA', 'Baggio - Q.re degli Olmi - Q.re Valsesia'],
		['MAGENTA - S. VITTORE', 'Magenta - S. Vittore']
	])('%s -> %s', (upper, readable) => {
		expect(readableNilName(upper)).toBe(readable);
	});
});
