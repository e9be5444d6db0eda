import { describe, expect, it } from 'vitest';
import { formatPath, parseHsdsService } from './hsds-service.input.ts';

const minimal = {
	id: '2cef9007-e1a5-5c8a-b87b-a1f2257773cb',
	name: 'Custodi sociali',
	status: 'active',
	organization_id: 'a98656d3-a069-5344-9879-f07daa62e26f'
};

const reasonsOf = (raw: unknown) => {
	const result = parseHsdsService(raw);
	return result.ok ? [] : result.reasons;
};

describe('parseHsdsService', () => {
	it('accepts the three required fields and an organization reference', () => {
		const result = parseHsdsService(minimal);
		expect(result.ok).toBe(true);
	});

	it('names every missing required field in Italian', () => {
		expect(reasonsOf({ organization_id: minimal.organization_id })).toEqual([
			'id: campo obbligatorio mancante',
			'name: campo obbligatorio mancante',
			'status: deve essere uno tra: active, inactive, defunct, temporarily closed'
		]);
		expect(reasonsOf({ ...minimal, name: '   ' })).toEqual(['name: non può essere vuoto']);
	});

	it('reports wrong types with their JSON path', () => {
		expect(
			reasonsOf({
				...minimal,
				minimum_age: '12',
				phones: [{ number: 2 }],
				x_keywords: 'casa',
				x_curated: 'sì',
				attributes: [{ taxonomy_term: 'badanti' }]
			})
		).toEqual([
			'minimum_age: deve essere un numero, non il testo "12"',
			'phones[0].number: deve essere un testo, non 2',
			'attributes[0].taxonomy_term: deve essere un oggetto JSON, non il testo "badanti"',
			'x_keywords: deve essere un elenco (array JSON), non il testo "casa"',
			'x_curated: deve essere true o false, non il testo "sì"'
		]);
	});

	it('checks coordinates, ids, dates and times', () => {
		const reasons = reasonsOf({
			...minimal,
			id: 'servizio-1',
			schedules: [{ opens_at: '9.30', valid_from: '2025-02-30', wkst: 'LU' }],
			service_at_locations: [{ location: { latitude: 145, longitude: '9.19' } }]
		});
		expect(reasons).toEqual([
			'id: deve essere un UUID (32 cifre esadecimali nel formato 8-4-4-4-12)',
			'schedules[0].valid_from: deve essere una data valida nel formato AAAA-MM-GG',
			'schedules[0].wkst: deve essere uno tra: MO, TU, WE, TH, FR, SA, SU',
			'schedules[0].opens_at: deve essere un orario nel formato HH:MM (es. 09:00)',
			'service_at_locations[0].location.latitude: deve essere un numero tra -90 e 90',
			'service_at_locations[0].location.longitude: deve essere un numero tra -180 e 180'
		]);
	});

	it('asks for both coordinates, a place for each service_at_location and a term for each attribute', () => {
		expect(
			reasonsOf({
				...minimal,
				service_at_locations: [{ location: { latitude: 45.46 } }, { description: 'sede' }],
				attributes: [{ value: 'x' }]
			})
		).toEqual([
			'service_at_locations[0].location.longitude: latitudine e longitudine vanno indicate insieme',
			'service_at_locations[1].location: indicare il luogo (location o location_id)',
			'attributes[0].taxonomy_term: indicare il termine (taxonomy_term o taxonomy_term_id)'
		]);
	});

	it('needs an organization, consistent with organization_id', () => {
		const { organization_id: _, ...withoutOrganization } = minimal;
		expect(reasonsOf(withoutOrganization)).toEqual([
			"organization: indicare l'ente che offre il servizio (organization o organization_id)"
		]);
		expect(
			reasonsOf({ ...minimal, organization: { id: '0f2c8b1f-f39a-5c14-aef7-0a98c80c6211', name: 'Ente' } })
		).toEqual(['organization_id: non corrisponde a organization.id']);
	});

	it('normalises what is safe to normalise and drops unknown properties', () => {
		const result = parseHsdsService({
			...minimal,
			id: minimal.id.toUpperCase(),
			url: '  ',
			x_municipio: 4,
			schedules: [{ freq: 'weekly', opens_at: '9:00', closes_at: '18:00:00' }],
			attributes: [{ taxonomy_term_id: minimal.organization_id, value: 3 }]
		});
		if (!result.ok) throw new Error(result.reasons.join('; '));
		expect(result.value.id).toBe(minimal.id);
		expect(result.value.url).toBeNull();
		expect(result.value).not.toHaveProperty('x_municipio');
		expect(result.value.schedules![0]).toMatchObject({ freq: 'WEEKLY', opens_at: '09:00', closes_at: '18:00:00' });
		expect(result.value.attributes![0]!.value).toBe('3');
	});

	it('treats null as absent for optional fields', () => {
		expect(reasonsOf({ ...minimal, description: null, phones: null, minimum_age: null })).toEqual([]);
	});

	it('refuses what is not an object', () => {
		expect(reasonsOf([minimal])).toEqual(['il servizio deve essere un oggetto JSON, non un elenco']);
		expect(reasonsOf('servizio')).toEqual(['il servizio deve essere un oggetto JSON, non il testo "servizio"']);
	});
});

describe('formatPath', () => {
	it('writes array indexes in brackets', () => {
		expect(formatPath(['service_at_locations', 0, 'location', 'latitude'])).toBe(
			'service_at_locations[0].location.latitude'
		);
	});
});
