import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/db/client.ts';
import { getOrganizationPage } from '#lib/server/directory/queries.ts';
import { parsePage, rethrowAsHttp } from '#lib/server/http-errors.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, url }) => {
	const page = parsePage(url.searchParams.get('pagina'));
	const record = await getOrganizationPage(await getDb(), params.slug, { page }).catch(rethrowAsHttp);
	if (page > record.services.totalPages) error(404, 'Questa pagina dei servizi non esiste.');
	return { record };
};
