import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/db/client.ts';
import { rethrowAsHttp } from '#lib/server/http-errors.ts';
import { getMunicipioPage } from '#lib/server/places/queries.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!/^[1-9]\d?$/.test(params.n)) error(404, 'Questo municipio non esiste: Milano ha 9 municipi, numerati da 1 a 9.');
	return getMunicipioPage(await getDb(), Number(params.n), { lang: locals.lang }).catch(rethrowAsHttp);
};
