/**
 * What the search pages add around the engine's results: the labels of the reference taxonomy
 * in the interface language, and the help shown when a search finds nothing (keywords of the
 * index close to the words typed, and the information desks to ask).
 */
import type { Lang } from '#lib/i18n/index.ts';
import type { TermLabel } from '#lib/components/search/facets.ts';
import type { DbOrTx } from '../db/client.ts';
import { defaultSearchParams } from '../search/inputs.ts';
import { searchServices } from '../search/search-services.ts';
import type { SearchHit, SearchParams } from '../search/types.ts';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { findKeywordsNear, type KeywordSummary } from './queries.ts';

/** The sub-categories whose services are general desks: they listen and point to the right service. */
export const INFORMATION_DESK_AREAS = ['orientamento-servizi-sociali', 'sportelli-informativi'] as const;

/** The Comune di Milano's single number, for any question about city services. */
export const CITY_PHONE = '020202';

export function termLabels(lang: Lang): TermLabel[] {
	return loadReferenceTaxonomy().terms.map((t) => ({
		code: t.code,
		kind: t.kind,
		parentCode: t.parentCode,
		name: t.name[lang]
	}));
}

export type AreaLink = { id: string; name: string; description: string };

export function areaLinks(lang: Lang): AreaLink[] {
	return loadReferenceTaxonomy()
		.terms.filter((t) => t.kind === 'area')
		.map((t) => ({ id: t.code, name: t.name[lang], description: t.description[lang] }));
}

export type SearchHelp = { keywords: KeywordSummary[]; desks: SearchHit[] };


/**
 * The information desks, those of the searched municipio first when the search named one.
 * A desk elsewhere in the city still helps, so the list is never narrowed to nothing.
 */
export async function findInformationDesks(
	db: DbOrTx,
	{ municipio, now, limit = 4 }: { municipio: number | null; now: Date; limit?: number }
): Promise<SearchHit[]> {
	const desks = new Map<string, SearchHit>();
	for (const scope of municipio === null ? [null] : [municipio, null]) {
		for (const area of INFORMATION_DESK_AREAS) {
			const { hits } = await searchServices(db, defaultSearchParams({ area, municipio: scope, perPage: 3 }), { now });
			for (const hit of hits) if (!desks.has(hit.id)) desks.set(hit.id, hit);
		}
		if (desks.size >= limit) break;
	}
	return [...desks.values()].slice(0, limit);
}

export async function findSearchHelp(
	db: DbOrTx,
	params: SearchParams,
	{ now }: { now: Date }
): Promise<SearchHelp> {
	const [keywords, desks] = await Promise.all([
		params.q ? findKeywordsNear(db, params.q) : Promise.resolve([]),
		findInformationDesks(db, { municipio: params.municipio, now })
	]);
	return { keywords, desks };
}
