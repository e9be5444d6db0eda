import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSeedContext } from '../context.ts';
import { buildService } from '../hsds.ts';
import { pharmacyPostalPoints } from './pharmacies.ts';
import { convertSsptOffices, parseOpeningHours } from './sspt-offices.ts';

const ctx = createSeedContext(
	readFileSync('data/seed/milano/stradario_civici_cap_sezione_municipio.csv', 'utf8'),
	pharmacyPostalPoints(readFileSync('data/seed/milano/farmacie_ministero_salute_geocoded_2018.csv', 'utf8'))
);

describe('parseOpeningHours', () => {
	it('reads the office hours of ds1303', () => {
		expect(parseOpeningHours('Dalle 8:00 alle 18:00 dal lunedi al sabato')).toEqual({
			byday: 'MO,TU,WE,TH,FR,SA',
			opensAt: '08:00',
			closesAt: '18:00'
		});
		expect(parseOpeningHours('dalle 9.30 alle 12.30 dal lunedì al venerdì')?.byday).toBe('MO,TU,WE,TH,FR');
		expect(parseOpeningHours('su appuntamento')).toBeUndefined();
	});
});

describe('convertSsptOffices', () => {
	const drafts = convertSsptOffices(readFileSync('data/seed/milano/sspt_sedi_ds1303_excerpt_sportello_amico.json', 'utf8'), ctx);
	const services = drafts.map(buildService);

	it('makes one service per office, all nine municipi covered', () => {
		expect(services).toHaveLength(19);
		const municipi = new Set(services.map((s) => /Municipio (\d)/.exec(s.name)![1]));
		expect(municipi.size).toBe(9);
		expect(new Set(services.map((s) => s.name)).size).toBe(19);
	});

	it('classifies the offices under Informazioni / Orientamento ai servizi sociali', () => {
		for (const s of services) {
			const codes = s.attributes.map((a) => a.taxonomy_term.code);
			expect(codes).toContain('informazioni');
			expect(codes).toContain('orientamento-servizi-sociali');
		}
	});

	it('keeps the phone, hours, address details and access rules of the source', () => {
		const first = services.find((s) => s.name === 'Servizio Sociale Municipio 1')!;
		expect(first.phones[0]).toMatchObject({ number: '020202' });
		expect(first.phones[0]!.description).toContain('il tasto 4 e poi il tasto 1');
		expect(first.schedules[0]).toMatchObject({ byday: 'MO,TU,WE,TH,FR,SA', opens_at: '08:00', closes_at: '18:00' });
		const address = first.service_at_locations[0]!.location.addresses[0]!;
		expect(address).toMatchObject({ address_1: 'Via Rugabella 4', postal_code: '20122', city: 'Milano' });
		expect(address.address_2).toBe('scala A - 4 piano');
		expect(first.x_how_to_access).toMatch(/solo su appuntamento/);
		const phoneOnly = services.find((s) => s.name.includes('Segesta'))!;
		expect(phoneOnly.x_how_to_access).toMatch(/solo per telefono/);
	});

	it('leaves the four offices the source gives no point for without coordinates, but with a CAP', () => {
		const withoutPoint = services.filter((s) => s.service_at_locations[0]!.location.latitude === undefined);
		expect(withoutPoint.map((s) => s.service_at_locations[0]!.location.addresses[0]!.address_1).sort()).toEqual([
			'Via Adolfo Consolini 24',
			'Via Antonio Aldini 72',
			'Via Augusto Anfossi 25',
			'Via Sant’Arnaldo 17'
		]);
		for (const s of services) expect(s.service_at_locations[0]!.location.addresses[0]!.postal_code).toMatch(/^201\d\d$/);
	});
});
