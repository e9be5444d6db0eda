/**
 * Geocoding behind one interface: typed text ("Via Padova 36", "Municipio 3", "Niguarda") to
 * places in Milan. Two implementations: an offline one on the city's street register and our own
 * geocoded directory (offline-geocoder.ts), and a client for a Nominatim-compatible service
 * (nominatim-geocoder.ts). `GEOCODER` chooses (see config.ts); when the remote service fails,
 * geocodeText() answers from the offline geocoder and says so.
 */
import { readGeocoderConfig, type GeocoderConfig } from '../config.ts';
import { getDb } from '../db/client.ts';
import { createNominatimGeocoder } from './nominatim-geocoder.ts';
import { createOfflineGeocoder } from './offline-geocoder.ts';
import { findGeocodedAddresses } from './queries.ts';

/**
 * How much the coordinates of a result can be trusted, from best to worst: the house itself, a
 * point on the street, the centre of the neighbourhood (NIL), of the municipio, of the city.
 */
export type GeocodePrecision = 'address' | 'street' | 'neighbourhood' | 'municipio' | 'city';

export type GeocodeResult = {
	/** What was understood, for people: "Via Padova 36, 20127", "Municipio 3", "Città Studi". */
	label: string;
	lat: number;
	lon: number;
	/** 1-9, null when the point is not in a municipio. */
	municipio: number | null;
	nilId: number | null;
	/** Five digits ("20127"), when known. */
	postalCode: string | null;
	precision: GeocodePrecision;
};

export type GeocodeOptions = { limit?: number };

export interface Geocoder {
	/** Places matching the text, best first; [] when nothing in Milan matches. */
	search(text: string, options?: GeocodeOptions): Promise<GeocodeResult[]>;
}

export const DEFAULT_GEOCODE_LIMIT = 5;
export const MAX_GEOCODE_LIMIT = 10;
export const MAX_GEOCODE_TEXT_LENGTH = 200;

/** The remote geocoder could not answer (timeout, network, HTTP error, unreadable reply). */
export class GeocoderUnavailableError extends Error {
	readonly reason: 'timeout' | 'network' | 'http' | 'invalid-response';

	constructor(reason: GeocoderUnavailableError['reason'], message: string, options: { cause?: unknown } = {}) {
		super(message, { cause: options.cause });
		this.name = 'GeocoderUnavailableError';
		this.reason = reason;
	}
}

export const limitOf = (options?: GeocodeOptions) =>
	Math.max(1, Math.min(MAX_GEOCODE_LIMIT, Math.trunc(options?.limit ?? DEFAULT_GEOCODE_LIMIT)));

let offline: Geocoder | undefined;
let configured: { key: string; geocoder: Geocoder } | undefined;

/** The offline geocoder of this process (the register and the directory's points load on first use). */
export function getOfflineGeocoder(): Geocoder {
	offline ??= createOfflineGeocoder({ loadKnownAddresses: async () => findGeocodedAddresses(await getDb()) });
	return offline;
}

/** The geocoder the configuration chooses. */
export function getGeocoder(config: GeocoderConfig = readGeocoderConfig()): Geocoder {
	if (config.kind === 'offline') return getOfflineGeocoder();
	const key = `${config.url}|${config.timeoutMs}`;
	if (configured?.key !== key) configured = { key, geocoder: createNominatimGeocoder(config) };
	return configured.geocoder;
}

export type GeocodeOutcome = {
	results: GeocodeResult[];
	/** True when the configured remote geocoder failed and the offline one answered instead. */
	fellBack: boolean;
};

/**
 * Geocodes with the configured geocoder; when a remote one is unavailable, answers from the
 * offline one (`fellBack`), so a search near an address never fails because a service is down.
 */
export async function geocodeText(
	text: string,
	options?: GeocodeOptions,
	geocoder: Geocoder = getGeocoder()
): Promise<GeocodeOutcome> {
	try {
		return { results: await geocoder.search(text, options), fellBack: false };
	} catch (cause) {
		if (!(cause instanceof GeocoderUnavailableError) || geocoder === getOfflineGeocoder()) throw cause;
		return { results: await getOfflineGeocoder().search(text, options), fellBack: true };
	}
}
