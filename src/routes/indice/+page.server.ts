import { getDb } from '#lib/server/db/client.ts';
import { findKeywordIndex } from '#lib/server/keywords/queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	lang: locals.lang,
	groups: await findKeywordIndex(await getDb())
});
