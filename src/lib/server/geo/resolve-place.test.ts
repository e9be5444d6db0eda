import { describe, expect, it } from 'vitest';
import type { GeocodeResult, Geocoder } from './geocoder.ts';
import { renderPlaceFields } from './place-fields.ts';
import { describePlace, resolvePlace } from './resolve-place.ts';

const PADOVA: GeocodeResult = {
	label: 'Via Padova 36, 20131',
	lat: 45.4952,
	lon: 9.2283,
	municipio: 2,
	nilId: 20,
	postalCode: '20131',
	precision: 'street'
};

/** A geocoder that knows one place and counts its calls. */
function oneplace(): Geocoder & { calls: string[] } {
	const calls: string[] = [];
	return { calls, search: async (text) => (calls.push(text), /padova/i.test(text) ? [PADOVA] : []) };
}

describe('resolvePlace', () => {
	it('turns vicino= into near= and the default radius, replacing a point sent before', async () => {
		const geocoder = oneplace();
		const { query, place } = await resolvePlace(new URLSearchParams('q=nido&vicino=  via   padova 36 &near=45.1,9.1'), geocoder);
		expect(query.get('near')).toBe('45.4952,9.2283');
		expect(query.get('radius_km')).toBe('2');
		expect(query.get('q')).toBe('nido');
		expect(place).toEqual({ text: 'via padova 36', found: PADOVA, fellBack: false });
		expect(geocoder.calls).toEqual(['via padova 36']);
	});

	it('keeps a chosen radius, and leaves a query without vicino alone', async () => {
		const { query } = await resolvePlace(new URLSearchParams('vicino=via padova&radius_km=0.5'), oneplace());
		expect(query.get('radius_km')).toBe('0.5');
		const untouched = new URLSearchParams('q=casa&near=45.46,9.19');
		expect(await resolvePlace(untouched, oneplace())).toEqual({ query: untouched, place: null });
	});

	it('searches without a place it cannot find, or one too long to geocode', async () => {
		const geocoder = oneplace();
		const unknown = await resolvePlace(new URLSearchParams('vicino=Atlantide&near=45.1,9.1'), geocoder);
		expect(unknown.query.has('near')).toBe(false);
		expect(unknown.place).toMatchObject({ text: 'Atlantide', found: null });
		const long = await resolvePlace(new URLSearchParams({ vicino: 'via padova '.repeat(30) }), geocoder);
		expect(long.place!.found).toBeNull();
		expect(long.place!.text.length).toBe(200);
		expect(geocoder.calls).toEqual(['Atlantide']);
	});
});

describe('describePlace', () => {
	it('says what was understood and how precise it is, in Italian and English', () => {
		expect(describePlace({ text: 'via padova 36', found: PADOVA, fellBack: false }, 'it')).toEqual({
			text: 'Vicino a Via Padova 36, 20131 — precisione: via, punto approssimato.',
			warning: false
		});
		const municipio = { ...PADOVA, label: 'Municipio 4', precision: 'municipio' as const };
		expect(describePlace({ text: 'municipio 4', found: municipio, fellBack: true }, 'en')!.text).toBe(
			'Near Municipio 4 — precision: only the municipio is known: distances from its centre, very approximate. The address service is not answering: we used the City’s street register.'
		);
		expect(describePlace({ text: 'Atlantide', found: null, fellBack: false }, 'it')).toMatchObject({ warning: true });
		expect(describePlace(null, 'it')).toBeNull();
	});
});

describe('renderPlaceFields', () => {
	it('escapes the typed text and selects the radius, adding one not offered', () => {
		const html = renderPlaceFields('it', '"><script>alert(1)</script>', 3);
		expect(html).not.toContain('<script>');
		expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
		expect([...html.matchAll(/<option value="([\d.]+)"( selected)?>([^<]+)</g)].map((m) => [m[1], !!m[2], m[3]])).toEqual([
			['0.5', false, '0,5 km'],
			['1', false, '1 km'],
			['2', false, '2 km'],
			['3', true, '3 km'],
			['5', false, '5 km']
		]);
		expect(renderPlaceFields('en', '', null)).toContain('<option value="2" selected>2 km</option>');
		expect(renderPlaceFields('en', '', null)).toContain('>Near me</button>');
		expect(html).toMatch(/<button[^>]+id="search-place-me" hidden/);
	});
});
