/**
 * The search parameters at the boundary (the /cerca form, GET /api/search): parsed and checked
 * once, with a plain Italian message naming the field at fault. The free text is never an
 * error: it is cleaned and cut to 200 characters; query analysis turns it into sanitised
 * stems, so quotes, operators, SQL or emoji are just separators.
 */
import { z } from 'zod';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { cleanQuery } from './normalize.ts';
import type { SearchParams } from './types.ts';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_PAGE = 1000;
export const MAX_RADIUS_KM = 50;
/** Piazza del Duomo: "near" must be within MAX_DISTANCE_FROM_MILAN_KM of it. */
export const MILAN_CENTRE = { lat: 45.4642, lon: 9.19 };
export const MAX_DISTANCE_FROM_MILAN_KM = 50;

export type SearchParamsResult =
	| { ok: true; params: SearchParams }
	| { ok: false; error: { field: string; message: string } };

const TRUE_VALUES = new Set(['true', '1', 'on', 'yes', 'si', 'sì']);
const FALSE_VALUES = new Set(['false', '0', 'off', 'no']);

const integerIn = (min: number, max: number, message: string) =>
	z
		.string()
		.regex(/^\s*\+?\d{1,9}\s*$/, message)
		.transform(Number)
		.pipe(z.number().int().min(min, message).max(max, message));

const flag = (message: string) =>
	z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.refine((v) => TRUE_VALUES.has(v) || FALSE_VALUES.has(v), message)
		.transform((v) => TRUE_VALUES.has(v));

const coordinates = z
	.string()
	.transform((value, ctx) => {
		const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(value);
		const lat = match ? Number(match[1]) : NaN;
		const lon = match ? Number(match[2]) : NaN;
		if (!match || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
			ctx.addIssue({
				code: 'custom',
				message: 'La posizione deve essere nella forma "latitudine,longitudine", per esempio 45.4642,9.19.'
			});
			return z.NEVER;
		}
		if (distanceKm({ lat, lon }, MILAN_CENTRE) > MAX_DISTANCE_FROM_MILAN_KM) {
			ctx.addIssue({
				code: 'custom',
				message: `La posizione indicata è a più di ${MAX_DISTANCE_FROM_MILAN_KM} km da Milano: Piazza raccoglie i servizi della città.`
			});
			return z.NEVER;
		}
		return { lat, lon };
	});

// Any positive number of km is understood (a radius of 10,000 km is clamped, not refused).
const radius = z
	.string()
	.regex(/^\s*\d{0,9}(?:\.\d+)?\s*$/, 'Il raggio deve essere un numero di chilometri maggiore di zero, per esempio 2.')
	.transform(Number)
	.pipe(z.number().positive('Il raggio deve essere un numero di chilometri maggiore di zero, per esempio 2.'))
	.transform((km) => Math.min(km, MAX_RADIUS_KM));

function termCode(kinds: readonly string[], message: string) {
	return z.string().transform((value, ctx) => {
		const code = value.trim().toLowerCase();
		const known = loadReferenceTaxonomy().terms.some((t) => t.code === code && kinds.includes(t.kind));
		if (!known) {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		}
		return code;
	});
}

/** Every field is optional; an empty value counts as absent (an untouched form field). */
const schema = z.object({
	q: z.string().optional(),
	page: integerIn(1, MAX_PAGE, `La pagina deve essere un numero intero da 1 a ${MAX_PAGE}.`).optional(),
	per_page: integerIn(
		1,
		MAX_PER_PAGE,
		`Il numero di risultati per pagina deve essere un numero intero da 1 a ${MAX_PER_PAGE}.`
	).optional(),
	municipio: integerIn(1, 9, 'Il municipio deve essere un numero da 1 a 9.').optional(),
	near: coordinates.optional(),
	radius_km: radius.optional(),
	free: flag('Il filtro "gratuito" accetta solo true, 1 oppure on.').optional(),
	open_now: flag('Il filtro "aperto ora" accetta solo true, 1 oppure on.').optional(),
	area: termCode(['area', 'subcategory'], 'Area di bisogno sconosciuta: scegline una dall\'elenco.').optional(),
	audience: termCode(
		['family_type', 'person_group'],
		'Destinatari sconosciuti: scegli una delle voci dell\'elenco.'
	).optional()
});

type Field = keyof typeof schema.shape;
const FIELDS = Object.keys(schema.shape) as Field[];

export function parseSearchParams(searchParams: URLSearchParams): SearchParamsResult {
	const raw: Partial<Record<Field, string>> = {};
	for (const field of FIELDS) {
		const value = searchParams.get(field);
		if (value !== null && (field === 'q' || value.trim() !== '')) raw[field] = value;
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, error: { field: String(issue.path[0] ?? 'q'), message: issue.message } };
	}
	const v = parsed.data;
	const near = v.near ?? null;
	return {
		ok: true,
		params: {
			q: cleanQuery(v.q ?? ''),
			area: v.area ?? null,
			audience: v.audience ?? null,
			municipio: v.municipio ?? null,
			near,
			radiusKm: near ? (v.radius_km ?? null) : null,
			free: v.free ?? false,
			openNow: v.open_now ?? false,
			page: v.page ?? 1,
			perPage: v.per_page ?? DEFAULT_PER_PAGE
		}
	};
}

/** Search parameters with every default: a browse of the first page. */
export function defaultSearchParams(overrides: Partial<SearchParams> = {}): SearchParams {
	return {
		q: '',
		area: null,
		audience: null,
		municipio: null,
		near: null,
		radiusKm: null,
		free: false,
		openNow: false,
		page: 1,
		perPage: DEFAULT_PER_PAGE,
		...overrides,
		...(overrides.q !== undefined ? { q: cleanQuery(overrides.q) } : {})
	};
}

/** Great-circle distance on a spherical Earth (km), as earthdistance computes it. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
	const toRad = (d: number) => (d * Math.PI) / 180;
	const dLat = toRad(b.lat - a.lat);
	const dLon = toRad(b.lon - a.lon);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
