/** /indice/<slug>: one keyword, what it means, the search it stands for and its first results. */
import { getDb } from '#lib/server/db/client.ts';
import { rethrowAsHttp } from '#lib/server/http-errors.ts';
import { getKeyword } from '#lib/server/keywords/queries.ts';
import { termLabels } from '#lib/server/keywords/search-help.ts';
import { defaultSearchParams } from '#lib/server/search/inputs.ts';
import { searchServices } from '#lib/server/search/search-services.ts';
import type { PageServerLoad } from './$types';

const FIRST_RESULTS = 5;

export const load: PageServerLoad = async ({ params, locals }) => {
	const lang = locals.lang;
	const db = await getDb();
	const keyword = await getKeyword(db, params.slug).catch(rethrowAsHttp);
	const search = defaultSearchParams({
		q: keyword.query,
		area: keyword.filters.area ?? null,
		audience: keyword.filters.audience ?? null,
		free: keyword.filters.free ?? false
	});
	const outcome = await searchServices(db, { ...search, perPage: FIRST_RESULTS }, { now: new Date() });
	const labels = termLabels(lang);
	const name = (code: string | undefined) => (code ? (labels.find((t) => t.code === code)?.name ?? code) : null);
	return {
		lang,
		keyword,
		search,
		areaName: name(keyword.filters.area),
		audienceName: name(keyword.filters.audience),
		total: outcome.total,
		hits: outcome.hits
	};
};
