/**
 * A client for a Nominatim-compatible geocoder (nominatim.openstreetmap.org, or one's own):
 * `GET /search?format=jsonv2&q=...&countrycodes=it&viewbox=<Milan>&bounded=1&addressdetails=1`.
 * Results outside Milan's boundaries are dropped; municipio and NIL come from our own
 * point-in-polygon. A timeout, a network or HTTP error, or a reply that is not Nominatim's JSON
 * throws GeocoderUnavailableError. Answers are kept for an hour (the last CACHE_SIZE texts): every
 * page of a search near an address geocodes it again, and public Nominatim servers allow about
 * one request a second.
 */
import { z } from 'zod';
import type { GeocoderConfig } from '../config.ts';
import { loadBoundaryPlaces } from './boundaries.ts';
import { GeocoderUnavailableError, limitOf, type GeocodePrecision, type GeocodeResult, type Geocoder } from './geocoder.ts';
import { locateInMilan } from './locate.ts';

const place = z.object({
	lat: z.coerce.number(),
	lon: z.coerce.number(),
	display_name: z.string(),
	category: z.string().optional(),
	type: z.string().optional(),
	addresstype: z.string().optional(),
	address: z.record(z.string(), z.string()).optional()
});
const reply = z.array(place);
type Place = z.infer<typeof place>;

/** Nominatim's `addresstype` (or `type`) -> how precise the point is. */
function precisionOf(p: Place): GeocodePrecision {
	const kind = p.addresstype ?? p.type ?? '';
	if (['house', 'building', 'amenity', 'shop', 'office', 'place'].includes(kind) || p.address?.house_number) {
		return 'address';
	}
	if (['road', 'street', 'pedestrian', 'square', 'highway'].includes(kind)) return 'street';
	if (['suburb', 'neighbourhood', 'quarter', 'city_district', 'hamlet'].includes(kind)) return 'neighbourhood';
	if (kind === 'city' || kind === 'town' || kind === 'municipality') return 'city';
	return 'street';
}

/** "Via Padova 36, 20127" from the address details; the display name's first parts otherwise. */
function labelOf(p: Place): string {
	const a = p.address ?? {};
	const street = a.road ?? a.pedestrian ?? a.square;
	if (street) return [street + (a.house_number ? ` ${a.house_number}` : ''), a.postcode].filter(Boolean).join(', ');
	return p.display_name.split(',').slice(0, 2).join(',').trim();
}

const CACHE_SIZE = 500;
const CACHE_TTL_MS = 60 * 60 * 1000;

export function createNominatimGeocoder(config: Extract<GeocoderConfig, { kind: 'nominatim' }>): Geocoder {
	const { municipi } = loadBoundaryPlaces();
	const box = {
		minLon: Math.min(...municipi.map((m) => m.bbox.minLon)),
		minLat: Math.min(...municipi.map((m) => m.bbox.minLat)),
		maxLon: Math.max(...municipi.map((m) => m.bbox.maxLon)),
		maxLat: Math.max(...municipi.map((m) => m.bbox.maxLat))
	};
	const viewbox = [box.minLon, box.maxLat, box.maxLon, box.minLat].map((v) => v.toFixed(5)).join(',');
	const cache = new Map<string, { at: number; results: GeocodeResult[] }>();

	return {
		async search(text, options) {
			const limit = limitOf(options);
			const key = `${limit}|${text.trim().toLowerCase().replace(/\s+/g, ' ')}`;
			const cached = cache.get(key);
			if (cached && Date.now() - cached.at < CACHE_TTL_MS) return cached.results;
			const url = new URL(`${config.url}/search`);
			url.search = new URLSearchParams({
				format: 'jsonv2',
				q: text,
				countrycodes: 'it',
				viewbox,
				bounded: '1',
				addressdetails: '1',
				// Some of what comes back may fall just outside the city: ask for a few more.
				limit: String(Math.min(limit * 2, 20))
			}).toString();
			let response: Response;
			try {
				response = await fetch(url, {
					headers: { 'User-Agent': config.userAgent, Accept: 'application/json', 'Accept-Language': 'it' },
					signal: AbortSignal.timeout(config.timeoutMs)
				});
			} catch (cause) {
				const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
				throw new GeocoderUnavailableError(
					timedOut ? 'timeout' : 'network',
					timedOut ? `no answer in ${config.timeoutMs} ms` : 'request failed',
					{ cause }
				);
			}
			if (!response.ok) throw new GeocoderUnavailableError('http', `HTTP ${response.status}`);
			let body: unknown;
			try {
				body = await response.json();
			} catch (cause) {
				const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
				throw new GeocoderUnavailableError(timedOut ? 'timeout' : 'invalid-response', 'unreadable reply', { cause });
			}
			const parsed = reply.safeParse(body);
			if (!parsed.success) throw new GeocoderUnavailableError('invalid-response', 'not a Nominatim reply');
			const results: GeocodeResult[] = [];
			for (const p of parsed.data) {
				const where = locateInMilan(p.lat, p.lon);
				if (where.municipio === null) continue;
				const postcode = p.address?.postcode;
				results.push({
					label: labelOf(p),
					lat: p.lat,
					lon: p.lon,
					municipio: where.municipio,
					nilId: where.nilId,
					postalCode: postcode && /^\d{5}$/.test(postcode) ? postcode : null,
					precision: precisionOf(p)
				});
			}
			const answer = results.slice(0, limit);
			cache.delete(key);
			cache.set(key, { at: Date.now(), results: answer });
			if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
			return answer;
		}
	};
}
