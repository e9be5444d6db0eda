/**
 * Geocoding without any request leaving the server. The street register gives an address's CAP
 * and municipio but no coordinates, so the point is the best honest estimate, and `precision`
 * says which it is:
 * - `address`: a location of our own directory at that very house number;
 * - `street`: between the directory's locations on the same street with the nearest house numbers
 *   below and above (else the nearest one);
 * - `municipio`: the street is known but no location of ours is on it: the municipio's centre.
 * "Municipio 3" gives the municipio's centre, a NIL's name ("Città Studi") the NIL's centre.
 */
import { parseStreetAddress, words, type Stradario } from '../seed/stradario.ts';
import { MILAN_CENTRE } from '../search/inputs.ts';
import { loadBoundaryPlaces, type MunicipioPlace, type NilPlace } from './boundaries.ts';
import { limitOf, type GeocodeOptions, type GeocodeResult, type Geocoder } from './geocoder.ts';
import { locateInMilan } from './locate.ts';
import { getStreetRegister, streetLabel } from './street-register.ts';

/** A geocoded address of the directory: `address` as written ("Via Padova 276"). */
export type KnownAddress = { address: string; lat: number; lon: number };

export type KnownPoint = { number: number | undefined; lat: number; lon: number };

export type OfflineGeocoderDeps = {
	/** Called once, on the first street lookup. */
	loadKnownAddresses: () => Promise<KnownAddress[]>;
	stradario?: Stradario;
};

/** "..., 20127 Milano (MI)": the city and province add nothing inside Milan; a CAP is kept apart. */
function clean(text: string): { text: string; postalCode: string | null } {
	const postalCode = /\b(20\d{3})\b/.exec(text)?.[1] ?? null;
	const rest = text
		.replace(/\b20\d{3}\b/, ' ')
		.replace(/[,\s]*\b(milano|milan)\b[\s,]*(\(?\s*mi\s*\)?)?\s*$/i, '')
		.replace(/\s+/g, ' ')
		.replace(/[\s,]+$/, '')
		.trim();
	return { text: rest, postalCode };
}

const MUNICIPIO = /^(?:municipio|mun\.?|zona)\s*(\d{1,2})$/i;

