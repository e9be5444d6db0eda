/**
 * What every converter needs besides its own file: whether a point lies in Milan (the city's
 * boundaries) and the postal code of an address when the source omits it or writes the old
 * catch-all 20100.
 */
import { locateInMilan } from '../geo/locate.ts';
import { Stradario } from './stradario.ts';

export type Point = { latitude: number; longitude: number };

export type SeedContext = {
	inMilan(point: Point): boolean;
	/**
	 * The five-digit CAP of a Milan address: the source's own when it is a real Milan CAP,
	 * else the street register's, else the CAP of the nearest address with a known CAP.
	 */
	postalCode(address: string, point?: Point, given?: string): string;
	/** Where the CAPs came from, for the seed's report. */
	postalCodeSources: { source: number; register: number; nearest: number };
};

/** A point with a known CAP (the Ministry's pharmacy register gives about 430 across the city). */
export type PostalPoint = Point & { postalCode: string };

/** Milan's delivery CAPs run from 20121 to 20162; 20100 is the old catch-all for the city. */
export function isMilanPostalCode(value: string | undefined): value is string {
	return !!value && /^201(2[1-9]|[3-5]\d|6[0-2])$/.test(value);
}

export function createSeedContext(stradarioCsv: string, postalPoints: PostalPoint[]): SeedContext {
	const stradario = new Stradario(stradarioCsv);
	const known = postalPoints.filter((p) => isMilanPostalCode(p.postalCode));
	const postalCodeSources = { source: 0, register: 0, nearest: 0 };
	return {
		inMilan: (p) => locateInMilan(p.latitude, p.longitude).municipio !== null,
		postalCodeSources,
		postalCode(address, point, given) {
			const cleaned = given?.replace(/\D/g, '');
			if (isMilanPostalCode(cleaned)) {
				postalCodeSources.source++;
				return cleaned;
			}
			const fromRegister = stradario.locate(address)?.postalCode;
			if (fromRegister) {
				postalCodeSources.register++;
				return fromRegister;
			}
			if (point && known.length > 0) {
				postalCodeSources.nearest++;
				return nearest(known, point).postalCode;
			}
			throw new Error(`CAP non trovato per "${address}"`);
		}
	};
}

function nearest(points: PostalPoint[], to: Point): PostalPoint {
	const cos = Math.cos((to.latitude * Math.PI) / 180);
	let best = points[0]!;
	let bestDistance = Infinity;
	for (const p of points) {
		const d = (p.latitude - to.latitude) ** 2 + ((p.longitude - to.longitude) * cos) ** 2;
		if (d < bestDistance) {
			best = p;
			bestDistance = d;
		}
	}
	return best;
}
