import { describe, expect, it } from 'vitest';
import { directionsHref, geoHref } from './directions.ts';

describe('directions links', () => {
	it('asks OpenStreetMap for a route to the point', () => {
		expect(directionsHref({ lat: 45.4642035, lon: 9.1899815 })).toBe(
			'https://www.openstreetmap.org/directions?to=45.464204%2C9.189982'
		);
	});

	it('writes a geo: URI, with the place name as a label when there is one', () => {
		expect(geoHref({ lat: 45.4642, lon: 9.19 })).toBe('geo:45.4642,9.19');
		expect(geoHref({ lat: 45.4642, lon: 9.19, name: 'Nido & Co' })).toBe('geo:45.4642,9.19?q=45.4642,9.19(Nido%20%26%20Co)');
	});
});
