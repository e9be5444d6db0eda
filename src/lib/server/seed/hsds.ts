/**
 * The nested HSDS 3.1 service objects the seed produces (the `GET /services/{id}` form that
 * importServices() accepts), and one builder that turns a plain draft into such an object:
 * it derives every id with UUID v5 from a stable key, so a re-run yields the same records,
 * and it checks the classification against the reference taxonomy.
 */
import {
	AREAS_TAXONOMY,
	AUDIENCE_TAXONOMY,
	loadReferenceTaxonomy,
	termId,
	type ReferenceTerm
} from '../taxonomy/reference.ts';
import { uuidV5 } from '../shared/ids.ts';

export type HsdsTaxonomyTerm = {
	id: string;
	code: string;
	name: string;
	description: string;
	taxonomy: string;
	parent_id?: string;
};

export type HsdsAttribute = {
	id: string;
	link_id: string;
	link_entity: 'service';
	taxonomy_term_id: string;
	taxonomy_term: HsdsTaxonomyTerm;
};

export type HsdsAddress = {
	id: string;
	location_id: string;
	address_1: string;
	address_2?: string;
	city: string;
	state_province: string;
	postal_code: string;
	country: string;
	address_type: 'physical';
};

export type HsdsLocation = {
	id: string;
	location_type: 'physical';
	name: string;
	description?: string;
	latitude?: number;
	longitude?: number;
	external_identifier?: string;
	external_identifier_type?: string;
	addresses: HsdsAddress[];
	accessibility?: { id: string; location_id: string; description: string }[];
};

export type HsdsPhone = { id: string; service_id: string; number: string; type: string; description?: string };

export type HsdsSchedule = {
	id: string;
	service_id: string;
	freq: 'WEEKLY';
	byday: string;
	opens_at: string;
	closes_at: string;
	description?: string;
	notes?: string;
};

export type HsdsCostOption = {
	id: string;
	service_id: string;
	option: string;
	currency?: string;
	amount?: number;
	amount_description?: string;
};

export type HsdsLanguage = { id: string; service_id: string; name: string; code: string };

export type HsdsOrganization = {
	id: string;
	name: string;
	description: string;
	website?: string;
	email?: string;
};

export type Channel = 'physical' | 'digital' | 'both';

/** Italian service-page sections and provenance, as `x_` extension properties (DEVELOPERS.md). */
export type ServiceExtensions = {
	x_slug?: string;
	x_source: string;
	x_curated: boolean;
	x_audience_description?: string;
	x_how_to_access?: string;
	x_what_you_need?: string;
	x_what_you_get?: string;
	x_timing?: string;
	x_channel: Channel;
	x_keywords: string[];
};

export type HsdsService = {
	id: string;
	organization_id: string;
	name: string;
	description: string;
	url?: string;
	email?: string;
	status: 'active';
	application_process?: string;
	eligibility_description?: string;
	fees_description?: string;
	minimum_age?: number;
	maximum_age?: number;
	organization: HsdsOrganization;
	service_at_locations: { id: string; service_id: string; location_id: string; location: HsdsLocation }[];
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	cost_options: HsdsCostOption[];
	languages: HsdsLanguage[];
	attributes: HsdsAttribute[];
} & ServiceExtensions;

export type OrganizationDraft = {
	/** Stable key of the organization: the same key always yields the same id. */
	key: string;
	name: string;
	description: string;
	website?: string;
	email?: string;
};

export type LocationDraft = {
	name: string;
	description?: string;
	latitude?: number;
	longitude?: number;
	address: string;
	address2?: string;
	postalCode: string;
	externalIdentifier?: string;
	externalIdentifierType?: string;
	accessibility?: string;
};

export type ScheduleDraft = {
	byday: string;
	opensAt: string;
	closesAt: string;
	description?: string;
};

export type CostDraft = { option: string; amount?: number; amountDescription?: string };

