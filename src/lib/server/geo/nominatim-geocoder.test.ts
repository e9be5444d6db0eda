/**
 * The Nominatim client against a small local server that speaks Nominatim's JSON (and, on
 * request, answers garbage, an error, or nothing at all).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readGeocoderConfig } from '../config.ts';
import { geocodeText, GeocoderUnavailableError } from './geocoder.ts';
import { createNominatimGeocoder } from './nominatim-geocoder.ts';

const PORT = 3320;
const URL_BASE = `http://127.0.0.1:${PORT}`;

type Reply = { status?: number; body?: string; stall?: boolean };
let reply: Reply = {};
let requests: IncomingMessage[] = [];
let server: Server;

/** What nominatim.openstreetmap.org answers for "via padova 36 milano" (trimmed), plus one in Monza. */
const PLACES = [
	{
		place_id: 1,
		lat: '45.4892381',
		lon: '9.2196713',
		category: 'place',
		type: 'house',
		addresstype: 'place',
		display_name: '36, Via Padova, NoLo, Municipio 2, Milano, Lombardia, 20131, Italia',
		address: { house_number: '36', road: 'Via Padova', suburb: 'Municipio 2', city: 'Milano', postcode: '20131' }
	},
	{
		place_id: 2,
		lat: '45.4950',
		lon: '9.2280',
		category: 'highway',
		type: 'primary',
		addresstype: 'road',
		display_name: 'Via Padova, Municipio 2, Milano, 20127, Italia',
		address: { road: 'Via Padova', city: 'Milano', postcode: '20127' }
	},
	{
		place_id: 3,
		lat: '45.5845',
		lon: '9.2744',
		category: 'highway',
		type: 'residential',
		addresstype: 'road',
		display_name: 'Via Padova, Monza, 20900, Italia',
		address: { road: 'Via Padova', city: 'Monza', postcode: '20900' }
	}
];

beforeAll(async () => {
	server = createServer((req, res) => {
		requests.push(req);
		if (reply.stall) return; // never answers
		res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
		res.end(reply.body ?? JSON.stringify(PLACES));
	});
	await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	reply = {};
	requests = [];
});

const config = readGeocoderConfig({ GEOCODER: 'nominatim', NOMINATIM_URL: `${URL_BASE}/`, GEOCODER_TIMEOUT_MS: '3000', PUBLIC_ORIGIN: 'https://piazza.example' });
const nominatimConfig = config as Extract<typeof config, { kind: 'nominatim' }>;
const nominatim = (timeoutMs = nominatimConfig.timeoutMs) => createNominatimGeocoder({ ...nominatimConfig, timeoutMs });

describe('Nominatim geocoder', () => {
	it('asks for Milan only, with a User-Agent, and keeps the results inside the city', async () => {
		const results = await nominatim().search('via padova 36', { limit: 5 });
		const url = new URL(requests[0]!.url!, URL_BASE);
		expect(url.pathname).toBe('/search');
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			format: 'jsonv2',
			q: 'via padova 36',
			countrycodes: 'it',
			bounded: '1',
			addressdetails: '1'
		});
		const [west, north, east, south] = url.searchParams.get('viewbox')!.split(',').map(Number);
		expect(west).toBeLessThan(9.19);
		expect(east).toBeGreaterThan(9.19);
		expect(north).toBeGreaterThan(45.4642);
		expect(south).toBeLessThan(45.4642);
		expect(requests[0]!.headers['user-agent']).toBe('Piazza/0.1 (https://piazza.example)');

		expect(results).toHaveLength(2); // Monza dropped
		expect(results[0]).toEqual({
			label: 'Via Padova 36, 20131',
			lat: 45.4892381,
			lon: 9.2196713,
			municipio: 2,
			nilId: expect.any(Number),
			postalCode: '20131',
			precision: 'address'
		});
		expect(results[1]).toMatchObject({ label: 'Via Padova, 20127', precision: 'street', municipio: 2 });
	});

	it('respects the limit', async () => {
		expect(await nominatim().search('via padova', { limit: 1 })).toHaveLength(1);
	});

	it('asks once for the same text (pages of one search), again for another text; errors are not kept', async () => {
		const geocoder = nominatim();
		const first = await geocoder.search('Via Padova 36');
		expect(await geocoder.search('  via padova   36 ')).toEqual(first);
		expect(requests).toHaveLength(1);
		await geocoder.search('Via Padova 38');
		expect(requests).toHaveLength(2);
		reply = { status: 503, body: '{}' };
		await expect(geocoder.search('Viale Monza 1')).rejects.toBeInstanceOf(GeocoderUnavailableError);
		reply = {};
		expect(await geocoder.search('Viale Monza 1')).toHaveLength(2);
		expect(requests).toHaveLength(4);
	});

	it('turns garbage, errors, silence and a closed port into GeocoderUnavailableError', async () => {
		const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

		reply = { body: '<html>Service Unavailable</html>' };
		expect(await failure(nominatim().search('x'))).toMatchObject({ name: 'GeocoderUnavailableError', reason: 'invalid-response' });

		reply = { body: JSON.stringify({ error: 'Unable to geocode' }) };
		expect(await failure(nominatim().search('x'))).toMatchObject({ reason: 'invalid-response' });

		reply = { body: JSON.stringify([{ lat: 'north', lon: 9 }]) };
		expect(await failure(nominatim().search('x'))).toMatchObject({ reason: 'invalid-response' });

		reply = { status: 503, body: '{}' };
		expect(await failure(nominatim().search('x'))).toMatchObject({ reason: 'http' });

		reply = { stall: true };
		const started = Date.now();
		const stalled = await failure(nominatim(300).search('x'));
		expect(stalled).toBeInstanceOf(GeocoderUnavailableError);
		expect(stalled).toMatchObject({ reason: 'timeout' });
		expect(Date.now() - started).toBeLessThan(2900); // the timeout, not the 3 s default

		const closed = createNominatimGeocoder({ ...nominatimConfig, url: 'http://127.0.0.1:3329' });
		expect(await failure(closed.search('x'))).toMatchObject({ reason: 'network' });
	});

	it('falls back to the offline geocoder when the service is down', async () => {
		reply = { status: 500, body: 'oops' };
		const outcome = await geocodeText('Municipio 5', {}, nominatim());
		expect(outcome).toMatchObject({ fellBack: true, results: [{ label: 'Municipio 5', precision: 'municipio' }] });
	});
});

describe('readGeocoderConfig', () => {
	it('is offline by default and refuses a half-configured Nominatim', () => {
		expect(readGeocoderConfig({})).toEqual({ kind: 'offline' });
		expect(() => readGeocoderConfig({ GEOCODER: 'nominatim' })).toThrow(/NOMINATIM_URL/);
		expect(() => readGeocoderConfig({ GEOCODER: 'google' })).toThrow(/offline/);
		expect(readGeocoderConfig({ GEOCODER: 'nominatim', NOMINATIM_URL: 'http://x/', GEOCODER_TIMEOUT_MS: 'abc' })).toMatchObject({
			url: 'http://x',
			timeoutMs: 3000
		});
	});
});
