import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/db/client.ts';
import { findAreaServices, getArea } from '#lib/server/directory/queries.ts';
import { parsePage, rethrowAsHttp } from '#lib/server/http-errors.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await getDb();
	const subcategory = url.searchParams.get('sottocategoria') || null;
	const page = parsePage(url.searchParams.get('pagina'));
	const [area, services] = await Promise.all([
		getArea(db, params.area, { lang: locals.lang }),
		findAreaServices(db, params.area, { subcategory, page })
	]).catch(rethrowAsHttp);
	if (page > services.totalPages) error(404, 'Questa pagina dei risultati non esiste.');
	return { area, subcategory, services };
};
