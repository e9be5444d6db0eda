import { describe, expect, it } from 'vitest';
import { buildServiceJsonLd, serializeJsonLd, toOpeningHoursSpecification } from './json-ld.ts';
import type { ServicePage } from './queries.ts';

const page = {
	service: {
		id: 's1',
		slug: 'sportello-affitto',
		name: 'Sportello affitto',
		alternateName: null,
		description: 'Aiuto per pagare l’affitto </script><b>',
		url: 'https://www.comune.milano.it/affitto',
		freeOfCharge: true
	},
	organization: { id: 'o1', name: 'Comune di Milano – Direzione Welfare', slug: 'comune', website: 'https://www.comune.milano.it', email: null },
	areas: [{ id: 'contributi-assegni', name: 'Contributi e assegni', kind: 'subcategory', parent: { id: 'sostegno-economico', name: 'Sostegno economico' } }],
	audiences: [{ id: 'genitori', name: 'Genitori', kind: 'person_group', parent: null }],
	locations: [
		{
			id: 'l1',
			name: 'Sede',
			locationType: 'physical',
			latitude: 45.49,
			longitude: 9.2,
			addresses: [{ address1: 'Via Padova 276', address2: null, postalCode: '20132', city: 'Milano', stateProvince: 'MI', country: 'IT', addressType: 'physical' }],
			phones: [],
			schedules: [{ byday: 'WE', opensAt: '14:00', closesAt: '16:00' }]
		}
	],
	schedules: [{ byday: 'MO,TU', opensAt: '09:00:00', closesAt: '12:30:00', validFrom: '2026-01-01', validTo: null }],
	phones: [{ number: '02 88404440' }],
	languages: [{ code: 'it', name: 'Italiano' }]
} as unknown as ServicePage;

describe('buildServiceJsonLd', () => {
	const ld = buildServiceJsonLd(page, 'https://piazza.example');

	it('describes a GovernmentService with its provider and area', () => {
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'GovernmentService',
			name: 'Sportello affitto',
			url: 'https://piazza.example/servizi/sportello-affitto',
			provider: { '@type': 'GovernmentOrganization', name: 'Comune di Milano – Direzione Welfare', url: 'https://piazza.example/enti/comune' },
			areaServed: { '@type': 'City', name: 'Milano' },
			audience: { '@type': 'Audience', audienceType: 'Genitori' },
			isAccessibleForFree: true
		});
	});

	it('gives a channel with place, address, geo and phone', () => {
		expect(ld.availableChannel).toMatchObject({
			'@type': 'ServiceChannel',
			serviceUrl: 'https://www.comune.milano.it/affitto',
			serviceLocation: {
				'@type': 'Place',
				address: { '@type': 'PostalAddress', streetAddress: 'Via Padova 276', postalCode: '20132', addressLocality: 'Milano' },
				geo: { '@type': 'GeoCoordinates', latitude: 45.49, longitude: 9.2 }
			},
			servicePhone: { '@type': 'ContactPoint', telephone: '02 88404440' }
		});
	});

	it('lists opening hours of the service and its places', () => {
		expect(ld.hoursAvailable).toEqual([
			{
				'@type': 'OpeningHoursSpecification',
				dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Tuesday'],
				opens: '09:00',
				closes: '12:30',
				validFrom: '2026-01-01'
			},
			{ '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Wednesday'], opens: '14:00', closes: '16:00' }
		]);
	});

	it('calls a cooperative an Organization', () => {
		const coop = buildServiceJsonLd({ ...page, organization: { ...page.organization, name: 'Cooperativa Sociale Aurora' } }, 'https://x');
		expect((coop.provider as { '@type': string })['@type']).toBe('Organization');
	});

	it('serialises without a way to close the script element', () => {
		const text = serializeJsonLd(ld);
		expect(text).not.toContain('</script>');
		expect(JSON.parse(text).description).toBe('Aiuto per pagare l’affitto </script><b>');
	});
});

describe('toOpeningHoursSpecification', () => {
	it('leaves out monthly patterns and incomplete rows', () => {
		expect(toOpeningHoursSpecification([{ byday: '1TH', opensAt: '09:00', closesAt: '12:00' }, { byday: 'MO' }])).toEqual([]);
	});
});
