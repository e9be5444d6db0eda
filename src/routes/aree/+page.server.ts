import { getDb } from '#lib/server/db/client.ts';
import { findAreas } from '#lib/server/directory/queries.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	areas: await findAreas(await getDb(), { lang: locals.lang })
});
