/**
 * The query parameters of the HSDS API (the official OpenAPI's `components/parameters`),
 * parsed once at the boundary with a plain Italian message naming the parameter at fault.
 * An empty value counts as absent. Unknown parameters are ignored, as HTTP APIs do.
 */
import { z } from 'zod';

/** The official OpenAPI is silent on page sizes: 50 by default, at most 100. */
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;
/** `minimal` asks for every service in one page (OpenAPI: "aim to return all services within one page"). */
export const MAX_MINIMAL_PER_PAGE = 10_000;
export const MAX_PAGE = 100_000;
/** `proximity` is clamped to this many metres, as the search's radius is. */
export const MAX_PROXIMITY_METERS = 50_000;

export type HsdsInputError = { field: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: HsdsInputError };

const TRUE_VALUES = new Set(['true', '1']);
const FALSE_VALUES = new Set(['false', '0']);

const flag = (name: string) =>
	z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.refine((v) => TRUE_VALUES.has(v) || FALSE_VALUES.has(v), `Il parametro ${name} accetta solo true o false.`)
		.transform((v) => TRUE_VALUES.has(v));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be an id of ours: anything else is an unknown id (404), never a database error. */
export const isHsdsId = (value: string) => UUID.test(value);

const id = (name: string) =>
	z
		.string()
		.trim()
		.regex(UUID, `Il parametro ${name} deve essere un UUID (per esempio 2f1c7a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b).`)
		.transform((v) => v.toLowerCase());

const integerIn = (min: number, max: number, message: string) =>
	z
		.string()
		.regex(/^\s*\+?\d{1,9}\s*$/, message)
		.transform(Number)
		.pipe(z.number().int().min(min, message).max(max, message));

const dateTime = z.string().transform((value, ctx) => {
	const v = value.trim();
	const time = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(v) ? Date.parse(v) : NaN;
	if (Number.isNaN(time)) {
		ctx.addIssue({
			code: 'custom',
			message:
				'Il parametro modified_after deve essere una data o una data e ora ISO 8601, per esempio 2026-11-01 o 2026-11-01T08:00:00Z.'
		});
		return z.NEVER;
	}
	return new Date(time);
});

const format = z
	.string()
	.trim()
	.refine((v) => v.toLowerCase() === 'json', 'Il parametro format accetta solo json: le pagine sono sempre in JSON.');

const paging = {
	page: integerIn(1, MAX_PAGE, `Il parametro page deve essere un numero intero da 1 a ${MAX_PAGE}.`),
	per_page: z.string(),
	format
};

const perPage = (max: number) =>
	integerIn(1, max, `Il parametro per_page deve essere un numero intero da 1 a ${max}.`);

const servicesSchema = z.object({
	...paging,
	search: z.string(),
	taxonomy_term_id: id('taxonomy_term_id'),
	taxonomy_id: id('taxonomy_id'),
	organization_id: id('organization_id'),
	modified_after: dateTime,
	minimal: flag('minimal'),
	full: flag('full')
});

const organizationsSchema = z.object({
	...paging,
	search: z.string(),
	full_service: flag('full_service'),
	full: flag('full'),
	taxonomy_term_id: id('taxonomy_term_id'),
	taxonomy_id: id('taxonomy_id')
});

const taxonomiesSchema = z.object({ ...paging, search: z.string() });

const taxonomyTermsSchema = z.object({
	...paging,
	search: z.string(),
	taxonomy_id: id('taxonomy_id'),
	top_only: flag('top_only'),
	parent_id: id('parent_id')
});

const serviceAtLocationsSchema = z.object({
	...paging,
	search: z.string(),
	taxonomy_term_id: id('taxonomy_term_id'),
	taxonomy_id: id('taxonomy_id'),
	organization_id: id('organization_id'),
	modified_after: dateTime,
	full: flag('full'),
	postcode: z
		.string()
		.trim()
		.regex(/^[0-9A-Za-z -]{2,10}$/, 'Il parametro postcode deve essere un codice postale, per esempio 20132.'),
	proximity: z
		.string()
		.regex(/^\s*\d{1,9}(\.\d+)?\s*$/, 'Il parametro proximity deve essere una distanza in metri maggiore di zero.')
		.transform(Number)
		.pipe(z.number().positive('Il parametro proximity deve essere una distanza in metri maggiore di zero.'))
		.transform((m) => Math.min(m, MAX_PROXIMITY_METERS))
});

const organizationSchema = z.object({ full_service: flag('full_service') });

type Paging = { page: number; perPage: number };

export type ServicesQuery = Paging & {
	search: string | null;
	taxonomyTermId: string | null;
	taxonomyId: string | null;
	organizationId: string | null;
	modifiedAfter: Date | null;
	minimal: boolean;
	full: boolean;
};
export type OrganizationsQuery = Paging & {
	search: string | null;
	full: boolean;
	fullService: boolean;
	taxonomyTermId: string | null;
	taxonomyId: string | null;
};
export type TaxonomiesQuery = Paging & { search: string | null };
export type TaxonomyTermsQuery = Paging & {
	search: string | null;
	taxonomyId: string | null;
	topOnly: boolean;
	parentId: string | null;
};
export type ServiceAtLocationsQuery = Omit<ServicesQuery, 'minimal'> & {
	postcode: string | null;
	proximityMeters: number | null;
};

