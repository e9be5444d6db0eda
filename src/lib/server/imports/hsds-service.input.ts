/**
 * One nested HSDS 3.1 service, as the HSDS API returns it from GET /services/{id}, plus the
 * `x_` extension fields of DEVELOPERS.md. Only `id`, `name` and `status` are required; the rest
 * is optional but typed, so a wrong type is reported (in Italian, with its JSON path) instead of
 * failing in the database. Unknown properties are dropped (e.g. `x_municipio`: the municipio is
 * computed from the coordinates). Child ids may be missing: the writer derives stable ones.
 */
import { z } from 'zod';
import { serviceChannels, serviceStatuses } from '../db/schema/directory.ts';

/** An optional HSDS value: null counts as absent. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/** Free text: blank counts as absent, so no empty URL or e-mail reaches the database. */
const text = z
	.string()
	.nullish()
	.transform((v) => (v == null || v.trim() === '' ? null : v));

/** Any 8-4-4-4-12 hexadecimal UUID (PostgreSQL's uuid type accepts all of them), in lower case. */
const uuid = z
	.guid({
		error: (issue) =>
			issue.input === undefined
				? 'campo obbligatorio mancante'
				: 'deve essere un UUID (32 cifre esadecimali nel formato 8-4-4-4-12)'
	})
	.transform((v) => v.toLowerCase());

const requiredText = z.string().trim().min(1, { error: 'non può essere vuoto' });

const integer = (min: number, max = 2_147_483_647) =>
	z
		.number()
		.int({ error: 'deve essere un numero intero' })
		.min(min, { error: `deve essere un numero intero tra ${min} e ${max}` })
		.max(max, { error: `deve essere un numero intero tra ${min} e ${max}` });

const isoDate = z.string().refine(
	(v) => {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		if (!m) return false;
		const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
		return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
	},
	{ error: 'deve essere una data valida nel formato AAAA-MM-GG' }
);

/** "9:00", "09:00", "18:00:00", "24:00" (an HSDS time, optionally with a UTC offset); the hour is zero-padded. */
const clockTime = z
	.string()
	.regex(/^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$|^24:00(:00)?$/, {
		error: 'deve essere un orario nel formato HH:MM (es. 09:00)'
	})
	.transform((v) => (/^\d:/.test(v) ? `0${v}` : v));

const coordinate = (limit: number) => {
	const error = `deve essere un numero tra -${limit} e ${limit}`;
	return z.number({ error }).min(-limit, { error }).max(limit, { error });
};

const upperCaseEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess(
		(v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
		z.enum(values, { error: `deve essere uno tra: ${values.join(', ')}` })
	);

const locationTypes = ['physical', 'postal', 'virtual'] as const;
const locationType = z.enum(locationTypes, { error: `deve essere uno tra: ${locationTypes.join(', ')}` });

export const languageInput = z.object({
	id: optional(uuid),
	name: text,
	code: text,
	note: text
});

export const phoneInput = z.object({
	id: optional(uuid),
	number: requiredText,
	extension: optional(integer(0)),
	type: text,
	description: text,
	languages: optional(z.array(languageInput))
});

export const scheduleInput = z.object({
	id: optional(uuid),
	valid_from: optional(isoDate),
	valid_to: optional(isoDate),
	dtstart: optional(isoDate),
	timezone: optional(z.number()),
	until: optional(isoDate),
	count: optional(integer(0)),
	wkst: optional(upperCaseEnum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])),
	freq: optional(upperCaseEnum(['WEEKLY', 'MONTHLY'])),
	interval: optional(integer(1)),
	byday: text,
	byweekno: text,
	bymonthday: text,
	byyearday: text,
	description: text,
	opens_at: optional(clockTime),
	closes_at: optional(clockTime),
	schedule_link: text,
	attending_type: text,
	notes: text
});

export const contactInput = z.object({
	id: optional(uuid),
	name: text,
	title: text,
	department: text,
	email: text,
	phones: optional(z.array(phoneInput))
});

export const serviceAreaInput = z.object({
	id: optional(uuid),
	name: text,
	description: text,
	extent: text,
	extent_type: text,
	uri: text
});

export const addressInput = z.object({
	id: optional(uuid),
	attention: text,
	address_1: requiredText,
	address_2: text,
	city: requiredText,
	region: text,
	state_province: requiredText,
	postal_code: requiredText,
	country: requiredText,
	address_type: optional(locationType)
});

