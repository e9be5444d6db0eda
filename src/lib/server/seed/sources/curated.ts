/**
 * Hand-written records (data/seed/curated-services.json) for the municipal and public services
 * the city names itself but no open dataset lists: nidi, custodi sociali, SAD, contributions,
 * consultori... They are written in the nested HSDS form with the service `id` fixed and the
 * nested ids left out; this loader checks them and completes ids and taxonomy terms the same way
 * as for the open data, and marks them `x_curated`.
 */
import type { Channel, OrganizationDraft, ServiceDraft } from '../hsds.ts';
import { COMUNE_DI_MILANO } from '../organizations.ts';
import { loadReferenceTaxonomy, AREAS_TAXONOMY, AUDIENCE_TAXONOMY } from '../../taxonomy/reference.ts';
import { slugify } from '../text.ts';

export const CURATED_SOURCE = 'curated';

type CuratedLocation = {
	name: string;
	description?: string;
	latitude?: number;
	longitude?: number;
	addresses: { address_1: string; address_2?: string; postal_code: string }[];
};

export type CuratedRecord = {
	id: string;
	name: string;
	description: string;
	status: 'active';
	url?: string;
	email?: string;
	fees_description?: string;
	eligibility_description?: string;
	application_process?: string;
	minimum_age?: number;
	maximum_age?: number;
	organization: { name: string; description?: string; website?: string; email?: string };
	service_at_locations?: { location: CuratedLocation }[];
	phones?: { number: string; description?: string }[];
	schedules?: { byday: string; opens_at: string; closes_at: string; description?: string }[];
	cost_options?: { option: string; amount?: number; amount_description?: string }[];
	languages?: { code: string; name: string }[];
	attributes: { taxonomy_term: { taxonomy: string; code: string } }[];
	x_source?: string;
	x_audience_description?: string;
	x_how_to_access?: string;
	x_what_you_need?: string;
	x_what_you_get?: string;
	x_timing?: string;
	x_channel?: Channel;
	x_keywords?: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function organizationOf(org: CuratedRecord['organization']): OrganizationDraft {
	if (org.name === COMUNE_DI_MILANO.name) return COMUNE_DI_MILANO;
	return {
		key: `curated-org:${slugify(org.name)}`,
		name: org.name,
		description: org.description ?? '',
		...(org.website ? { website: org.website } : {}),
		...(org.email ? { email: org.email } : {})
	};
}

/** The curated file -> drafts; throws with the record's name on anything malformed. */
export function convertCuratedServices(jsonText: string): ServiceDraft[] {
	const { services } = JSON.parse(jsonText) as { services: CuratedRecord[] };
	const reference = loadReferenceTaxonomy();
	const kindOf = new Map(reference.terms.map((t) => [`${t.taxonomy}:${t.code}`, t.kind]));
	return services.map((record): ServiceDraft => {
		const fail = (problem: string) => {
			throw new Error(`curated-services.json, "${record.name}": ${problem}`);
		};
		if (!UUID.test(record.id)) fail(`id non valido "${record.id}"`);
		if (record.status !== 'active') fail('status deve essere "active"');
		const subcategories: string[] = [];
		const areas: string[] = [];
		const audiences: string[] = [];
		for (const { taxonomy_term: term } of record.attributes) {
			const kind = kindOf.get(`${term.taxonomy}:${term.code}`);
			if (!kind) fail(`termine sconosciuto ${term.taxonomy}:${term.code}`);
			if (term.taxonomy === AREAS_TAXONOMY) (kind === 'area' ? areas : subcategories).push(term.code);
			else if (term.taxonomy === AUDIENCE_TAXONOMY) audiences.push(term.code);
		}
		if (subcategories.length === 0) fail('manca una sottocategoria di aree-di-bisogno');
		// An area listed on its own would be a classification the sub-categories do not explain.
		const parents = new Set(
			subcategories.map((code) => reference.terms.find((t) => t.taxonomy === AREAS_TAXONOMY && t.code === code)!.parentCode)
		);
		for (const area of areas) if (!parents.has(area)) fail(`area ${area} senza una sua sottocategoria`);
		const sal = record.service_at_locations ?? [];
		if (sal.length > 1) fail('un solo luogo per servizio');
		const loc = sal[0]?.location;
		const address = loc?.addresses[0];
		if (loc && !address) fail('il luogo non ha indirizzo');
		return {
			key: `${CURATED_SOURCE}:${record.id}`,
			id: record.id,
			name: record.name,
			description: record.description,
			organization: organizationOf(record.organization),
			...(loc && address
				? {
						location: {
							name: loc.name,
							description: loc.description,
							latitude: loc.latitude,
							longitude: loc.longitude,
							address: address.address_1,
							address2: address.address_2,
							postalCode: address.postal_code
						}
					}
				: {}),
			url: record.url,
			email: record.email,
			phones: record.phones,
			schedules: record.schedules?.map((s) => ({
				byday: s.byday,
				opensAt: s.opens_at,
				closesAt: s.closes_at,
				description: s.description
			})),
			costs: record.cost_options?.map((c) => ({ option: c.option, amount: c.amount, amountDescription: c.amount_description })),
			feesDescription: record.fees_description,
			eligibilityDescription: record.eligibility_description,
			applicationProcess: record.application_process,
			minimumAge: record.minimum_age,
			maximumAge: record.maximum_age,
			languages: record.languages,
			subcategories,
			audiences,
			x_source: record.x_source ?? CURATED_SOURCE,
			x_curated: true,
			x_audience_description: record.x_audience_description,
			x_how_to_access: record.x_how_to_access,
			x_what_you_need: record.x_what_you_need,
			x_what_you_get: record.x_what_you_get,
			x_timing: record.x_timing,
			x_channel: record.x_channel ?? (loc ? 'physical' : 'digital'),
			x_keywords: record.x_keywords ?? []
		};
	});
}
