import { describe, expect, it } from 'vitest';
import { geocodeText, GeocoderUnavailableError, type Geocoder } from './geocoder.ts';
import { locateInMilan } from './locate.ts';
import { createOfflineGeocoder, pointOnStreet, type KnownAddress } from './offline-geocoder.ts';

/** Points as the directory holds them (address as written, WGS84). */
const KNOWN: KnownAddress[] = [
	{ address: 'Via Padova 91', lat: 45.4951979, lon: 9.2283019 },
	{ address: 'Via Padova 109', lat: 45.4966923, lon: 9.2306383 },
	{ address: 'Via Padova Ang. Via Toselli 2', lat: 45.5002337, lon: 9.2347832 },
	{ address: 'Via Padova 269', lat: 45.5078977, lon: 9.2452948 }
];

const geocoder = (known = KNOWN) => createOfflineGeocoder({ loadKnownAddresses: async () => known });

describe('offline geocoder: streets', () => {
	it('finds Via Padova 36 in municipio 2 with its CAP, on the street (no location of ours at 36)', async () => {
		const [result] = await geocoder().search('Via Padova 36');
		expect(result).toMatchObject({ label: 'Via Padova 36, 20131', municipio: 2, postalCode: '20131', precision: 'street' });
		// the nearest numbered point (91), not the corner "Ang. Via Toselli 2"
		expect(result).toMatchObject({ lat: 45.4951979, lon: 9.2283019 });
	});

	it('says "address" at a house number the directory knows, and puts it in its NIL', async () => {
		const [result] = await geocoder().search('via padova 109, 20127 Milano (MI)');
		expect(result).toMatchObject({ precision: 'address', lat: 45.4966923, municipio: 2 });
		expect(result!.nilId).toBe(locateInMilan(45.4966923, 9.2306383).nilId);
	});

	it('places a number between two known ones along the street', async () => {
		const [result] = await geocoder().search('Via Padova 100');
		expect(result!.precision).toBe('street');
		expect(result!.lat).toBeGreaterThan(45.4951979);
		expect(result!.lat).toBeLessThan(45.4966923);
	});

	it('falls back to the municipio centre, and says so, on a street with no location of ours', async () => {
		const [result] = await geocoder().search('Corso Buenos Aires 20');
		expect(result).toMatchObject({ label: 'Corso Buenos Aires 20, 20124', municipio: 3, precision: 'municipio', nilId: null });
		expect(locateInMilan(result!.lat, result!.lon).municipio).toBe(3);
	});

	it('understands abbreviations and leaves out a house number the register does not have', async () => {
		const [viale] = await geocoder().search('V.le Abruzzi 4');
		expect(viale).toMatchObject({ label: 'Viale Abruzzi 4, 20131', municipio: 3 });
		const [far] = await geocoder().search('Via Padova 9999');
		expect(far!.label).toBe('Via Padova, 20132');
	});

	it('returns nothing for an unknown street or empty text', async () => {
		expect(await geocoder().search('Via Zzyzx Qwerty 4')).toEqual([]);
		expect(await geocoder().search('   ')).toEqual([]);
		expect(await geocoder().search(', Milano')).toEqual([]);
	});
});

describe('offline geocoder: places', () => {
	it('reads "Municipio 3" and "municipio 3" as the municipio centre', async () => {
		for (const text of ['Municipio 3', 'municipio 3', 'MUNICIPIO 3']) {
			const [result] = await geocoder().search(text);
			expect(result).toMatchObject({ label: 'Municipio 3', municipio: 3, precision: 'municipio' });
			expect(locateInMilan(result!.lat, result!.lon).municipio).toBe(3);
		}
		expect(await geocoder().search('Municipio 12')).toEqual([]);
	});

	it('reads a NIL name as the NIL centre: Città Studi, citta studi, Niguarda', async () => {
		const [studi] = await geocoder().search('Città Studi');
		expect(studi).toMatchObject({ label: 'Città Studi', nilId: 22, municipio: 3, precision: 'neighbourhood' });
		expect((await geocoder().search('citta studi'))[0]!.nilId).toBe(22);
		const [niguarda] = await geocoder().search('Niguarda');
		expect(niguarda).toMatchObject({ nilId: 14, municipio: 9, precision: 'neighbourhood' });
		expect(locateInMilan(niguarda!.lat, niguarda!.lon).nilId).toBe(14);
	});

	it('offers the NIL first and the street after for a name that is both', async () => {
		const results = await geocoder().search('Buenos Aires');
		expect(results.map((r) => r.precision)).toEqual(['neighbourhood', 'municipio']);
		expect(results[1]!.label).toMatch(/^Corso Buenos Aires/);
		expect(await geocoder().search('Buenos Aires', { limit: 1 })).toHaveLength(1);
	});

	it('reads "Milano" as the city centre', async () => {
		expect((await geocoder().search('Milano'))[0]).toMatchObject({ precision: 'city', municipio: 1 });
	});

	it('loads the directory points once, and again after a failure', async () => {
		let calls = 0;
		const flaky = createOfflineGeocoder({
			loadKnownAddresses: async () => {
				calls++;
				if (calls === 1) throw new Error('database down');
				return KNOWN;
			}
		});
		await expect(flaky.search('Via Padova 91')).rejects.toThrow('database down');
		expect((await flaky.search('Via Padova 91'))[0]!.precision).toBe('address');
		await flaky.search('Via Padova 109');
		expect(calls).toBe(2);
	});
});

describe('pointOnStreet', () => {
	const pts = [
		{ number: 10, lat: 1, lon: 1 },
		{ number: 30, lat: 3, lon: 5 },
		{ number: undefined, lat: 9, lon: 9 }
	];
	it('takes the exact number, interpolates between two, else the nearest, else any point', () => {
		expect(pointOnStreet(pts, 10)).toBe(pts[0]);
		expect(pointOnStreet(pts, 20)).toMatchObject({ lat: 2, lon: 3 });
		expect(pointOnStreet(pts, 40)).toBe(pts[1]);
		expect(pointOnStreet([pts[2]!], 4)).toBe(pts[2]);
		expect(pointOnStreet([], 4)).toBeUndefined();
	});
});

describe('geocodeText', () => {
	it('answers from the offline geocoder when the remote one is unavailable, and says so', async () => {
		const down: Geocoder = {
			search: async () => {
				throw new GeocoderUnavailableError('timeout', 'no answer in 3000 ms');
			}
		};
		const outcome = await geocodeText('Municipio 4', {}, down);
		expect(outcome.fellBack).toBe(true);
		expect(outcome.results[0]).toMatchObject({ municipio: 4, precision: 'municipio' });
	});

	it('does not hide other errors', async () => {
		const broken: Geocoder = {
			search: async () => {
				throw new TypeError('bug');
			}
		};
		await expect(geocodeText('Municipio 4', {}, broken)).rejects.toThrow('bug');
	});
});