export const accessibilityInput = z.object({
	id: optional(uuid),
	description: text,
	details: text,
	url: text
});

export const locationInput = z
	.object({
		id: optional(uuid),
		location_type: optional(locationType),
		url: text,
		organization_id: optional(uuid),
		name: text,
		alternate_name: text,
		description: text,
		transportation: text,
		latitude: optional(coordinate(90)),
		longitude: optional(coordinate(180)),
		external_identifier: text,
		external_identifier_type: text,
		languages: optional(z.array(languageInput)),
		addresses: optional(z.array(addressInput)),
		contacts: optional(z.array(contactInput)),
		accessibility: optional(z.array(accessibilityInput)),
		phones: optional(z.array(phoneInput)),
		schedules: optional(z.array(scheduleInput))
	})
	.superRefine((loc, ctx) => {
		if ((loc.latitude == null) !== (loc.longitude == null)) {
			ctx.addIssue({
				code: 'custom',
				path: [loc.latitude == null ? 'latitude' : 'longitude'],
				message: 'latitudine e longitudine vanno indicate insieme'
			});
		}
	});

export const serviceAtLocationInput = z
	.object({
		id: optional(uuid),
		description: text,
		location_id: optional(uuid),
		location: optional(locationInput),
		service_areas: optional(z.array(serviceAreaInput)),
		contacts: optional(z.array(contactInput)),
		phones: optional(z.array(phoneInput)),
		schedules: optional(z.array(scheduleInput))
	})
	.superRefine((sal, ctx) => {
		if (!sal.location && !sal.location_id) {
			ctx.addIssue({ code: 'custom', path: ['location'], message: 'indicare il luogo (location o location_id)' });
		}
	});

export const costOptionInput = z.object({
	id: optional(uuid),
	valid_from: optional(isoDate),
	valid_to: optional(isoDate),
	option: text,
	currency: text,
	amount: optional(z.number().min(0, { error: 'non può essere negativo' })),
	amount_description: text
});

export const requiredDocumentInput = z.object({
	id: optional(uuid),
	document: text,
	uri: text
});

export const taxonomyTermInput = z.object({
	id: optional(uuid),
	code: text,
	name: text,
	description: text,
	parent_id: optional(uuid),
	taxonomy: text,
	taxonomy_id: optional(uuid),
	taxonomy_detail: optional(
		z.object({ id: optional(uuid), name: text, description: text, uri: text, version: text })
	),
	language: text,
	term_uri: text
});

export const attributeInput = z
	.object({
		id: optional(uuid),
		taxonomy_term_id: optional(uuid),
		taxonomy_term: optional(taxonomyTermInput),
		link_type: text,
		// HSDS types it as a string; numbers and booleans are common in the wild and lose nothing as text
		value: optional(z.union([z.string(), z.number(), z.boolean()]).transform(String)),
		label: text
	})
	.superRefine((a, ctx) => {
		if (!a.taxonomy_term && !a.taxonomy_term_id) {
			ctx.addIssue({
				code: 'custom',
				path: ['taxonomy_term'],
				message: 'indicare il termine (taxonomy_term o taxonomy_term_id)'
			});
		}
	});

export const organizationInput = z.object({
	id: uuid,
	name: requiredText,
	alternate_name: text,
	description: text,
	email: text,
	website: text,
	tax_status: text,
	tax_id: text,
	year_incorporated: optional(integer(1000, 9999)),
	legal_status: text,
	logo: text,
	uri: text,
	parent_organization_id: optional(uuid)
});