export type ServiceDraft = {
	/** Stable key of the record in its source, e.g. "miur:MIEE8D001X". */
	key: string;
	/** The service id when the source fixes it (curated records); else UUID v5 of the key. */
	id?: string;
	name: string;
	description: string;
	organization: OrganizationDraft;
	location?: LocationDraft;
	url?: string;
	email?: string;
	phones?: { number: string; description?: string }[];
	schedules?: ScheduleDraft[];
	costs?: CostDraft[];
	feesDescription?: string;
	applicationProcess?: string;
	eligibilityDescription?: string;
	minimumAge?: number;
	maximumAge?: number;
	/** Languages besides Italian, which every service speaks. */
	languages?: { code: string; name: string }[];
	/** Sub-category codes of "aree-di-bisogno"; each brings its parent area with it. */
	subcategories: string[];
	/** Codes of "destinatari" (family types and groups of people). */
	audiences?: string[];
} & Partial<Omit<ServiceExtensions, 'x_source' | 'x_curated' | 'x_channel' | 'x_keywords'>> &
	Pick<ServiceExtensions, 'x_source'> & {
		x_curated?: boolean;
		x_channel?: Channel;
		x_keywords?: string[];
	};

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type TermIndex = Map<string, ReferenceTerm>;
let termIndex: TermIndex | undefined;

function terms(): TermIndex {
	termIndex ??= new Map(loadReferenceTaxonomy().terms.map((t) => [`${t.taxonomy}:${t.code}`, t]));
	return termIndex;
}

/** The HSDS taxonomy_term object of a reference term; throws on an unknown code. */
export function taxonomyTerm(taxonomy: string, code: string): HsdsTaxonomyTerm {
	const term = terms().get(`${taxonomy}:${code}`);
	if (!term) throw new Error(`Codice "${code}" assente dalla tassonomia ${taxonomy}`);
	return {
		id: term.id,
		code: term.code,
		name: term.name.it,
		description: term.description.it,
		taxonomy: term.taxonomy,
		...(term.parentCode ? { parent_id: termId(term.taxonomy, term.parentCode) } : {})
	};
}

export function organizationFrom(draft: OrganizationDraft): HsdsOrganization {
	return {
		id: uuidV5(`organization:${draft.key}`),
		name: draft.name,
		description: draft.description,
		...(draft.website ? { website: draft.website } : {}),
		...(draft.email ? { email: draft.email } : {})
	};
}