/** The present, non-empty parameters of `schema`, parsed; the first problem as an error. */
function parseWith<S extends z.ZodObject>(
	schema: S,
	params: URLSearchParams
): Parsed<Partial<z.output<S>>> {
	const raw: Record<string, string> = {};
	for (const key of Object.keys(schema.shape)) {
		const value = params.get(key);
		if (value !== null && value.trim() !== '') raw[key] = value;
	}
	const parsed = schema.partial().safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, error: { field: String(issue.path[0]), message: issue.message } };
	}
	return { ok: true, value: parsed.data as Partial<z.output<S>> };
}

function pagingOf(v: { page?: number; per_page?: string }, max: number, fallback: number): Parsed<Paging> {
	if (v.per_page === undefined) return { ok: true, value: { page: v.page ?? 1, perPage: fallback } };
	const parsed = perPage(max).safeParse(v.per_page);
	if (!parsed.success) return { ok: false, error: { field: 'per_page', message: parsed.error.issues[0]!.message } };
	return { ok: true, value: { page: v.page ?? 1, perPage: parsed.data } };
}

const searchOf = (v: { search?: string }) => v.search?.trim() || null;

function withPaging<V extends { page?: number; per_page?: string }, T>(
	parsed: Parsed<V>,
	build: (v: V, paging: Paging) => T,
	max = MAX_PER_PAGE,
	fallback = DEFAULT_PER_PAGE
): Parsed<T> {
	if (!parsed.ok) return parsed;
	const paging = pagingOf(parsed.value, max, fallback);
	if (!paging.ok) return paging;
	return { ok: true, value: build(parsed.value, paging.value) };
}

export function parseServicesQuery(params: URLSearchParams): Parsed<ServicesQuery> {
	const parsed = parseWith(servicesSchema, params);
	const minimal = parsed.ok && parsed.value.minimal === true;
	return withPaging(
		parsed,
		(v, paging) => ({
			...paging,
			search: searchOf(v),
			taxonomyTermId: v.taxonomy_term_id ?? null,
			taxonomyId: v.taxonomy_id ?? null,
			organizationId: v.organization_id ?? null,
			modifiedAfter: v.modified_after ?? null,
			minimal,
			full: !minimal && v.full === true
		}),
		minimal ? MAX_MINIMAL_PER_PAGE : MAX_PER_PAGE,
		minimal ? MAX_MINIMAL_PER_PAGE : DEFAULT_PER_PAGE
	);
}

export function parseOrganizationsQuery(params: URLSearchParams): Parsed<OrganizationsQuery> {
	return withPaging(parseWith(organizationsSchema, params), (v, paging) => ({
		...paging,
		search: searchOf(v),
		full: v.full === true,
		fullService: v.full_service === true,
		taxonomyTermId: v.taxonomy_term_id ?? null,
		taxonomyId: v.taxonomy_id ?? null
	}));
}

export function parseTaxonomiesQuery(params: URLSearchParams): Parsed<TaxonomiesQuery> {
	return withPaging(parseWith(taxonomiesSchema, params), (v, paging) => ({ ...paging, search: searchOf(v) }));
}

export function parseTaxonomyTermsQuery(params: URLSearchParams): Parsed<TaxonomyTermsQuery> {
	return withPaging(parseWith(taxonomyTermsSchema, params), (v, paging) => ({
		...paging,
		search: searchOf(v),
		taxonomyId: v.taxonomy_id ?? null,
		topOnly: v.top_only === true,
		parentId: v.parent_id ?? null
	}));
}

export function parseServiceAtLocationsQuery(params: URLSearchParams): Parsed<ServiceAtLocationsQuery> {
	const parsed = withPaging(parseWith(serviceAtLocationsSchema, params), (v, paging) => ({
		...paging,
		search: searchOf(v),
		taxonomyTermId: v.taxonomy_term_id ?? null,
		taxonomyId: v.taxonomy_id ?? null,
		organizationId: v.organization_id ?? null,
		modifiedAfter: v.modified_after ?? null,
		full: v.full === true,
		postcode: v.postcode?.toUpperCase() ?? null,
		proximityMeters: v.proximity ?? null
	}));
	if (parsed.ok && parsed.value.proximityMeters !== null && parsed.value.postcode === null) {
		return {
			ok: false,
			error: { field: 'proximity', message: 'Il parametro proximity va usato insieme a postcode: la distanza si misura dal codice postale.' }
		};
	}
	return parsed;
}

export function parseOrganizationQuery(params: URLSearchParams): Parsed<{ fullService: boolean }> {
	const parsed = parseWith(organizationSchema, params);
	return parsed.ok ? { ok: true, value: { fullService: parsed.value.full_service === true } } : parsed;
}