export const hsdsServiceInput = z
	.object({
		id: uuid,
		organization_id: optional(uuid),
		program_id: optional(uuid),
		name: requiredText,
		alternate_name: text,
		description: text,
		url: text,
		email: text,
		status: z.enum(serviceStatuses, { error: `deve essere uno tra: ${serviceStatuses.join(', ')}` }),
		interpretation_services: text,
		application_process: text,
		fees_description: text,
		/** Deprecated in HSDS 3.1 in favour of fees_description; used when that is missing. */
		fees: text,
		wait_time: text,
		accreditations: text,
		eligibility_description: text,
		minimum_age: optional(integer(0, 150)),
		maximum_age: optional(integer(0, 150)),
		assured_date: optional(isoDate),
		assurer_email: text,
		licenses: text,
		alert: text,
		organization: optional(organizationInput),
		program: optional(z.object({ id: optional(uuid) })),
		phones: optional(z.array(phoneInput)),
		schedules: optional(z.array(scheduleInput)),
		contacts: optional(z.array(contactInput)),
		cost_options: optional(z.array(costOptionInput)),
		languages: optional(z.array(languageInput)),
		required_documents: optional(z.array(requiredDocumentInput)),
		service_areas: optional(z.array(serviceAreaInput)),
		service_at_locations: optional(z.array(serviceAtLocationInput)),
		attributes: optional(z.array(attributeInput)),
		// extensions (DEVELOPERS.md, "Data conventions")
		x_slug: text,
		x_audience_description: text,
		x_how_to_access: text,
		x_what_you_need: text,
		x_what_you_get: text,
		x_timing: text,
		x_channel: optional(z.enum(serviceChannels, { error: `deve essere uno tra: ${serviceChannels.join(', ')}` })),
		x_keywords: optional(z.array(z.string())),
		x_source: text,
		x_curated: optional(z.boolean())
	})
	.superRefine((s, ctx) => {
		if (s.organization && s.organization_id && s.organization.id !== s.organization_id) {
			ctx.addIssue({
				code: 'custom',
				path: ['organization_id'],
				message: 'non corrisponde a organization.id'
			});
		}
		if (!s.organization && !s.organization_id) {
			ctx.addIssue({
				code: 'custom',
				path: ['organization'],
				message: "indicare l'ente che offre il servizio (organization o organization_id)"
			});
		}
		if (s.minimum_age != null && s.maximum_age != null && s.minimum_age > s.maximum_age) {
			ctx.addIssue({ code: 'custom', path: ['maximum_age'], message: "non può essere minore di minimum_age" });
		}
	});

export type HsdsServiceInput = z.output<typeof hsdsServiceInput>;
export type HsdsLocationInput = z.output<typeof locationInput>;
export type HsdsPhoneInput = z.output<typeof phoneInput>;
export type HsdsContactInput = z.output<typeof contactInput>;
export type HsdsScheduleInput = z.output<typeof scheduleInput>;
export type HsdsLanguageInput = z.output<typeof languageInput>;
export type HsdsServiceAreaInput = z.output<typeof serviceAreaInput>;

/** `service_at_locations[0].location.latitude` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
		.join('');
}

const expectedNames: Record<string, string> = {
	string: 'un testo',
	number: 'un numero',
	int: 'un numero intero',
	boolean: 'true o false',
	array: 'un elenco (array JSON)',
	object: 'un oggetto JSON'
};

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'un elenco';
	if (typeof value === 'string') return `il testo "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
	if (typeof value === 'object') return 'un oggetto';
	return String(value);
}

/** Plain Italian for the generic issues; schemas above carry their own wording where it helps. */
function italianMessage(issue: z.core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'campo obbligatorio mancante';
			return `deve essere ${expectedNames[issue.expected] ?? issue.expected}, non ${describeValue(issue.input)}`;
		case 'invalid_value':
			return `deve essere uno tra: ${issue.values.map(String).join(', ')}`;
		case 'too_small':
			return issue.origin === 'string' ? 'non può essere vuoto' : `deve essere almeno ${String(issue.minimum)}`;
		case 'too_big':
			return `deve essere al massimo ${String(issue.maximum)}`;
		case 'invalid_union':
			return 'valore di tipo non valido';
		default:
			return undefined;
	}
}

export type ParseIssue = { path: readonly PropertyKey[]; message: string };
export type ParseResult =
	| { ok: true; value: HsdsServiceInput }
	| { ok: false; reasons: string[]; issues: ParseIssue[] };

/** Validates one raw service; every reason reads "<path>: <problem>". */
export function parseHsdsService(raw: unknown): ParseResult {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		const message = `il servizio deve essere un oggetto JSON, non ${describeValue(raw)}`;
		return { ok: false, reasons: [message], issues: [{ path: [], message }] };
	}
	const result = hsdsServiceInput.safeParse(raw, { error: italianMessage });
	if (result.success) return { ok: true, value: result.data };
	const issues = result.error.issues.map((i) => ({ path: i.path, message: i.message }));
	return {
		ok: false,
		reasons: issues.map((i) => (i.path.length ? `${formatPath(i.path)}: ${i.message}` : i.message)),
		issues
	};
}