/** Builds the nested HSDS service of a draft; throws when the draft is not a valid record. */
export function buildService(draft: ServiceDraft): HsdsService {
	const id = draft.id ?? uuidV5(`service:${draft.key}`);
	const sub = (name: string) => uuidV5(`service:${draft.key}:${name}`);
	if (draft.subcategories.length === 0) throw new Error(`${draft.key}: nessuna sottocategoria`);
	const organization = organizationFrom(draft.organization);

	const classification: string[] = [];
	for (const code of draft.subcategories) {
		const term = taxonomyTerm(AREAS_TAXONOMY, code);
		const parent = terms().get(`${AREAS_TAXONOMY}:${code}`)!.parentCode;
		if (!parent) throw new Error(`${draft.key}: "${code}" è un'area, non una sottocategoria`);
		for (const c of [parent, term.code]) if (!classification.includes(c)) classification.push(c);
	}
	const attribute = (taxonomy: string, code: string): HsdsAttribute => {
		const term = taxonomyTerm(taxonomy, code);
		return {
			id: sub(`attribute:${taxonomy}:${code}`),
			link_id: id,
			link_entity: 'service',
			taxonomy_term_id: term.id,
			taxonomy_term: term
		};
	};
	const attributes = [
		...classification.map((code) => attribute(AREAS_TAXONOMY, code)),
		...[...new Set(draft.audiences ?? [])].map((code) => attribute(AUDIENCE_TAXONOMY, code))
	];

	const location = draft.location ? buildLocation(draft.key, draft.location) : undefined;
	const schedules = (draft.schedules ?? []).map((s, i): HsdsSchedule => {
		const days = s.byday.split(',');
		if (!days.every((d) => DAYS.includes(d)) || !TIME.test(s.opensAt) || !TIME.test(s.closesAt)) {
			throw new Error(`${draft.key}: orario non valido ${JSON.stringify(s)}`);
		}
		return {
			id: sub(`schedule:${i}`),
			service_id: id,
			freq: 'WEEKLY',
			byday: s.byday,
			opens_at: s.opensAt,
			closes_at: s.closesAt,
			...(s.description ? { description: s.description } : {})
		};
	});
	const languages: HsdsLanguage[] = [{ code: 'it', name: 'Italiano' }, ...(draft.languages ?? [])].map(
		(l) => ({ id: sub(`language:${l.code}`), service_id: id, name: l.name, code: l.code })
	);

	return {
		id,
		organization_id: organization.id,
		name: draft.name,
		description: draft.description,
		...(draft.url ? { url: draft.url } : {}),
		...(draft.email ? { email: draft.email } : {}),
		status: 'active',
		...(draft.applicationProcess ? { application_process: draft.applicationProcess } : {}),
		...(draft.eligibilityDescription ? { eligibility_description: draft.eligibilityDescription } : {}),
		...(draft.feesDescription ? { fees_description: draft.feesDescription } : {}),
		...(draft.minimumAge !== undefined ? { minimum_age: draft.minimumAge } : {}),
		...(draft.maximumAge !== undefined ? { maximum_age: draft.maximumAge } : {}),
		organization,
		service_at_locations: location
			? [{ id: sub('service_at_location'), service_id: id, location_id: location.id, location }]
			: [],
		phones: (draft.phones ?? []).map((p, i) => ({
			id: sub(`phone:${i}`),
			service_id: id,
			number: p.number,
			type: 'voice',
			...(p.description ? { description: p.description } : {})
		})),
		schedules,
		cost_options: (draft.costs ?? []).map((c, i) => ({
			id: sub(`cost_option:${i}`),
			service_id: id,
			option: c.option,
			...(c.amount !== undefined ? { amount: c.amount, currency: 'EUR' } : {}),
			...(c.amountDescription ? { amount_description: c.amountDescription } : {})
		})),
		languages,
		attributes,
		x_source: draft.x_source,
		x_curated: draft.x_curated ?? false,
		...(draft.x_audience_description ? { x_audience_description: draft.x_audience_description } : {}),
		...(draft.x_how_to_access ? { x_how_to_access: draft.x_how_to_access } : {}),
		...(draft.x_what_you_need ? { x_what_you_need: draft.x_what_you_need } : {}),
		...(draft.x_what_you_get ? { x_what_you_get: draft.x_what_you_get } : {}),
		...(draft.x_timing ? { x_timing: draft.x_timing } : {}),
		x_channel: draft.x_channel ?? 'physical',
		x_keywords: [...new Set(draft.x_keywords ?? [])]
	};
}

function buildLocation(serviceKey: string, draft: LocationDraft): HsdsLocation {
	const id = uuidV5(`location:${serviceKey}`);
	if (!/^\d{5}$/.test(draft.postalCode)) {
		throw new Error(`${serviceKey}: CAP non valido "${draft.postalCode}"`);
	}
	const hasPoint = draft.latitude !== undefined && draft.longitude !== undefined;
	return {
		id,
		location_type: 'physical',
		name: draft.name,
		...(draft.description ? { description: draft.description } : {}),
		...(hasPoint ? { latitude: draft.latitude, longitude: draft.longitude } : {}),
		...(draft.externalIdentifier
			? {
					external_identifier: draft.externalIdentifier,
					external_identifier_type: draft.externalIdentifierType ?? 'source'
				}
			: {}),
		addresses: [
			{
				id: uuidV5(`address:${serviceKey}`),
				location_id: id,
				address_1: draft.address,
				...(draft.address2 ? { address_2: draft.address2 } : {}),
				city: 'Milano',
				state_province: 'MI',
				postal_code: draft.postalCode,
				country: 'IT',
				address_type: 'physical'
			}
		],
		...(draft.accessibility
			? { accessibility: [{ id: uuidV5(`accessibility:${serviceKey}`), location_id: id, description: draft.accessibility }] }
			: {})
	};
}
