/**
 * The reference taxonomy of the portal (data/reference/aree-di-bisogno.json): 11 areas of need
 * with sub-categories (taxonomy "aree-di-bisogno") and the people a service is for (taxonomy
 * "destinatari": family types and groups of people). Slugs are the HSDS term codes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TermKind } from '../db/schema/taxonomy.ts';
import { uuidV5 } from '../shared/ids.ts';

type Label = { it: string; en: string };
type RawFile = {
	taxonomy: string;
	about: string;
	areas: { id: string; name: Label; description?: Label; subcategories: { id: string; name: Label }[] }[];
	audiences: {
		taxonomy: string;
		about: string;
		family_types: { id: string; name: Label }[];
		people: { id: string; name: Label }[];
	};
};

export const AREAS_TAXONOMY = 'aree-di-bisogno';
export const AUDIENCE_TAXONOMY = 'destinatari';

export type ReferenceTerm = {
	id: string;
	code: string;
	taxonomy: typeof AREAS_TAXONOMY | typeof AUDIENCE_TAXONOMY;
	kind: TermKind;
	name: Label;
	description: Label;
	parentCode: string | null;
	position: number;
};

export type ReferenceTaxonomy = {
	taxonomies: { id: string; name: string; description: string }[];
	terms: ReferenceTerm[];
};

export const taxonomyId = (name: string) => uuidV5(`taxonomy:${name}`);
export const termId = (taxonomy: string, code: string) => uuidV5(`taxonomy_term:${taxonomy}:${code}`);

let cached: ReferenceTaxonomy | undefined;

export function loadReferenceTaxonomy(
	file = path.resolve(process.cwd(), 'data/reference/aree-di-bisogno.json')
): ReferenceTaxonomy {
	if (cached) return cached;
	const raw = JSON.parse(readFileSync(file, 'utf8')) as RawFile;
	const terms: ReferenceTerm[] = [];
	raw.areas.forEach((area, i) => {
		const areaDescription = area.description ?? area.name;
		terms.push({
			id: termId(AREAS_TAXONOMY, area.id),
			code: area.id,
			taxonomy: AREAS_TAXONOMY,
			kind: 'area',
			name: area.name,
			description: areaDescription,
			parentCode: null,
			position: i
		});
		area.subcategories.forEach((sub, j) =>
			terms.push({
				id: termId(AREAS_TAXONOMY, sub.id),
				code: sub.id,
				taxonomy: AREAS_TAXONOMY,
				kind: 'subcategory',
				name: sub.name,
				description: {
					it: `${sub.name.it} (area: ${area.name.it}).`,
					en: `${sub.name.en} (area: ${area.name.en}).`
				},
				parentCode: area.id,
				position: j
			})
		);
	});
	const audience = (kind: TermKind, list: { id: string; name: Label }[]) =>
		list.forEach((entry, i) =>
			terms.push({
				id: termId(AUDIENCE_TAXONOMY, entry.id),
				code: entry.id,
				taxonomy: AUDIENCE_TAXONOMY,
				kind,
				name: entry.name,
				description: { it: `Destinatari: ${entry.name.it}.`, en: `For: ${entry.name.en}.` },
				parentCode: null,
				position: i
			})
		);
	audience('family_type', raw.audiences.family_types);
	audience('person_group', raw.audiences.people);
	cached = {
		taxonomies: [
			{ id: taxonomyId(AREAS_TAXONOMY), name: AREAS_TAXONOMY, description: raw.about },
			{ id: taxonomyId(AUDIENCE_TAXONOMY), name: AUDIENCE_TAXONOMY, description: raw.audiences.about }
		],
		terms
	};
	return cached;
}