export function createOfflineGeocoder(deps: OfflineGeocoderDeps): Geocoder {
	let knownByStreet: Promise<Map<string, KnownPoint[]>> | undefined;
	const stradario = () => deps.stradario ?? getStreetRegister();

	async function indexKnownAddresses(): Promise<Map<string, KnownPoint[]>> {
		const byStreet = new Map<string, KnownPoint[]>();
		for (const known of await deps.loadKnownAddresses()) {
			// "Via Padova Ang. Via Toselli 2", "Via Padova 256 (Via Pieri 1)": the corner's number is not Via Padova's.
			const address = known.address.split(/\s*\(|\s+ang(?:olo)?\.?\s/i)[0]!;
			const match = stradario().match(address);
			if (!match) continue;
			// A point in another municipio than the register's is a geocoding slip of the source.
			if (locateInMilan(known.lat, known.lon).municipio !== match.houseNumber.municipio) continue;
			const list = byStreet.get(match.street.code) ?? [];
			list.push({ number: parseStreetAddress(address).number, lat: known.lat, lon: known.lon });
			byStreet.set(match.street.code, list);
		}
		return byStreet;
	}

	async function streetResult(text: string, postalCode: string | null): Promise<GeocodeResult | undefined> {
		const match = stradario().match(text);
		if (!match) return undefined;
		const { street, houseNumber, exact } = match;
		const asked = parseStreetAddress(text).number;
		knownByStreet ??= indexKnownAddresses().catch((cause) => {
			knownByStreet = undefined; // try again on the next search
			throw cause;
		});
		const points = (await knownByStreet).get(street.code) ?? [];
		const cap = exact || !postalCode ? houseNumber.postalCode : postalCode;
		const label = `${streetLabel(street)}${exact ? ` ${houseNumber.number}` : ''}, ${cap}`;
		const point = pointOnStreet(points, asked ?? houseNumber.number);
		if (point) {
			return {
				label,
				lat: point.lat,
				lon: point.lon,
				municipio: houseNumber.municipio,
				nilId: locateInMilan(point.lat, point.lon).nilId,
				postalCode: cap,
				precision: exact && point.number === houseNumber.number ? 'address' : 'street'
			};
		}
		const municipio = loadBoundaryPlaces().municipi.find((m) => m.number === houseNumber.municipio)!;
		return { ...municipioResult(municipio), label, nilId: null, postalCode: cap };
	}

	return {
		async search(text: string, options?: GeocodeOptions): Promise<GeocodeResult[]> {
			const limit = limitOf(options);
			if (/^\s*(milano|milan)\s*$/i.test(text)) return [cityResult()];
			const { text: query, postalCode } = clean(text);
			if (!query) return [];
			const { municipi, nil } = loadBoundaryPlaces();

			const m = MUNICIPIO.exec(query);
			if (m) {
				const municipio = municipi.find((x) => x.number === Number(m[1]));
				return municipio ? [municipioResult(municipio)] : [];
			}

			const parsed = parseStreetAddress(query);
			const looksLikeStreet = parsed.kind !== undefined || parsed.number !== undefined;
			const neighbourhoods = looksLikeStreet ? [] : matchingNil(nil, query).map(nilResult);
			const street = await streetResult(query, postalCode);
			const results = looksLikeStreet
				? [street, ...neighbourhoods]
				: [...neighbourhoods, street];
			return results.filter((r): r is GeocodeResult => r !== undefined).slice(0, limit);
		}
	};
}

/**
 * The best point for house number `target` from the directory's points on the street: the one
 * at that number; else between the nearest numbers below and above it (linear, as house numbers
 * run along a street); else the nearest number; else any point on the street.
 */
export function pointOnStreet(points: KnownPoint[], target: number): KnownPoint | undefined {
	const numbered = points.filter((p) => p.number !== undefined).sort((a, b) => a.number! - b.number!);
	const at = numbered.find((p) => p.number === target);
	if (at) return at;
	const below = numbered.findLast((p) => p.number! < target);
	const above = numbered.find((p) => p.number! > target);
	if (below && above) {
		const f = (target - below.number!) / (above.number! - below.number!);
		return { number: undefined, lat: below.lat + f * (above.lat - below.lat), lon: below.lon + f * (above.lon - below.lon) };
	}
	return below ?? above ?? points[0];
}

/** NILs whose name holds every word typed ("niguarda", "città studi", "ca granda"), whole names first. */
function matchingNil(nil: NilPlace[], query: string): NilPlace[] {
	const typed = words(query);
	if (typed.size === 0) return [];
	return nil
		.map((n) => ({ n, names: words(n.name) }))
		.filter(({ names }) => [...typed].every((w) => names.has(w)))
		.sort((a, b) => a.names.size - b.names.size)
		.map(({ n }) => n);
}

function nilResult(n: NilPlace): GeocodeResult {
	return {
		label: n.name,
		...n.centre,
		municipio: n.municipio,
		nilId: n.id,
		postalCode: null,
		precision: 'neighbourhood'
	};
}

function municipioResult(m: MunicipioPlace): GeocodeResult {
	return {
		label: m.name,
		...m.centre,
		municipio: m.number,
		nilId: locateInMilan(m.centre.lat, m.centre.lon).nilId,
		postalCode: null,
		precision: 'municipio'
	};
}

function cityResult(): GeocodeResult {
	const place = locateInMilan(MILAN_CENTRE.lat, MILAN_CENTRE.lon);
	return { label: 'Milano', ...MILAN_CENTRE, municipio: place.municipio, nilId: place.nilId, postalCode: null, precision: 'city' };
}
