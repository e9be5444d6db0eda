import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/db/client.ts';
import { parsePage, rethrowAsHttp } from '#lib/server/http-errors.ts';
import { getNilPage } from '#lib/server/places/queries.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const page = parsePage(url.searchParams.get('pagina'));
	const area = url.searchParams.get('area')?.trim() || null;
	const nilPage = await getNilPage(await getDb(), params.slug, { lang: locals.lang, area, page }).catch(rethrowAsHttp);
	if (page > nilPage.services.totalPages) error(404, 'Questa pagina dei risultati non esiste.');
	return nilPage;
};
